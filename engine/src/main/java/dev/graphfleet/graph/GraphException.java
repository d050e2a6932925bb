package dev.graphfleet.graph;

/** A failure reported by the engine, classified by what the caller did wrong (or did not). */
public final class GraphException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The Cypher text does not parse. */
        SYNTAX,
        /** It parses but names something that does not exist, or types do not match. */
        BINDING,
        /** A parameter was given that the query does not use. */
        PARAMETER,
        /** A write on a read-only database. */
        READ_ONLY,
        /** Cancelled: the query timeout elapsed or it was interrupted. */
        INTERRUPTED,
        /**
         * Another write transaction is running on the database; the engine allows one at a time
         * and fails the rest at once instead of queueing them. Safe to retry.
         */
        WRITE_CONFLICT,
        /** A constraint such as a duplicate primary key. */
        CONSTRAINT,
        /** The connection or database was closed underneath. */
        CLOSED,
        /** Anything else the engine reports. */
        ENGINE
    }

    private final Kind kind;

    public GraphException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public GraphException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** True when the caller's input is at fault (a 4xx, not a 5xx). */
    public boolean isCallerError() {
        return kind == Kind.SYNTAX || kind == Kind.BINDING || kind == Kind.PARAMETER || kind == Kind.READ_ONLY || kind == Kind.CONSTRAINT;
    }
}
