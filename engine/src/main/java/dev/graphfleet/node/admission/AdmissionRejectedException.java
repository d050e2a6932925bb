package dev.graphfleet.node.admission;

import java.time.Duration;

/** The node refused new work for now (an HTTP 503 with {@code Retry-After}). */
public final class AdmissionRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient AdmissionDecision decision;
    private final Duration retryAfter;

    public AdmissionRejectedException(String database, AdmissionDecision decision, Duration retryAfter) {
        super("node overloaded, refusing new work on " + database + ": " + decision.reason()
                + "; retry in " + retryAfter.toSeconds() + " s");
        this.decision = decision;
        this.retryAfter = retryAfter;
    }

    public AdmissionDecision decision() {
        return decision;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
