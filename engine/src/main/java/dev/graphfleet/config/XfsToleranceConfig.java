package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

/**
 * How much larger the EBS volume may be than its filesystem before only the filesystem is grown:
 * {@code max(min_gb, percent % of the volume)}. XFS keeps 1-2 % for metadata, so a fixed 2 GB
 * was too small for large volumes.
 */
public record XfsToleranceConfig(Integer minGb, Double percent) {

    public static final int DEFAULT_MIN_GB = 2;
    public static final double DEFAULT_PERCENT = 2.0;
    public static final XfsToleranceConfig DEFAULTS = new XfsToleranceConfig(null, null);

    public XfsToleranceConfig {
        minGb = orDefault(minGb, DEFAULT_MIN_GB);
        percent = orDefault(percent, DEFAULT_PERCENT);
    }

    /** The tolerance in GB for a volume of {@code volumeSizeGb}. */
    public double toleranceGb(double volumeSizeGb) {
        return Math.max(minGb, volumeSizeGb * percent / 100.0);
    }
}
