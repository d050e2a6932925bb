package dev.graphfleet.console;

import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.fleet.FleetSource;
import java.time.Duration;
import java.util.Objects;

/**
 * What the console shows and how: the fleet source (null: none given, the empty state), the node
 * detail reader, the refresh interval, and the theme.
 */
public record ConsoleConfig(FleetSource source, NodeDetailReader details, Duration interval, boolean dark) {

    /** Waits grow up to this while the source cannot be read. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public ConsoleConfig {
        Objects.requireNonNull(interval, "interval");
    }

    public static ConsoleConfig empty(boolean dark) {
        return new ConsoleConfig(null, null, Duration.ofSeconds(1), dark);
    }

    public boolean hasSource() {
        return source != null;
    }
}
