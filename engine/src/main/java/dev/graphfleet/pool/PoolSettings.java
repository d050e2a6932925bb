package dev.graphfleet.pool;

import java.time.Duration;

/**
 * Pool-wide behaviour. Limits and lifetimes per database are in {@link DatabaseSpec}.
 *
 * @param acquireTimeout          how long a caller waits for a free connection before "pool exhausted"
 * @param healthCheckInterval     how often idle connections run a trivial query
 * @param cleanupInterval         how often idle connections past their TTL are closed
 * @param leakDetectionThreshold  a connection held longer is reported with its borrower's thread and
 *                                where that thread is; zero turns detection off
 * @param backgroundMaintenance   run health checks, cleanup and leak detection on a scheduler
 *                                thread; off in tests, which call {@link GraphPool#runMaintenance()}
 */
public record PoolSettings(Duration acquireTimeout, Duration healthCheckInterval, Duration cleanupInterval,
                           Duration leakDetectionThreshold, boolean backgroundMaintenance) {

    public static final PoolSettings DEFAULTS = new PoolSettings(Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofSeconds(60), true);

    public PoolSettings {
        requirePositive("acquire timeout", acquireTimeout);
        requirePositive("health check interval", healthCheckInterval);
        requirePositive("cleanup interval", cleanupInterval);
        if (leakDetectionThreshold == null || leakDetectionThreshold.isNegative()) {
            throw new IllegalArgumentException("leak detection threshold must be zero (off) or positive");
        }
    }

    public PoolSettings withAcquireTimeout(Duration timeout) {
        return new PoolSettings(timeout, healthCheckInterval, cleanupInterval, leakDetectionThreshold, backgroundMaintenance);
    }

    public PoolSettings withLeakDetectionThreshold(Duration threshold) {
        return new PoolSettings(acquireTimeout, healthCheckInterval, cleanupInterval, threshold, backgroundMaintenance);
    }

    public PoolSettings withBackgroundMaintenance(boolean enabled) {
        return new PoolSettings(acquireTimeout, healthCheckInterval, cleanupInterval, leakDetectionThreshold, enabled);
    }

    private static void requirePositive(String what, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
