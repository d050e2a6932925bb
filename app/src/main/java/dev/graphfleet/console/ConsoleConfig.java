package dev.graphfleet.console;

import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.service.VolumeWatch;
import dev.graphfleet.fleet.FleetSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * What the console shows and how: the fleet source (null: none found, the empty state), the node
 * detail reader, the refresh interval, the theme, where a local fleet was looked for, what the
 * operator may do ({@link OperatorSettings}), what reads the volumes' provider and CloudWatch
 * fallback (null: the nodes' figures only), and what starts the source once the window is up (then
 * the source is null until it has started).
 */
public record ConsoleConfig(FleetSource source, NodeDetailReader details, Duration interval, boolean dark,
                            Path localFleetDir, OperatorSettings operator, VolumeWatch volumes,
                            SourceStarter starter) {

    /** Waits grow up to this while the source cannot be read. */
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    public ConsoleConfig {
        Objects.requireNonNull(interval, "interval");
        operator = operator != null ? operator : OperatorSettings.nodes(false);
    }

    /** A source with the default operator settings: a list of nodes, actions allowed, invalidate only. */
    public ConsoleConfig(FleetSource source, NodeDetailReader details, Duration interval, boolean dark,
                         Path localFleetDir) {
        this(source, details, interval, dark, localFleetDir, null, null, null);
    }

    /** With the nodes' own volume figures only (no provider, no CloudWatch fallback). */
    public ConsoleConfig(FleetSource source, NodeDetailReader details, Duration interval, boolean dark,
                         Path localFleetDir, OperatorSettings operator) {
        this(source, details, interval, dark, localFleetDir, operator, null, null);
    }

    /** The same with what reads the volumes' modifications and the CloudWatch fallback. */
    public ConsoleConfig withVolumes(VolumeWatch watch) {
        return new ConsoleConfig(source, details, interval, dark, localFleetDir, operator, watch, starter);
    }

    /** A source that starts after the window is up (the local fleet), behind a splash with its progress. */
    public static ConsoleConfig starting(SourceStarter starter, Duration interval, boolean dark, Path localFleetDir,
                                         OperatorSettings operator) {
        return new ConsoleConfig(null, null, interval, dark, localFleetDir, operator, null,
                Objects.requireNonNull(starter, "starter"));
    }

    /** No source: the empty state, which says where no local fleet was found. */
    public static ConsoleConfig empty(boolean dark, Path lookedIn) {
        return new ConsoleConfig(null, null, Duration.ofSeconds(1), dark, lookedIn);
    }

    public boolean hasSource() {
        return source != null;
    }
}
