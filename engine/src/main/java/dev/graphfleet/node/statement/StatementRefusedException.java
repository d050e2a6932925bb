package dev.graphfleet.node.statement;

/** A statement the node will not run; the message names what was refused and what to do instead. */
public final class StatementRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Why: {@code transaction} (a 400 as before), {@code malformed} (400), {@code too_deep} (400: a
     * construct nested or chained beyond what the engine survives), {@code unsafe} (400: a construct
     * the engine crashes on, {@link EngineCrashes}), {@code denied} and
     * {@code unrecognised} (403: not on the allow-list), {@code read_only} (403: a write on a node
     * that serves its databases read-only).
     */
    public enum Reason { TRANSACTION, MALFORMED, TOO_DEEP, UNSAFE, DENIED, UNRECOGNISED, READ_ONLY }

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
