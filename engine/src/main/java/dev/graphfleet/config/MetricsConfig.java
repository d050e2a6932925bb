package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import java.time.Duration;

/** {@code node.metrics}: how long a metrics request waits for fresh figures before serving cached ones marked stale. */
public record MetricsConfig(Integer timeoutS) {

    public static final int DEFAULT_TIMEOUT_S = 3;
    public static final MetricsConfig DEFAULTS = new MetricsConfig(null);

    public MetricsConfig {
        timeoutS = orDefault(timeoutS, DEFAULT_TIMEOUT_S);
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutS);
    }
}
