package dev.graphfleet.node.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * The data volume as a {@link DataVolumeSource} measured it.
 *
 * @param volumeId   the volume's id
 * @param sizeBytes  the filesystem's size
 * @param usedBytes  bytes in use (may exceed the size on a simulated volume: the directory is not really bounded)
 * @param mountPoint where the data lives
 * @param simulated  true when the size is a simulation, not a disk (the local fleet)
 * @param measuredAt when it was measured
 */
public record DataVolumeReading(String volumeId, long sizeBytes, long usedBytes, String mountPoint,
                                boolean simulated, Instant measuredAt) {

    public DataVolumeReading {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(measuredAt, "measuredAt");
        if (sizeBytes <= 0) {
            throw new IllegalArgumentException("a data volume's size must be positive, got " + sizeBytes);
        }
        if (usedBytes < 0) {
            throw new IllegalArgumentException("used bytes must not be negative, got " + usedBytes);
        }
    }

    /** Used share of the volume, 0..1 (a full simulated volume reads 1 however far past it the directory is). */
    public double usageFraction() {
        return Math.min(1.0, (double) usedBytes / sizeBytes);
    }

    public long freeBytes() {
        return Math.max(0, sizeBytes - usedBytes);
    }
}
