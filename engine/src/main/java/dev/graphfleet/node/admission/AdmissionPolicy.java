package dev.graphfleet.node.admission;

import java.util.Locale;

/**
 * The admission rule, and nothing else: memory first, then CPU (ingestion against its lower
 * threshold), then the database's queries in flight. An unknown figure (a failed probe) never
 * refuses work.
 */
public final class AdmissionPolicy {

    private final AdmissionSettings settings;

    public AdmissionPolicy(AdmissionSettings settings) {
        this.settings = settings;
    }

    public AdmissionDecision decide(Double memoryPercent, Double cpuPercent, int inFlight, Operation operation) {
        if (memoryPercent != null && memoryPercent > settings.memoryThresholdPercent()) {
            return new AdmissionDecision(AdmissionDecision.Outcome.REJECT_MEMORY, String.format(Locale.ROOT,
                    "Memory usage too high: %.1f%% > %.1f%%", memoryPercent, settings.memoryThresholdPercent()));
        }
        double cpuLimit = operation == Operation.INGESTION
                ? settings.ingestionCpuThresholdPercent() : settings.cpuThresholdPercent();
        if (cpuPercent != null && cpuPercent > cpuLimit) {
            return new AdmissionDecision(AdmissionDecision.Outcome.REJECT_CPU, String.format(Locale.ROOT,
                    "CPU usage too high: %.1f%% > %.1f%%%s", cpuPercent, cpuLimit,
                    operation == Operation.INGESTION ? " (the ingestion threshold)" : ""));
        }
        if (inFlight >= settings.maxInFlightPerDatabase()) {
            return new AdmissionDecision(AdmissionDecision.Outcome.REJECT_IN_FLIGHT,
                    "Too many queries in flight on this database: " + inFlight + " of "
                            + settings.maxInFlightPerDatabase() + " allowed");
        }
        return AdmissionDecision.ACCEPTED;
    }

    public AdmissionSettings settings() {
        return settings;
    }
}
