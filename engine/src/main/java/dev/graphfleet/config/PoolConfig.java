package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import java.time.Duration;

/**
 * Connection pool timings ({@code node.pool}). The pool size itself is the tier's
 * {@code connection_pool_size}. {@code leak_detection_threshold_s} 0 turns leak reports off.
 */
public record PoolConfig(
        Integer acquireTimeoutMs,
        Integer connectionTtlMinutes,
        Integer repositoryTtlHours,
        Integer healthCheckIntervalMinutes,
        Integer cleanupIntervalMinutes,
        Integer leakDetectionThresholdS) {

    public static final int DEFAULT_ACQUIRE_TIMEOUT_MS = 30_000;
    public static final int DEFAULT_CONNECTION_TTL_MINUTES = 30;
    public static final int DEFAULT_REPOSITORY_TTL_HOURS = 24;
    public static final int DEFAULT_HEALTH_CHECK_INTERVAL_MINUTES = 5;
    public static final int DEFAULT_CLEANUP_INTERVAL_MINUTES = 10;
    public static final int DEFAULT_LEAK_DETECTION_THRESHOLD_S = 60;
    public static final PoolConfig DEFAULTS = new PoolConfig(null, null, null, null, null, null);

    public PoolConfig {
        acquireTimeoutMs = orDefault(acquireTimeoutMs, DEFAULT_ACQUIRE_TIMEOUT_MS);
        connectionTtlMinutes = orDefault(connectionTtlMinutes, DEFAULT_CONNECTION_TTL_MINUTES);
        repositoryTtlHours = orDefault(repositoryTtlHours, DEFAULT_REPOSITORY_TTL_HOURS);
        healthCheckIntervalMinutes = orDefault(healthCheckIntervalMinutes, DEFAULT_HEALTH_CHECK_INTERVAL_MINUTES);
        cleanupIntervalMinutes = orDefault(cleanupIntervalMinutes, DEFAULT_CLEANUP_INTERVAL_MINUTES);
        leakDetectionThresholdS = orDefault(leakDetectionThresholdS, DEFAULT_LEAK_DETECTION_THRESHOLD_S);
    }

    public Duration acquireTimeout() {
        return Duration.ofMillis(acquireTimeoutMs);
    }

    public Duration connectionTtl() {
        return Duration.ofMinutes(connectionTtlMinutes);
    }

    /** Lifetime of a repository connection (they do not cycle on the connection TTL). */
    public Duration repositoryTtl() {
        return Duration.ofHours(repositoryTtlHours);
    }

    public Duration healthCheckInterval() {
        return Duration.ofMinutes(healthCheckIntervalMinutes);
    }

    public Duration cleanupInterval() {
        return Duration.ofMinutes(cleanupIntervalMinutes);
    }

    /** {@link Duration#ZERO} when leak detection is off. */
    public Duration leakDetectionThreshold() {
        return Duration.ofSeconds(leakDetectionThresholdS);
    }
}
