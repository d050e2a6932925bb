package dev.graphfleet.volume.monitor;

import java.util.Objects;

/**
 * The data volume's filesystem as one source saw it.
 *
 * @param sizeGb     filesystem total
 * @param usedGb     used
 * @param usage      used fraction, 0..1
 * @param mountPoint where it is mounted
 * @param source     who answered
 */
public record DiskReading(double sizeGb, double usedGb, double usage, String mountPoint, MetricsSource source) {
    public DiskReading {
        if (!(sizeGb > 0) || Double.isInfinite(sizeGb)) {
            throw new IllegalArgumentException("volume_size_gb must be a positive number of GB, got " + sizeGb);
        }
        if (!(usedGb >= 0) || Double.isInfinite(usedGb)) {
            throw new IllegalArgumentException("used_gb must be a number of GB >= 0, got " + usedGb);
        }
        if (!(usage >= 0 && usage <= 1)) {
            throw new IllegalArgumentException("usage_percent must be a fraction in [0, 1], got " + usage);
        }
        Objects.requireNonNull(source, "source");
    }
}
