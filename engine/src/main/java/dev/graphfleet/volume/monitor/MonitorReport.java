package dev.graphfleet.volume.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One run of the monitor.
 *
 * @param startedAt when it started
 * @param took      how long it took
 * @param alarm     whether it ran with the alarm threshold
 * @param dryRun    whether actions were suppressed
 * @param instances one row per instance, in the order they were given
 */
public record MonitorReport(Instant startedAt, Duration took, boolean alarm, boolean dryRun,
                            List<InstanceReport> instances) {

    public MonitorReport {
        instances = List.copyOf(instances);
    }

    /** How many instances were read from CloudWatch because their node did not answer. */
    public long fallbacks() {
        return instances.stream().filter(r -> r.source() == MetricsSource.CLOUDWATCH).count();
    }

    public long count(Outcome outcome) {
        return instances.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** Rows with an error. */
    public List<InstanceReport> failures() {
        return instances.stream().filter(r -> r.error() != null).toList();
    }

    /** Rows a human should hear about (alerts, stuck modifications, errors). */
    public List<InstanceReport> attention() {
        return instances.stream().filter(InstanceReport::needsAttention).toList();
    }

    /** True when every instance was checked without error. */
    public boolean ok() {
        return failures().isEmpty() && count(Outcome.NOT_CHECKED) == 0;
    }
}
