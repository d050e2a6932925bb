package dev.graphfleet.repo;

import java.time.Duration;

/**
 * How often and how patiently a part download is retried after a network error or a 5xx answer:
 * up to {@code maxAttempts} tries, waiting {@code initialDelay} before the second and doubling up
 * to {@code maxDelay}. Tests pass zero delays.
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("retry max attempts must be at least 1 (found " + maxAttempts + ")");
        }
        if (initialDelay == null || initialDelay.isNegative() || maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("retry delays must satisfy 0 <= initial <= max (found "
                    + initialDelay + ", " + maxDelay + ")");
        }
    }

    /** No waits between attempts: for tests. */
    public static RetryPolicy immediate(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before attempt {@code attempt} (2 for the first retry). */
    public Duration delayBefore(int attempt) {
        if (attempt <= 1) {
            return Duration.ZERO;
        }
        Duration delay = initialDelay;
        for (int i = 2; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
