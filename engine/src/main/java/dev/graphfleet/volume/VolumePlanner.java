package dev.graphfleet.volume;

import dev.graphfleet.volume.VolumeDecision.Alert;
import dev.graphfleet.volume.VolumeDecision.AlertKind;
import dev.graphfleet.volume.VolumeDecision.Expand;
import dev.graphfleet.volume.VolumeDecision.GrowCause;
import dev.graphfleet.volume.VolumeDecision.GrowFilesystem;
import dev.graphfleet.volume.VolumeDecision.NoAction;
import dev.graphfleet.volume.VolumeDecision.Skip;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what to do with one data volume. Pure: the same state always gives the same decision.
 *
 * <p>The rules, in the order they apply:
 * <ol>
 *   <li>a modification "modifying" → skip (EBS refuses another);</li>
 *   <li>"optimizing" for longer than the stuck limit → grow the filesystem only (and someone should look);
 *       optimizing with the filesystem behind → grow the filesystem (the new size is usable at optimizing);
 *       otherwise → skip;</li>
 *   <li>the volume exceeds the filesystem by more than max(min_gb, percent % of the volume) → grow the
 *       filesystem only;</li>
 *   <li>inside the 6-hour cooldown after the last modification: alert if the volume fills before the cooldown
 *       ends, skip if it is above the threshold, else nothing;</li>
 *   <li>usage not above the threshold (0.8, or 0.7 for an alarm run) → nothing;</li>
 *   <li>already at the maximum size → alert;</li>
 *   <li>otherwise expand to the largest of: the size bringing usage plus the growth projected over the cooldown
 *       back to the target (60 %), current × factor, current + minimum; rounded up to a multiple of 10 GB,
 *       then capped at the maximum. No known volume id → alert with the size it would take.</li>
 * </ol>
 */
public final class VolumePlanner {

    private final VolumePolicy policy;

