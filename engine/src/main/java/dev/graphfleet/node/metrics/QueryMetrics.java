package dev.graphfleet.node.metrics;

import java.util.Map;

/**
 * Queries over the rolling window (the last hour): per database the count, the failures and the
 * latency, and error responses of the whole API by HTTP status.
 */
public record QueryMetrics(long windowSeconds, long totalQueries, long totalErrors,
                           Map<String, DatabaseQueries> queriesByDatabase, Map<String, Long> errorsByStatus) {

    /**
     * One database's queries in the window. Percentiles are the upper bounds of power-of-two
     * latency buckets: never below the true value, at most twice it.
     */
    public record DatabaseQueries(long count, long errors, double meanMs, double p50Ms, double p99Ms, double maxMs) {
    }
}
