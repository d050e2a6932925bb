package dev.graphfleet.pool;

import java.time.Duration;

/**
 * A Database could not open: its buffer pool does not fit the node's budget and every other open
 * Database stayed busy for the whole wait (an HTTP 503 with Retry-After).
 */
public final class MemoryBudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MemoryBudgetExceededException(String database, long neededBytes, long budgetBytes, long grantedBytes,
                                         Duration waited) {
        super("cannot open database " + database + ": its buffer pool of " + (neededBytes >> 20)
                + " MiB does not fit the node's buffer-pool budget of " + (budgetBytes >> 20) + " MiB (max_memory_mb; "
                + (grantedBytes >> 20) + " MiB held by databases busy for " + waited.toMillis()
                + " ms); retry, or raise max_memory_mb or lower memory_per_db_mb");
    }
}
