package dev.graphfleet.volume.monitor;

/**
 * The fallback when a node does not answer: the CloudWatch agent's disk metrics for the instance's data
 * mount ({@code disk_used_percent}, {@code disk_total}).
 */
@FunctionalInterface
public interface CloudWatchDiskMetrics {

    /** The latest reading, or an exception whose message says why there is none. */
    DiskReading read(WatchedInstance instance) throws Exception;

    /** For runs without AWS: always fails, saying so. */
    static CloudWatchDiskMetrics unavailable(String why) {
        return instance -> {
            throw new IllegalStateException("CloudWatch fallback not configured (" + why + ")");
        };
    }
}
