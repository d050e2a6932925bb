package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import java.time.Duration;

/**
 * Volume monitor settings ({@code volumes}), in one place (the original spread them over a Lambda,
 * alarms and a script). Usage values are fractions 0..1.
 */
public record VolumesConfig(
        Double expansionThreshold,
        Double alarmThreshold,
        Double expansionFactor,
        Integer minExpansionGb,
        Integer maxVolumeSizeGb,
        XfsToleranceConfig xfsTolerance,
        Double targetUsageAfterExpansion,
        Integer roundUpToGb,
        Integer modificationTimeoutS,
        Integer stuckOptimizingMinutes,
        Integer nodeMetricsTimeoutS,
        Integer nodeMetricsRetries) {

    public static final double DEFAULT_EXPANSION_THRESHOLD = 0.8;
    public static final double DEFAULT_ALARM_THRESHOLD = 0.7;
    public static final double DEFAULT_EXPANSION_FACTOR = 1.5;
    public static final int DEFAULT_MIN_EXPANSION_GB = 50;
    /** The largest gp3 volume EBS allows. */
    public static final int EBS_MAX_VOLUME_SIZE_GB = 16_384;
    public static final double DEFAULT_TARGET_USAGE_AFTER_EXPANSION = 0.6;
    public static final int DEFAULT_ROUND_UP_TO_GB = 10;
    public static final int DEFAULT_MODIFICATION_TIMEOUT_S = 300;
    public static final int DEFAULT_STUCK_OPTIMIZING_MINUTES = 30;
    public static final int DEFAULT_NODE_METRICS_TIMEOUT_S = 10;
    public static final int DEFAULT_NODE_METRICS_RETRIES = 2;
    public static final VolumesConfig DEFAULTS =
            new VolumesConfig(null, null, null, null, null, null, null, null, null, null, null, null);

    public VolumesConfig {
        expansionThreshold = orDefault(expansionThreshold, DEFAULT_EXPANSION_THRESHOLD);
        alarmThreshold = orDefault(alarmThreshold, DEFAULT_ALARM_THRESHOLD);
        expansionFactor = orDefault(expansionFactor, DEFAULT_EXPANSION_FACTOR);
        minExpansionGb = orDefault(minExpansionGb, DEFAULT_MIN_EXPANSION_GB);
        maxVolumeSizeGb = orDefault(maxVolumeSizeGb, EBS_MAX_VOLUME_SIZE_GB);
        xfsTolerance = orDefault(xfsTolerance, XfsToleranceConfig.DEFAULTS);
        targetUsageAfterExpansion = orDefault(targetUsageAfterExpansion, DEFAULT_TARGET_USAGE_AFTER_EXPANSION);
        roundUpToGb = orDefault(roundUpToGb, DEFAULT_ROUND_UP_TO_GB);
        modificationTimeoutS = orDefault(modificationTimeoutS, DEFAULT_MODIFICATION_TIMEOUT_S);
        stuckOptimizingMinutes = orDefault(stuckOptimizingMinutes, DEFAULT_STUCK_OPTIMIZING_MINUTES);
        nodeMetricsTimeoutS = orDefault(nodeMetricsTimeoutS, DEFAULT_NODE_METRICS_TIMEOUT_S);
        nodeMetricsRetries = orDefault(nodeMetricsRetries, DEFAULT_NODE_METRICS_RETRIES);
    }

    public Duration modificationTimeout() {
        return Duration.ofSeconds(modificationTimeoutS);
    }

    public Duration stuckOptimizingAfter() {
        return Duration.ofMinutes(stuckOptimizingMinutes);
    }

    public Duration nodeMetricsTimeout() {
        return Duration.ofSeconds(nodeMetricsTimeoutS);
    }
}
