package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import java.time.Duration;

/**
 * {@code node.admission}: a request is refused (503 with Retry-After) when system memory is above
 * {@code memory_percent}, CPU above {@code cpu_percent} ({@code ingestion_cpu_percent} for
 * ingestion), or its database already has {@code max_in_flight_per_database} requests running.
 */
public record AdmissionConfig(
        Integer memoryPercent,
        Integer cpuPercent,
        Integer ingestionCpuPercent,
        Integer maxInFlightPerDatabase,
        Integer retryAfterS) {

    public static final int DEFAULT_MEMORY_PERCENT = 85;
    public static final int DEFAULT_CPU_PERCENT = 90;
    public static final int DEFAULT_INGESTION_CPU_PERCENT = 80;
    public static final int DEFAULT_MAX_IN_FLIGHT_PER_DATABASE = 10;
    public static final int DEFAULT_RETRY_AFTER_S = 5;
    public static final AdmissionConfig DEFAULTS = new AdmissionConfig(null, null, null, null, null);

    public AdmissionConfig {
        memoryPercent = orDefault(memoryPercent, DEFAULT_MEMORY_PERCENT);
        cpuPercent = orDefault(cpuPercent, DEFAULT_CPU_PERCENT);
        ingestionCpuPercent = orDefault(ingestionCpuPercent, DEFAULT_INGESTION_CPU_PERCENT);
        maxInFlightPerDatabase = orDefault(maxInFlightPerDatabase, DEFAULT_MAX_IN_FLIGHT_PER_DATABASE);
        retryAfterS = orDefault(retryAfterS, DEFAULT_RETRY_AFTER_S);
    }

    public Duration retryAfter() {
        return Duration.ofSeconds(retryAfterS);
    }
}