    public VolumePlanner(VolumePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public VolumePolicy policy() {
        return policy;
    }

    public VolumeDecision decide(VolumeState s) {
        VolumeModification mod = s.modification();
        if (mod.state() == ModificationState.MODIFYING) {
            return new Skip("volume modification in progress (modifying, started " + human(mod.age(s.now()))
                    + " ago)", null);
        }
        if (mod.state() == ModificationState.OPTIMIZING) {
            return decideOptimizing(s, mod);
        }
        if (filesystemBehind(s)) {
            return new GrowFilesystem(GrowCause.FILESYSTEM_BEHIND, behindText(s));
        }

        double threshold = policy.thresholdFor(s.alarm());
        boolean above = s.usage() > threshold;
        UsageForecast forecast = UsageForecast.fit(s.history(), s.now(), policy.forecastWindow());
        Optional<Instant> cooldownEnd = cooldownEnd(s);
        if (cooldownEnd.isPresent()) {
            Instant end = cooldownEnd.get();
            Optional<Duration> untilFull = forecast.timeUntil(s.usedGb(), s.filesystemSizeGb());
            if (untilFull.isPresent() && s.now().plus(untilFull.get()).isBefore(end)) {
                return new Alert(AlertKind.FILLS_BEFORE_COOLDOWN_ENDS, "at " + gbPerHour(forecast)
                        + " the volume fills in " + human(untilFull.get()) + ", but EBS allows the next modification"
                        + " only in " + human(Duration.between(s.now(), end)) + " (at " + end + ")");
            }
            if (above) {
                return new Skip("usage " + pct(s.usage()) + " is above " + pct(threshold)
                        + " but the volume was modified " + human(Duration.between(s.lastModificationAt(), s.now()))
                        + " ago; EBS allows one modification per " + human(policy.modificationCooldown()), end);
            }
        }
        if (!above) {
            return new NoAction("usage " + pct(s.usage()) + " is not above " + pct(threshold)
                    + thresholdForecastText(s, forecast, threshold));
        }
        if (s.volumeSizeGb() >= policy.maxVolumeSizeGb()) {
            return new Alert(AlertKind.AT_MAX_SIZE, "usage " + pct(s.usage()) + " is above " + pct(threshold)
                    + " and the volume is already at the maximum " + policy.maxVolumeSizeGb() + " GB");
        }

        double projectedGb = forecast.projectedGrowthGb(policy.modificationCooldown());
        ExpansionSize size = size(s.volumeSizeGb(), s.usage(), projectedGb);
        List<String> reasons = new ArrayList<>();
        reasons.add("usage " + pct(s.usage()) + " > " + pct(threshold) + (s.alarm() ? " (alarm)" : ""));
        reasons.add(termText(size.winner(), size.unroundedGb()));
        if (projectedGb > 0) {
            reasons.add(String.format(Locale.ROOT, "covers %.1f GB of growth projected over the %s cooldown",
                    projectedGb, human(policy.modificationCooldown())));
        }
        if (size.capped()) {
            reasons.add("capped at the maximum " + policy.maxVolumeSizeGb() + " GB");
        }
        if (s.volumeId() == null) {
            return new Alert(AlertKind.UNKNOWN_VOLUME, "usage " + pct(s.usage()) + " is above " + pct(threshold)
                    + " but no EBS volume is known for this instance; it would expand " + s.volumeSizeGb()
                    + " -> " + size.sizeGb() + " GB");
        }
        return new Expand(s.volumeSizeGb(), size.sizeGb(), size, reasons);
    }

    /**
     * The new size for a volume of {@code currentGb} at {@code usage} expecting {@code projectedGrowthGb} more:
     * the largest of the three terms, rounded up to the rounding multiple, then capped at the maximum.
     */
    public ExpansionSize size(long currentGb, double usage, double projectedGrowthGb) {
        double target = (currentGb * usage + Math.max(0, projectedGrowthGb)) / policy.targetUsage();
        double factor = currentGb * policy.expansionFactor();
        double increment = (double) currentGb + policy.minExpansionGb();
        ExpansionSize.Term winner = ExpansionSize.Term.TARGET_USAGE;
        double best = target;
        if (factor > best) {
            winner = ExpansionSize.Term.FACTOR;
            best = factor;
        }
        if (increment > best) {
            winner = ExpansionSize.Term.MIN_INCREMENT;
            best = increment;
        }
        long rounded = roundUp(best, policy.roundingGb());
        boolean capped = rounded > policy.maxVolumeSizeGb();
        return new ExpansionSize(capped ? policy.maxVolumeSizeGb() : rounded, winner, best, capped);
    }

    /** True when the volume exceeds the filesystem by more than the tolerance. */
    public boolean filesystemBehind(VolumeState s) {
        long volume = s.effectiveVolumeSizeGb();
        return volume - s.filesystemSizeGb() > policy.xfsToleranceGb(volume);
    }

    private VolumeDecision decideOptimizing(VolumeState s, VolumeModification mod) {
        Duration age = mod.age(s.now());
        if (age.compareTo(policy.stuckOptimizingAfter()) > 0) {
            return new GrowFilesystem(GrowCause.STUCK_OPTIMIZING, "modification still optimizing " + human(age)
                    + " after it started (stuck after " + human(policy.stuckOptimizingAfter())
                    + "): growing the filesystem only");
        }
        if (filesystemBehind(s)) {
            return new GrowFilesystem(GrowCause.MODIFICATION_OPTIMIZING,
                    "modification optimizing, the new size is usable: " + behindText(s));
        }
        return new Skip("volume modification optimizing (started " + human(age)
                + " ago); the filesystem already has the space", null);
    }

    private Optional<Instant> cooldownEnd(VolumeState s) {
        if (s.lastModificationAt() == null) {
            return Optional.empty();
        }
        Instant end = s.lastModificationAt().plus(policy.modificationCooldown());
        return s.now().isBefore(end) ? Optional.of(end) : Optional.empty();
    }

    private String behindText(VolumeState s) {
        long volume = s.effectiveVolumeSizeGb();
        return String.format(Locale.ROOT, "volume %d GB exceeds the filesystem %.1f GB by more than %.1f GB",
                volume, s.filesystemSizeGb(), policy.xfsToleranceGb(volume));
    }

    private String thresholdForecastText(VolumeState s, UsageForecast forecast, double threshold) {
        if (!forecast.growing()) {
            return forecast.samples() >= 2 ? "; no growth" : "";
        }
        return forecast.timeUntil(s.usedGb(), threshold * s.filesystemSizeGb())
                .map(d -> "; at " + gbPerHour(forecast) + " it crosses " + pct(threshold) + " in " + human(d))
                .orElse("");
    }

    private String termText(ExpansionSize.Term term, double unrounded) {
        String value = String.format(Locale.ROOT, "%.1f GB", unrounded);
        switch (term) {
            case TARGET_USAGE:
                return "sized to bring usage back to " + pct(policy.targetUsage()) + " (" + value + ")";
            case FACTOR:
                return "sized by the factor " + policy.expansionFactor() + " (" + value + ")";
            default:
                return "sized by the minimum increment of " + policy.minExpansionGb() + " GB (" + value + ")";
        }
    }

    /** Rounds up to a multiple of {@code step}; a hair of floating-point noise above a multiple does not count. */
    static long roundUp(double gb, long step) {
        double steps = gb / step;
        long whole = (long) Math.ceil(steps - 1e-9);
        return whole * step;
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f %%", fraction * 100);
    }

    private static String gbPerHour(UsageForecast f) {
        return String.format(Locale.ROOT, "%.2f GB/h", f.growthGbPerHour());
    }

    /** "3 h 20 min", "45 min", "30 s". */
    public static String human(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        if (hours == 0) {
            return minutes + " min";
        }
        return minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
