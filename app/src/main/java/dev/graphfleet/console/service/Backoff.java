package dev.graphfleet.console.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before the next refresh: the interval while the source answers, doubling after
 * each failed read up to {@code max}, so a dead source is not hammered and the banner can say when
 * the next try comes.
 */
public record Backoff(Duration interval, Duration max) {

    public Backoff {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(max, "max");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("refresh interval must be positive (found " + interval + ")");
        }
        if (max.compareTo(interval) < 0) {
            throw new IllegalArgumentException("backoff max " + max + " is shorter than the interval " + interval);
        }
    }

    /** The wait after {@code consecutiveFailures} failed reads in a row (0: the plain interval). */
    public Duration delayAfter(int consecutiveFailures) {
        if (consecutiveFailures <= 0) {
            return interval;
        }
        int doublings = Math.min(consecutiveFailures, 30);
        long millis = interval.toMillis();
        long capped = max.toMillis();
        for (int i = 0; i < doublings && millis < capped; i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, capped));
    }
}
