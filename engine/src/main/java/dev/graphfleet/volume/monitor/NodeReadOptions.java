package dev.graphfleet.volume.monitor;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard to try a node's {@code /metrics}: each attempt gets {@code timeout} (connect, headers and body),
 * failed attempts are retried {@code retries} times, waiting backoff × 2^(retry-1) between them.
 * Defaults (10 s, 2 retries, 0.3 s) are the original's; worst case per dead node: 3 × 10 s + 0.9 s.
 */
public record NodeReadOptions(Duration timeout, int retries, Duration backoff) {

    public NodeReadOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(backoff, "backoff");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the node read timeout must be positive, got " + timeout);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative, got " + backoff);
        }
    }

    public static NodeReadOptions defaults() {
        return new NodeReadOptions(Duration.ofSeconds(10), 2, Duration.ofMillis(300));
    }

    /** The wait before retry number {@code retry} (1-based). */
    public Duration backoffBefore(int retry) {
        return backoff.multipliedBy(1L << Math.min(retry - 1, 20));
    }

    /** The longest one read can take: every attempt timing out plus the waits between them. */
    public Duration worstCase() {
        Duration total = timeout.multipliedBy(retries + 1L);
        for (int r = 1; r <= retries; r++) {
            total = total.plus(backoffBefore(r));
        }
        return total;
    }
}
