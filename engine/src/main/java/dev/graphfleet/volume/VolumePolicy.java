package dev.graphfleet.volume;

import java.time.Duration;
import java.util.Objects;

/**
 * The thresholds and sizes that drive volume expansion (config keys under {@code volumes:}).
 *
 * <p>Fractions are 0..1 (0.8 means 80 %). Sizes are EBS gibibytes, the unit EBS sizes volumes in.
 * Every check names the config key and the fix, so a bad config fails before any volume is touched.
 *
 * @param expansionThreshold    scheduled runs expand when usage is above this ({@code expansion_threshold}, 0.8)
 * @param alarmThreshold        alarm-triggered runs expand above this ({@code alarm_threshold}, 0.7)
 * @param expansionFactor       grow to at least current × factor ({@code expansion_factor}, 1.5)
 * @param minExpansionGb        grow by at least this much ({@code min_expansion_gb}, 50)
 * @param maxVolumeSizeGb       never ask for more than this, the EBS limit ({@code max_volume_size_gb}, 16384)
 * @param targetUsage           after growth, usage (with the projected growth) comes back to this (0.6)
 * @param roundingGb            new sizes are rounded up to a multiple of this, before the cap (10)
 * @param xfsToleranceMinGb     the filesystem may trail the volume by this much ({@code xfs_tolerance.min_gb}, 2)
 * @param xfsTolerancePercent   ... or by this percentage of the volume, whichever is larger
 *                              ({@code xfs_tolerance.percent}, 2)
 * @param stuckOptimizingAfter  a modification optimizing for longer than this is stuck (30 min)
 * @param modificationCooldown  EBS allows one modification per volume per this window (6 h)
 * @param forecastWindow        the usage history the growth rate is fitted over (6 h)
 */
public record VolumePolicy(
        double expansionThreshold,
        double alarmThreshold,
        double expansionFactor,
        long minExpansionGb,
        long maxVolumeSizeGb,
        double targetUsage,
        long roundingGb,
        double xfsToleranceMinGb,
        double xfsTolerancePercent,
        Duration stuckOptimizingAfter,
        Duration modificationCooldown,
        Duration forecastWindow) {

    /** The largest volume EBS creates (gp2/gp3/io1/st1/sc1: 16 TiB). */
    public static final long EBS_MAX_GB = 16_384;

    public VolumePolicy {
        requireFraction("volumes.expansion_threshold", expansionThreshold);
        requireFraction("volumes.alarm_threshold", alarmThreshold);
        requireFraction("volumes.target_usage", targetUsage);
        if (targetUsage >= Math.min(expansionThreshold, alarmThreshold)) {
            throw new IllegalArgumentException("volumes.target_usage (" + targetUsage + ") must be below both "
                    + "volumes.expansion_threshold (" + expansionThreshold + ") and volumes.alarm_threshold ("
                    + alarmThreshold + "), otherwise an expansion would not bring usage back under the threshold");
        }
        if (!(expansionFactor > 1.0) || Double.isInfinite(expansionFactor)) {
            throw new IllegalArgumentException("volumes.expansion_factor must be greater than 1 (1.5 grows a volume "
                    + "by half), got " + expansionFactor);
        }
        if (minExpansionGb < 1) {
            throw new IllegalArgumentException("volumes.min_expansion_gb must be at least 1 GB, got " + minExpansionGb);
        }
        if (maxVolumeSizeGb < 1 || maxVolumeSizeGb > 4 * EBS_MAX_GB) {
            throw new IllegalArgumentException("volumes.max_volume_size_gb must be between 1 and " + 4 * EBS_MAX_GB
                    + " GB (the EBS limit is " + EBS_MAX_GB + " for gp3), got " + maxVolumeSizeGb);
        }
        if (roundingGb < 1) {
            throw new IllegalArgumentException("volumes.rounding_gb must be at least 1 GB, got " + roundingGb);
        }
        if (!(xfsToleranceMinGb >= 0) || Double.isInfinite(xfsToleranceMinGb)) {
            throw new IllegalArgumentException("volumes.xfs_tolerance.min_gb must be 0 or more GB, got "
                    + xfsToleranceMinGb);
        }
        if (!(xfsTolerancePercent >= 0 && xfsTolerancePercent <= 100)) {
            throw new IllegalArgumentException("volumes.xfs_tolerance.percent must be a percentage between 0 and 100 "
                    + "(2 means 2 %), got " + xfsTolerancePercent);
        }
        requireNonNegative("volumes.stuck_optimizing_after", stuckOptimizingAfter);
        requireNonNegative("volumes.modification_cooldown", modificationCooldown);
        requireNonNegative("volumes.forecast_window", forecastWindow);
    }

    /** The defaults of the original system (seed-behaviours.md §3a). */
    public static VolumePolicy defaults() {
        return of(0.8, 0.7, 1.5, 50, EBS_MAX_GB, 2, 2);
    }

    /**
     * The policy from the plain values of the {@code volumes:} config section; the rest keep their defaults
     * (target usage 0.6, rounding 10 GB, stuck after 30 min, cooldown 6 h, forecast window 6 h).
     */
    public static VolumePolicy of(double expansionThreshold, double alarmThreshold, double expansionFactor,
                                  long minExpansionGb, long maxVolumeSizeGb,
                                  double xfsToleranceMinGb, double xfsTolerancePercent) {
        return new VolumePolicy(expansionThreshold, alarmThreshold, expansionFactor, minExpansionGb, maxVolumeSizeGb,
                0.6, 10, xfsToleranceMinGb, xfsTolerancePercent,
                Duration.ofMinutes(30), Duration.ofHours(6), Duration.ofHours(6));
    }

    /** The threshold a run compares usage with: the lower alarm threshold when an alarm triggered it. */
    public double thresholdFor(boolean alarm) {
        return alarm ? alarmThreshold : expansionThreshold;
    }

    /** How far (GB) the filesystem may trail the volume before it needs growing: max(min_gb, percent % of it). */
    public double xfsToleranceGb(long volumeSizeGb) {
        return Math.max(xfsToleranceMinGb, volumeSizeGb * xfsTolerancePercent / 100.0);
    }

    private static void requireFraction(String key, double value) {
        if (!(value > 0 && value <= 1)) {
            String hint = value > 1 && value <= 100 ? " (write " + value / 100 + " for " + value + " %)" : "";
            throw new IllegalArgumentException(key + " must be a fraction in (0, 1], got " + value + hint);
        }
    }

    private static void requireNonNegative(String key, Duration value) {
        Objects.requireNonNull(value, key);
        if (value.isNegative()) {
            throw new IllegalArgumentException(key + " must not be negative, got " + value);
        }
    }
}
