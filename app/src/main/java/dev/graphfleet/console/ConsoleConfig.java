package dev.graphfleet.console;

import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.fleet.FleetSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the console shows and how: the fleet source (null: none found, the empty state), the node
 * detail reader, the refresh interval, the theme, where a local fleet was looked for, and what the
 * operator may do ({@link OperatorSettings}).
 */
public record ConsoleConfig(FleetSource source, NodeDetailReader details, Duration interval, boolean dark,
                            Path localFleetDir, OperatorSettings operator) {

    /** Waits grow up to this while the source cannot be read. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public ConsoleConfig {
        Objects.requireNonNull(interval, "interval");
        operator = operator != null ? operator : OperatorSettings.nodes(false);
    }

    /** A source with the default operator settings: a list of nodes, actions allowed, invalidate only. */
    public ConsoleConfig(FleetSource source, NodeDetailReader details, Duration interval, boolean dark,
                         Path localFleetDir) {
        this(source, details, interval, dark, localFleetDir, null);
    }

    /** No source: the empty state, which says where no local fleet was found. */
    public static ConsoleConfig empty(boolean dark, Path lookedIn) {
        return new ConsoleConfig(null, null, Duration.ofSeconds(1), dark, lookedIn);
    }

    public boolean hasSource() {
        return source != null;
    }
}
