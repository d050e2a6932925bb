package dev.graphfleet.node.statement;

/** A statement the node will not run; the message names what was refused and what to do instead. */
public final class StatementRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why: {@code transaction} (a 400 as before), {@code malformed} (400) or {@code denied} (403). */
    public enum Reason { TRANSACTION, MALFORMED, DENIED }

    private final Reason reason;

    StatementRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    static StatementRefusedException malformed(String what) {
        return new StatementRefusedException(Reason.MALFORMED, "the query cannot be read: " + what);
    }

    public Reason reason() {
        return reason;
    }
}
