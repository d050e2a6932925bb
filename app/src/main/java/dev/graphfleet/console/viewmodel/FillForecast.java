package dev.graphfleet.console.viewmodel;

import dev.graphfleet.volume.UsageForecast;
import dev.graphfleet.volume.UsageSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a volume fills, in words: a least-squares line through its used GB (the volume monitor's own
 * {@link UsageForecast}), projected to the filesystem's size. "fills in ~5 h", "fills in ~3 d",
 * "not growing", or "collecting history (1 of 3)" while fewer than {@link #MIN_SAMPLES} readings are known.
 *
 * @param text          what the view shows
 * @param growthPerHour fitted growth in GB per hour (0 when not growing)
 * @param untilFull     time until full; empty when not growing or not known
 */
public record FillForecast(String text, double growthPerHour, Optional<Duration> untilFull) {

    public static final int MIN_SAMPLES = 3;

    /** The fit looks this far back. */
    public static final Duration WINDOW = Duration.ofDays(7);

    public static FillForecast of(List<UsageSample> samples, double usedGb, double sizeGb, Instant now) {
        if (samples.size() < MIN_SAMPLES) {
            return new FillForecast("collecting history (" + samples.size() + " of " + MIN_SAMPLES + ")", 0,
                    Optional.empty());
        }
        UsageForecast fit = UsageForecast.fit(samples, now, WINDOW);
        if (usedGb >= sizeGb) {
            return new FillForecast("full", fit.growthGbPerHour(), Optional.of(Duration.ZERO));
        }
        if (!fit.growing()) {
            return new FillForecast("not growing", 0, Optional.empty());
        }
        Optional<Duration> until = fit.timeUntil(usedGb, sizeGb);
        return new FillForecast("fills in ~" + roughly(until.orElseThrow()) + " (+" + rate(fit.growthGbPerHour()) + ")",
                fit.growthGbPerHour(), until);
    }

    /** {@code 40 min}, {@code 5 h}, {@code 3 d}: a forecast is rough, so one unit. */
    static String roughly(Duration d) {
        long minutes = Math.max(1, (d.getSeconds() + 59) / 60);
        if (minutes < 120) {
            return minutes + " min";
        }
        long hours = Math.round(minutes / 60.0);
        if (hours < 48) {
            return hours + " h";
        }
        return Math.round(hours / 24.0) + " d";
    }

    static String rate(double gbPerHour) {
        return gbPerHour >= 0.1 ? Units.gigabytes(gbPerHour) + "/h" : Math.round(gbPerHour * 1000) + " MB/h";
    }
}
