package dev.graphfleet.console;

import dev.graphfleet.console.service.actions.FleetActions;
import dev.graphfleet.console.service.actions.NodeInvalidator;
import dev.graphfleet.console.viewmodel.SourceKind;
import java.time.Duration;
import java.util.Objects;

/**
 * What the operator may do and how the window says where it is: the kind of source and its
 * environment name (the colour band), whether it starts read-only, and the source's actions.
 */
public record OperatorSettings(SourceKind kind, String environment, boolean readOnly, FleetActions actions) {

    /** For sources other than the console's own: only the node API's invalidate. */
    public static final String NODES_ONLY = "a list of node URLs has no snapshots, replica groups or volumes the "
            + "console can act on; only invalidating a database works here";

    public OperatorSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actions, "actions");
    }

    /** A list of nodes read without a key: invalidate over the node API, nothing else. */
    public static OperatorSettings nodes(boolean readOnly) {
        return new OperatorSettings(SourceKind.NODES, null, readOnly,
                FleetActions.nodesOnly(NodeInvalidator.create(Duration.ofSeconds(3), null), NODES_ONLY));
    }
}
