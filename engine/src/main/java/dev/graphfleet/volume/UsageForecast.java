package dev.graphfleet.volume;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How fast a volume fills: a least-squares line through the used-GB samples of a recent window.
 * "No growth" when there are fewer than two samples, they all share one instant, or the line is flat
 * or falling (deletions): then nothing is projected and no crossing time is given.
 *
 * @param growthGbPerHour the fitted slope; 0 when there is no growth
 * @param samples         how many samples the fit used
 * @param span            time between the first and last of them
 */
public record UsageForecast(double growthGbPerHour, int samples, Duration span) {

    /** Slopes below this (about 1 MB per hour) are noise, not growth. */
    static final double FLAT_GB_PER_HOUR = 0.001;

    private static final double SECONDS_PER_HOUR = 3600.0;

    public static UsageForecast noGrowth() {
        return new UsageForecast(0, 0, Duration.ZERO);
    }

    /** Fits the samples taken in {@code (now - window, now]}; samples outside it are ignored. */
    public static UsageForecast fit(List<UsageSample> history, Instant now, Duration window) {
        Instant from = now.minus(window);
        List<UsageSample> recent = history.stream()
                .filter(s -> s.at().isAfter(from) && !s.at().isAfter(now))
                .toList();
        if (recent.size() < 2) {
            return new UsageForecast(0, recent.size(), Duration.ZERO);
        }
        Instant origin = recent.stream().map(UsageSample::at).min(Instant::compareTo).orElseThrow();
        Instant last = recent.stream().map(UsageSample::at).max(Instant::compareTo).orElseThrow();
        double n = recent.size();
        double meanX = 0;
        double meanY = 0;
        for (UsageSample s : recent) {
            meanX += hoursSince(origin, s.at()) / n;
            meanY += s.usedGb() / n;
        }
        double covariance = 0;
        double variance = 0;
        for (UsageSample s : recent) {
            double dx = hoursSince(origin, s.at()) - meanX;
            covariance += dx * (s.usedGb() - meanY);
            variance += dx * dx;
        }
        Duration span = Duration.between(origin, last);
        if (variance == 0) {
            return new UsageForecast(0, recent.size(), span);
        }
        double slope = covariance / variance;
        return new UsageForecast(slope < FLAT_GB_PER_HOUR ? 0 : slope, recent.size(), span);
    }

    public boolean growing() {
        return growthGbPerHour > 0;
    }

    /** GB the volume is expected to gain over {@code horizon} at the fitted rate (0 when not growing). */
    public double projectedGrowthGb(Duration horizon) {
        return growthGbPerHour * hours(horizon);
    }

    /**
     * Time until {@code usedGb} grows to {@code limitGb}: zero when already there, empty when not growing.
     * With the filesystem size as the limit this is "time until full"; with threshold × size, "until expansion".
     */
    public Optional<Duration> timeUntil(double usedGb, double limitGb) {
        if (usedGb >= limitGb) {
            return Optional.of(Duration.ZERO);
        }
        if (!growing()) {
            return Optional.empty();
        }
        double hours = (limitGb - usedGb) / growthGbPerHour;
        return Optional.of(Duration.ofSeconds((long) Math.ceil(hours * SECONDS_PER_HOUR)));
    }

    private static double hoursSince(Instant origin, Instant at) {
        return Duration.between(origin, at).toMillis() / (SECONDS_PER_HOUR * 1000);
    }

    private static double hours(Duration d) {
        return d.toMillis() / (SECONDS_PER_HOUR * 1000);
    }
}
