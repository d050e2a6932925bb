package dev.graphfleet.node.metrics;

import java.time.Duration;

/**
 * How /metrics is produced.
 *
 * @param sectionTimeout   a section not produced within this is served from cache, marked stale (3 s)
 * @param sizeScanInterval pause between two background scans of database sizes (15 s)
 * @param sizeScanBatch    directory entries read before the scan pauses (1,000): bounds its I/O rate
 * @param sizeScanPause    the pause after each batch (1 ms), so a data directory with 100k files
 *                         cannot keep a disk busy for the scan's sake
 */
public record MetricsSettings(Duration sectionTimeout, Duration sizeScanInterval, int sizeScanBatch,
                              Duration sizeScanPause) {

    public static final MetricsSettings DEFAULTS =
            new MetricsSettings(Duration.ofSeconds(3), Duration.ofSeconds(15), 1_000, Duration.ofMillis(1));

    public MetricsSettings {
        requirePositive("metrics section timeout", sectionTimeout);
        requirePositive("database size scan interval", sizeScanInterval);
        if (sizeScanBatch < 1) {
            throw new IllegalArgumentException("database size scan batch must be at least 1, got " + sizeScanBatch);
        }
        if (sizeScanPause == null || sizeScanPause.isNegative()) {
            throw new IllegalArgumentException("database size scan pause must be zero or positive");
        }
    }

    public MetricsSettings withSectionTimeout(Duration timeout) {
        return new MetricsSettings(timeout, sizeScanInterval, sizeScanBatch, sizeScanPause);
    }

    public MetricsSettings withSizeScanInterval(Duration interval) {
        return new MetricsSettings(sectionTimeout, interval, sizeScanBatch, sizeScanPause);
    }

    private static void requirePositive(String what, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
