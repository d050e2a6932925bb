package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import java.time.Duration;

/**
 * Load-balancer health check of a replica group. Defaults 30 s / 10 s / 5: a replica is marked
 * unhealthy after 150 s of failures, so a slow query does not get it replaced.
 */
public record HealthCheckConfig(Integer intervalS, Integer timeoutS, Integer unhealthyThreshold) {

    public static final int DEFAULT_INTERVAL_S = 30;
    public static final int DEFAULT_TIMEOUT_S = 10;
    public static final int DEFAULT_UNHEALTHY_THRESHOLD = 5;
    /** Quicker than this and a replica busy with a slow query is taken out of service. */
    public static final int MIN_TIME_TO_UNHEALTHY_S = 120;
    public static final HealthCheckConfig DEFAULTS = new HealthCheckConfig(null, null, null);

    public HealthCheckConfig {
        intervalS = orDefault(intervalS, DEFAULT_INTERVAL_S);
        timeoutS = orDefault(timeoutS, DEFAULT_TIMEOUT_S);
        unhealthyThreshold = orDefault(unhealthyThreshold, DEFAULT_UNHEALTHY_THRESHOLD);
    }

    /** How long a replica fails checks before it is marked unhealthy. */
    public Duration timeToUnhealthy() {
        return Duration.ofSeconds((long) intervalS * unhealthyThreshold);
    }
}
