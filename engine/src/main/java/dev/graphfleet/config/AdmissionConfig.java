package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import java.time.Duration;

/**
 * {@code node.admission}: a request is refused (503 with Retry-After) when system memory is above
 * {@code memory_percent}, its database already has {@code max_in_flight_per_database} requests
 * running, or the node has as many queries in flight as its limit allows: a limit that adapts to the
 * queries' measured latency ({@code adaptive}, the default) between {@code min_in_flight} and the
 * fixed cap {@code max_in_flight}. {@code cpu_percent} / {@code ingestion_cpu_percent} are
 * deprecated and off (100) by default: CPU is busy exactly when the node serves what it admitted.
 */
public record AdmissionConfig(
        Integer memoryPercent,
        Integer cpuPercent,
        Integer ingestionCpuPercent,
        Integer maxInFlightPerDatabase,
        Integer retryAfterS,
        Boolean adaptive,
        Integer minInFlight,
        Integer maxInFlight) {

    public static final int DEFAULT_MEMORY_PERCENT = 85;
    /** Off: a CPU threshold refused work the node could do (issue 17). */
    public static final int DEFAULT_CPU_PERCENT = 100;
    public static final int DEFAULT_INGESTION_CPU_PERCENT = 100;
    public static final int DEFAULT_MAX_IN_FLIGHT_PER_DATABASE = 10;
    public static final int DEFAULT_RETRY_AFTER_S = 5;
    public static final AdmissionConfig DEFAULTS = new AdmissionConfig(null, null, null, null, null, null, null, null);

    public AdmissionConfig {
        memoryPercent = orDefault(memoryPercent, DEFAULT_MEMORY_PERCENT);
        cpuPercent = orDefault(cpuPercent, DEFAULT_CPU_PERCENT);
        ingestionCpuPercent = orDefault(ingestionCpuPercent, DEFAULT_INGESTION_CPU_PERCENT);
        maxInFlightPerDatabase = orDefault(maxInFlightPerDatabase, DEFAULT_MAX_IN_FLIGHT_PER_DATABASE);
        retryAfterS = orDefault(retryAfterS, DEFAULT_RETRY_AFTER_S);
        adaptive = adaptive == null || adaptive;
        minInFlight = orDefault(minInFlight, dev.graphfleet.node.admission.AdmissionSettings.DEFAULT_MIN_IN_FLIGHT);
        maxInFlight = orDefault(maxInFlight, dev.graphfleet.node.admission.AdmissionSettings.DEFAULT_MAX_IN_FLIGHT);
    }

    public Duration retryAfter() {
        return Duration.ofSeconds(retryAfterS);
    }
}
