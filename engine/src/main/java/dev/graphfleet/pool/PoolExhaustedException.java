package dev.graphfleet.pool;

import java.time.Duration;

/** No connection came free within the acquire timeout (an HTTP 503 with Retry-After). */
public final class PoolExhaustedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String database;
    private final int limit;

    public PoolExhaustedException(String database, int limit, Duration waited) {
        super("pool exhausted for database " + database + ": all " + limit + " connections in use for "
                + waited.toMillis() + " ms (raise connection_pool_size or node.pool.acquire_timeout_ms)");
        this.database = database;
        this.limit = limit;
    }

    public String database() {
        return database;
    }

    public int limit() {
        return limit;
    }
}
