package dev.graphfleet.node.admission;

import java.time.Instant;
import java.util.Map;

/**
 * Admission figures for /metrics: the thresholds, the sample they were judged on, the queries in
 * flight per database, what was accepted and refused (by reason: memory, cpu, in_flight, limit), and
 * the node's limit on queries in flight now ({@code adaptiveLimit}: it follows the measured latency).
 */
public record AdmissionSnapshot(double memoryThresholdPercent, double cpuThresholdPercent,
                                double ingestionCpuThresholdPercent, int maxInFlightPerDatabase,
                                Double memoryPercent, Double cpuPercent, Instant sampledAt,
                                Map<String, Integer> inFlight, int totalInFlight, long accepted,
                                Map<String, Long> rejected, int inFlightLimit, boolean adaptiveLimit) {
}
