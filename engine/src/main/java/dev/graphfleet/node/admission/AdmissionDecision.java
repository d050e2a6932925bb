package dev.graphfleet.node.admission;

/** The answer to "may this request start now?", with a reason a person can act on. */
public record AdmissionDecision(Outcome outcome, String reason) {

    public enum Outcome {
        ACCEPT,
        REJECT_MEMORY,
        REJECT_CPU,
        REJECT_IN_FLIGHT,
        /** The node's limit on queries in flight, all databases together (adaptive by default). */
        REJECT_LIMIT;

        /** The label used in metrics: memory, cpu, in_flight, limit. */
        public String label() {
            return switch (this) {
                case ACCEPT -> "accept";
                case REJECT_MEMORY -> "memory";
                case REJECT_CPU -> "cpu";
                case REJECT_IN_FLIGHT -> "in_flight";
                case REJECT_LIMIT -> "limit";
            };
        }
    }

    public static final AdmissionDecision ACCEPTED = new AdmissionDecision(Outcome.ACCEPT, null);

    public boolean accepted() {
        return outcome == Outcome.ACCEPT;
    }
}
