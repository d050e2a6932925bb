package dev.graphfleet.config;

/** Checks of the {@code volumes} section: thresholds are fractions, growth grows, sizes fit EBS. */
final class VolumeRules {

    private VolumeRules() {
    }

    static void check(VolumesConfig volumes, Findings out) {
        out.fraction("volumes.expansion_threshold", volumes.expansionThreshold());
        out.fraction("volumes.alarm_threshold", volumes.alarmThreshold());
        if (volumes.alarmThreshold() > volumes.expansionThreshold()) {
            out.warning("volumes.alarm_threshold", "alarm_threshold " + volumes.alarmThreshold()
                    + " is above expansion_threshold " + volumes.expansionThreshold()
                    + ": an alarm run would expand later than a scheduled run",
                    "set alarm_threshold at or below expansion_threshold (default 0.7 and 0.8)");
        }
        if (volumes.expansionFactor() <= 1.0) {
            out.error("volumes.expansion_factor", "is " + volumes.expansionFactor() + "; a volume must grow",
                    "set expansion_factor above 1, e.g. 1.5");
        }
        out.atLeast("volumes.min_expansion_gb", volumes.minExpansionGb(), 1, " GB");
        out.between("volumes.max_volume_size_gb", volumes.maxVolumeSizeGb(), 1, VolumesConfig.EBS_MAX_VOLUME_SIZE_GB,
                " GB");
        out.atLeast("volumes.xfs_tolerance.min_gb", volumes.xfsTolerance().minGb(), 0, " GB");
        out.between("volumes.xfs_tolerance.percent", volumes.xfsTolerance().percent(), 0, 50, " %");
        out.fraction("volumes.target_usage_after_expansion", volumes.targetUsageAfterExpansion());
        if (volumes.targetUsageAfterExpansion() >= volumes.expansionThreshold()) {
            out.error("volumes.target_usage_after_expansion", "target_usage_after_expansion "
                    + volumes.targetUsageAfterExpansion() + " is not below expansion_threshold "
                    + volumes.expansionThreshold() + ": a volume would be expanded again at once",
                    "set it below expansion_threshold, e.g. 0.6");
        }
        out.atLeast("volumes.round_up_to_gb", volumes.roundUpToGb(), 1, " GB");
        out.atLeast("volumes.modification_timeout_s", volumes.modificationTimeoutS(), 1, " s");
        out.atLeast("volumes.stuck_optimizing_minutes", volumes.stuckOptimizingMinutes(), 1, " min");
        out.atLeast("volumes.node_metrics_timeout_s", volumes.nodeMetricsTimeoutS(), 1, " s");
        out.atLeast("volumes.node_metrics_retries", volumes.nodeMetricsRetries(), 0, "");
    }
}
