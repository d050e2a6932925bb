package dev.graphfleet.node.admission;

import java.time.Duration;

/**
 * When the node refuses new work. Percentages are 0..100 and comparisons strict ({@code >}), as in
 * the original; the in-flight limits compare with {@code >=} (at the limit is full).
 *
 * <p>The CPU thresholds are off (100) by default: whole-machine CPU is busiest exactly when the node
 * serves the work it admitted, so a threshold refused work the node could do (measured: 64 % of
 * requests refused with 64 clients on 2 cores while the node kept serving). What bounds the work
 * instead is the adaptive limit: the queries the node runs at once, moved by their measured
 * latency ({@link AdaptiveLimit}), between {@code minInFlight} and the fixed cap {@code maxInFlight}.
 *
 * @param memoryThresholdPercent          refuse when system memory use is above this (85)
 * @param cpuThresholdPercent             refuse queries when CPU is above this (deprecated; 100 = off, the default)
 * @param ingestionCpuThresholdPercent    refuse ingestion ({@code COPY ... FROM}) when CPU is above this (100 = off)
 * @param maxInFlightPerDatabase          refuse when this many queries already run on the database (10)
 * @param retryAfter                      the {@code Retry-After} a refused caller is given (5 s)
 * @param sampleInterval                  how often CPU and memory are sampled in the background (1 s)
 * @param adaptive                        adapt the node's in-flight limit to measured latency (true); false
 *                                        holds it at {@code maxInFlight}
 * @param minInFlight                     the adaptive limit never goes below this: light load is never refused (4)
 * @param maxInFlight                     the node's fixed cap on queries in flight, all databases together (64)
 */
public record AdmissionSettings(double memoryThresholdPercent, double cpuThresholdPercent,
                                double ingestionCpuThresholdPercent, int maxInFlightPerDatabase,
                                Duration retryAfter, Duration sampleInterval, boolean adaptive, int minInFlight,
                                int maxInFlight) {

    public static final int DEFAULT_MIN_IN_FLIGHT = 4;
    public static final int DEFAULT_MAX_IN_FLIGHT = 64;

    public static final AdmissionSettings DEFAULTS =
            new AdmissionSettings(85.0, 100.0, 100.0, 10, Duration.ofSeconds(5), Duration.ofSeconds(1));

    public AdmissionSettings {
        requirePercent("admission memory threshold", memoryThresholdPercent);
        requirePercent("admission CPU threshold", cpuThresholdPercent);
        requirePercent("admission ingestion CPU threshold", ingestionCpuThresholdPercent);
        if (maxInFlightPerDatabase < 1) {
            throw new IllegalArgumentException("admission max in-flight queries per database must be at least 1, got "
                    + maxInFlightPerDatabase);
        }
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("admission retry-after must be positive");
        }
        if (sampleInterval == null || sampleInterval.isNegative() || sampleInterval.isZero()) {
            throw new IllegalArgumentException("admission sample interval must be positive");
        }
        if (minInFlight < 1 || maxInFlight < minInFlight) {
            throw new IllegalArgumentException("admission in-flight limits must be 1 ≤ min_in_flight ≤ max_in_flight, got "
                    + minInFlight + " and " + maxInFlight);
        }
    }

    /** The adaptive limit between {@value #DEFAULT_MIN_IN_FLIGHT} and {@value #DEFAULT_MAX_IN_FLIGHT} in flight. */
    public AdmissionSettings(double memoryThresholdPercent, double cpuThresholdPercent,
                             double ingestionCpuThresholdPercent, int maxInFlightPerDatabase, Duration retryAfter,
                             Duration sampleInterval) {
        this(memoryThresholdPercent, cpuThresholdPercent, ingestionCpuThresholdPercent, maxInFlightPerDatabase,
                retryAfter, sampleInterval, true, DEFAULT_MIN_IN_FLIGHT, DEFAULT_MAX_IN_FLIGHT);
    }

    public AdmissionSettings withMaxInFlightPerDatabase(int max) {
        return new AdmissionSettings(memoryThresholdPercent, cpuThresholdPercent, ingestionCpuThresholdPercent, max,
                retryAfter, sampleInterval, adaptive, minInFlight, maxInFlight);
    }

    public AdmissionSettings withThresholds(double memoryPercent, double cpuPercent, double ingestionCpuPercent) {
        return new AdmissionSettings(memoryPercent, cpuPercent, ingestionCpuPercent, maxInFlightPerDatabase,
                retryAfter, sampleInterval, adaptive, minInFlight, maxInFlight);
    }

    /** The node-wide limit: adaptive between {@code min} and {@code max}, or fixed at {@code max}. */
    public AdmissionSettings withInFlight(boolean adaptiveLimit, int min, int max) {
        return new AdmissionSettings(memoryThresholdPercent, cpuThresholdPercent, ingestionCpuThresholdPercent,
                maxInFlightPerDatabase, retryAfter, sampleInterval, adaptiveLimit, min, max);
    }

    private static void requirePercent(String what, double value) {
        if (!(value > 0 && value <= 100)) {
            throw new IllegalArgumentException(what + " must be a percentage in (0, 100], got " + value);
        }
    }
}
