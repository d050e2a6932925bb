package dev.graphfleet.pool;

/** The database does not exist on this node (an HTTP 404). */
public final class UnknownDatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownDatabaseException(String message) {
        super(message);
    }
}
