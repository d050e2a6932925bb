package dev.graphfleet.console.service.actions;

import dev.graphfleet.fleet.FleetInstance;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the console can do to the fleet it shows. One implementation per kind of source: the local
 * fleet (in this process or through its control endpoint), a list of nodes, AWS. Every method may block: the console calls them off the FX thread.
 */
public interface FleetActions {

    /** Null when this source can take actions of {@code kind}; else why not, in a sentence. */
    String unavailable(ActionKind kind);

    /** Databases an instance serves that the fleet model does not list (e.g. the local writer's). */
    default List<String> knownDatabases(FleetInstance instance) {
        return List.of();
    }

    /** Replica groups to offer when the source has none of its own (the local fleet's replicas). */
    default List<String> implicitGroups() {
        return List.of();
    }

    /** Whether this source can restart the instance (the local fleet: its replicas). */
    default boolean canRestart(FleetInstance instance) {
        return false;
    }

    /** What {@code request} would do, in full, changing nothing. */
    ActionPlan prepare(ActionRequest request);

    /** Does it; {@code progress} hears each step. Failures are results, not exceptions. */
    ActionResult run(ActionRequest request, Consumer<String> progress);

    /** A source that can only invalidate databases over the node API. */
    static FleetActions nodesOnly(NodeInvalidator invalidator, String whyNotTheRest) {
        return new NodeActions(invalidator, whyNotTheRest);
    }
}
