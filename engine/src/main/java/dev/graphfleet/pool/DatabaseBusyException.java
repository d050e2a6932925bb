package dev.graphfleet.pool;

import java.time.Duration;

/**
 * An operation that must close a database (invalidate, cleanup, close) waited for the queries
 * holding its connections, and they did not all finish in time (an HTTP 503 with Retry-After).
 * An {@link IllegalStateException}, as this failure was before it had its own type.
 */
public final class DatabaseBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    private final String database;

    public DatabaseBusyException(String database, int inUse, Duration waited) {
        super("cannot close database " + database + ": " + inUse + " connection(s) still in use after "
                + waited.toMillis() + " ms");
        this.database = database;
    }

    public String database() {
        return database;
    }
}
