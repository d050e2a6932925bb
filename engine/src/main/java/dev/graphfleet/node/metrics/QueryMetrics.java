package dev.graphfleet.node.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * Queries over the rolling window (the last hour): per database the count, the failures and the
 * latency, and error responses of the whole API by HTTP status. {@code stoppedSinceStart} counts the
 * queries the node stopped since it started, by reason ({@code query_timeout}: their deadline passed;
 * {@code memory_limit}: the process went over its memory budget).
 */
public record QueryMetrics(long windowSeconds, long totalQueries, long totalErrors,
                           Map<String, DatabaseQueries> queriesByDatabase, Map<String, Long> errorsByStatus,
                           Map<String, Long> stoppedSinceStart) {

    /**
     * One database's queries in the window. Percentiles come from an HdrHistogram (within 1% of the
     * true latency) and never exceed {@code maxMs}; a window without queries has no latency figures
     * (null), not zeros.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DatabaseQueries(long count, long errors, Double meanMs, Double p50Ms, Double p95Ms, Double p99Ms,
                                  Double maxMs) {
    }
}
