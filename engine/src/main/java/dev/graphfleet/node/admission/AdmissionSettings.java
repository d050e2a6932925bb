package dev.graphfleet.node.admission;

import java.time.Duration;

/**
 * When the node refuses new work. Percentages are 0..100 and comparisons strict ({@code >}), as in
 * the original; the in-flight limit compares with {@code >=} (a database at its limit is full).
 *
 * @param memoryThresholdPercent          refuse when system memory use is above this (85)
 * @param cpuThresholdPercent             refuse queries when CPU is above this (90)
 * @param ingestionCpuThresholdPercent    refuse ingestion ({@code COPY ... FROM}) when CPU is above this (80)
 * @param maxInFlightPerDatabase          refuse when this many queries already run on the database (10)
 * @param retryAfter                      the {@code Retry-After} a refused caller is given (5 s)
 * @param sampleInterval                  how often CPU and memory are sampled in the background (1 s)
 */
public record AdmissionSettings(double memoryThresholdPercent, double cpuThresholdPercent,
                                double ingestionCpuThresholdPercent, int maxInFlightPerDatabase,
                                Duration retryAfter, Duration sampleInterval) {

    public static final AdmissionSettings DEFAULTS =
            new AdmissionSettings(85.0, 90.0, 80.0, 10, Duration.ofSeconds(5), Duration.ofSeconds(1));

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
    }

    public AdmissionSettings withMaxInFlightPerDatabase(int max) {
        return new AdmissionSettings(memoryThresholdPercent, cpuThresholdPercent, ingestionCpuThresholdPercent, max,
                retryAfter, sampleInterval);
    }

    public AdmissionSettings withThresholds(double memoryPercent, double cpuPercent, double ingestionCpuPercent) {
        return new AdmissionSettings(memoryPercent, cpuPercent, ingestionCpuPercent, maxInFlightPerDatabase,
                retryAfter, sampleInterval);
    }

    private static void requirePercent(String what, double value) {
        if (!(value > 0 && value <= 100)) {
            throw new IllegalArgumentException(what + " must be a percentage in (0, 100], got " + value);
        }
    }
}
