package dev.graphfleet.node;

import dev.graphfleet.graph.GraphException;
import dev.graphfleet.node.admission.AdmissionRejectedException;
import dev.graphfleet.node.admission.MemoryLimitException;
import dev.graphfleet.pool.MemoryBudgetExceededException;
import dev.graphfleet.pool.DatabaseBusyException;
import dev.graphfleet.pool.PoolExhaustedException;
import dev.graphfleet.pool.UnknownDatabaseException;
import java.time.Duration;

/** Turns what went wrong into the API's answer. One place, so every route answers alike. */
final class ErrorMapper {

    static final Duration WRITE_CONFLICT_RETRY_AFTER = Duration.ofSeconds(1);

    private final Duration overloadRetryAfter;
    private final Duration queryTimeout;

    /**
     * @param overloadRetryAfter the Retry-After of a 503 (admission's, 5 s)
     * @param queryTimeout       the tier's query timeout, named in a 408 (zero: none configured)
     */
    ErrorMapper(Duration overloadRetryAfter, Duration queryTimeout) {
        this.overloadRetryAfter = overloadRetryAfter;
        this.queryTimeout = queryTimeout;
    }

    ApiException map(Throwable failure) {
        if (failure instanceof ApiException api) {
            return api;
        }
        if (failure instanceof AdmissionRejectedException rejected) {
            return new ApiException(503, "overloaded", rejected.getMessage(), rejected.retryAfter());
        }
        if (failure instanceof MemoryLimitException memory) {
            return new ApiException(503, "memory_limit", memory.getMessage(), memory.retryAfter());
        }
        if (failure instanceof MemoryBudgetExceededException budget) {
            return new ApiException(503, "memory_limit", budget.getMessage(), overloadRetryAfter);
        }
        if (failure instanceof PoolExhaustedException exhausted) {
            return new ApiException(503, "pool_exhausted", exhausted.getMessage(), overloadRetryAfter);
        }
        if (failure instanceof DatabaseBusyException busy) {
            return new ApiException(503, "database_busy", busy.getMessage() + ": queries are still running on it "
                    + "(they end at their query timeout at the latest); retry shortly", overloadRetryAfter);
        }
        if (failure instanceof UnknownDatabaseException unknown) {
            return new ApiException(404, "database_not_found", unknown.getMessage());
        }
        if (failure instanceof GraphException graph) {
            return graph(graph);
        }
        if (failure instanceof IllegalArgumentException bad) {
            return ApiException.badRequest(bad.getMessage());
        }
        return new ApiException(500, "internal_error", "unexpected error (" + failure.getClass().getSimpleName()
                + "); the node log has the details");
    }

    /** The engine's words when a query's operators fill the buffer pool (measured: a collect of 50 M values). */
    private static boolean bufferPoolFull(GraphException e) {
        String message = e.getMessage();
        return message != null && message.contains("Buffer manager exception") && message.contains("buffer pool is full");
    }

    private ApiException graph(GraphException e) {
        return switch (e.kind()) {
            case SYNTAX -> new ApiException(400, "syntax_error", e.getMessage());
            case BINDING -> new ApiException(400, "binding_error", e.getMessage());
            case PARAMETER -> ApiException.badRequest(e.getMessage());
            case CONSTRAINT -> new ApiException(400, "constraint_violation", e.getMessage());
            case READ_ONLY -> new ApiException(403, "read_only",
                    "this node serves its databases read-only and refuses writes: " + EnginePaths.scrub(e.getMessage()));
            case INTERRUPTED -> new ApiException(408, "query_timeout", queryTimeout.isZero()
                    ? "the query was cancelled: " + e.getMessage()
                    : "the query was cancelled after the query timeout of " + queryTimeout.toMillis()
                    + " ms (tier query_timeout): " + e.getMessage());
            case WRITE_CONFLICT -> new ApiException(409, "write_conflict", "another write transaction is running on "
                    + "this database (the engine allows one at a time); retry shortly: " + e.getMessage(),
                    WRITE_CONFLICT_RETRY_AFTER);
            case CLOSED -> new ApiException(503, "unavailable", "the database was closed underneath the query "
                    + "(invalidated or shutting down); retry: " + e.getMessage(), WRITE_CONFLICT_RETRY_AFTER);
            case ENGINE -> bufferPoolFull(e) ? new ApiException(503, "memory_limit", "the query needs more memory "
                    + "than its database's buffer pool holds (tier memory_per_db_mb, else max_memory_mb; less while other "
                    + "databases share max_memory_mb): make it need less, or raise them: " + EnginePaths.scrub(e.getMessage()))
                    : new ApiException(500, "engine_error", EnginePaths.scrub(e.getMessage()));
        };
    }
}
