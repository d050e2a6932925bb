package dev.graphfleet.console.viewmodel;

import dev.graphfleet.volume.UsageForecast;
import dev.graphfleet.volume.UsageSample;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a volume fills, in words, and how sure that is: a least-squares line (the volume monitor's own
 * {@link UsageForecast}) through its used GB with the steps of restarts and rollouts taken out
 * ({@link UsageSteps}), projected to the filesystem's size. "fills in ~5 h (+20.0 GB/h; 4 readings over
 * 3 h)", "not growing", "full", "collecting history (1 of 3)", or — when the readings are too few, too
 * short or too scattered to trust — "unsure: …" with the reason. Only a confident forecast may alarm.
 *
 * @param text          what the view shows
 * @param growthPerHour fitted growth in GB per hour (0 when not growing)
 * @param untilFull     time until full; empty when not growing or not known
 * @param confident     enough readings over enough time that fit the line: the forecast may be acted on
 */
public record FillForecast(String text, double growthPerHour, Optional<Duration> untilFull, boolean confident) {

    public static final int MIN_SAMPLES = 3;
    /** A forecast is trusted from this many readings… */
    public static final int CONFIDENT_SAMPLES = 4;
    /** …spread over at least this long… */
    public static final Duration CONFIDENT_SPAN = Duration.ofMinutes(10);
    /** …that the line explains this well (R²). */
    static final double CONFIDENT_FIT = 0.6;
    /** A confident forecast within this is an alarm (red). */
    public static final Duration ALARM_HORIZON = Duration.ofDays(1);

    /** The fit looks this far back. */
    public static final Duration WINDOW = Duration.ofDays(7);

    public static FillForecast of(List<UsageSample> samples, double usedGb, double sizeGb, Instant now) {
        if (samples.size() < MIN_SAMPLES) {
            return new FillForecast("collecting history (" + samples.size() + " of " + MIN_SAMPLES + ")", 0,
                    Optional.empty(), false);
        }
        List<UsageSample> recent = samples.stream().filter(s -> s.at().isAfter(now.minus(WINDOW))).toList();
        UsageSteps steps = UsageSteps.of(recent, sizeGb);
        UsageForecast fit = UsageForecast.fit(steps.samples(), now, WINDOW);
        if (usedGb >= sizeGb) {
            return new FillForecast("full", fit.growthGbPerHour(), Optional.of(Duration.ZERO), true);
        }
        String basis = fit.samples() + " readings over " + Units.duration(fit.span())
                + (steps.steps() == 0 ? "" : steps.steps() == 1 ? ", 1 step ignored" : ", " + steps.steps() + " steps ignored");
        if (steps.pendingJump()) {
            return new FillForecast("unsure: usage jumped in the latest reading (" + basis + ")", 0, Optional.empty(),
                    false);
        }
        if (!fit.growing()) {
            return new FillForecast("not growing", 0, Optional.empty(), true);
        }
        Optional<Duration> until = fit.timeUntil(usedGb, sizeGb);
        String projection = "fills in ~" + roughly(until.orElseThrow()) + " (+" + rate(fit.growthGbPerHour());
        if (fit.samples() < CONFIDENT_SAMPLES || fit.span().compareTo(CONFIDENT_SPAN) < 0) {
            return new FillForecast("unsure: not enough history (" + basis + "; a forecast needs " + CONFIDENT_SAMPLES
                    + " over " + Units.duration(CONFIDENT_SPAN) + ")", fit.growthGbPerHour(), until, false);
        }
        double r2 = rSquared(steps.samples());
        if (r2 < CONFIDENT_FIT) {
            return new FillForecast("unsure: usage moves irregularly (" + basis + ", fit R² "
                    + String.format(java.util.Locale.ROOT, "%.2f", r2) + ")", fit.growthGbPerHour(), until, false);
        }
        return new FillForecast(projection + "; " + basis + ")", fit.growthGbPerHour(), until, true);
    }

    /** Red: a confident forecast that the volume fills within {@link #ALARM_HORIZON}. */
    public boolean alarming() {
        return confident && untilFull.map(d -> d.compareTo(ALARM_HORIZON) <= 0).orElse(false);
    }

    /** How much of the readings' spread the least-squares line explains: 1 on a line, near 0 for scatter. */
    static double rSquared(List<UsageSample> samples) {
        int n = samples.size();
        Instant origin = samples.get(0).at();
        double meanX = 0;
        double meanY = 0;
        for (UsageSample s : samples) {
            meanX += Duration.between(origin, s.at()).toMillis() / (double) n;
            meanY += s.usedGb() / n;
        }
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (UsageSample s : samples) {
            double dx = Duration.between(origin, s.at()).toMillis() - meanX;
            double dy = s.usedGb() - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        return sxx == 0 || syy == 0 ? 1 : sxy * sxy / (sxx * syy);
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
