package dev.graphfleet.pool;

import java.util.Map;

/**
 * A snapshot of the pool: event counts since start and, per database, its connections now.
 * {@code waits} counts borrows that could not be served at once; {@code waitMillis} is their total wait.
 */
public record PoolStatistics(long created, long reused, long closed, long waits, long waitMillis, long timeouts,
                             long healthChecks, long healthFailures, long leaks, long databasesOpened,
                             long databasesClosed, Map<String, DatabasePoolStatistics> databases) {

    /** Connections open across all databases. */
    public int totalConnections() {
        return databases.values().stream().mapToInt(DatabasePoolStatistics::total).sum();
    }

    /**
     * One database's pool.
     *
     * @param open whether its Database object (buffer pool, file lock) is open now
     */
    public record DatabasePoolStatistics(int total, int idle, int inUse, int max, boolean open) {
    }
}
