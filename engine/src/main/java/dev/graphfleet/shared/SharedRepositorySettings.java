package dev.graphfleet.shared;

import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.PoolSettings;
import java.time.Duration;
import java.util.Map;

/**
 * How a shared node serves its repositories.
 *
 * @param memoryBudgetBytes the node's one budget ({@code max_memory_mb}); each repository's buffer
 *                          pool may use all of it (lazy allocation), the governor keeps the sum in it
 * @param highWater         fraction of the budget at which the least recently used repository closes
 * @param repositoryTtl     connection lifetime of repositories (24 h: re-opening is expensive under load)
 * @param maxDbSizeBytes    address space reserved per repository ({@code max_db_size_mb}); a power of two
 */
public record SharedRepositorySettings(long memoryBudgetBytes, double highWater, int connectionsPerRepository,
                                       Duration queryTimeout, Duration repositoryTtl, PoolSettings pool,
                                       AttachSettings attach, Duration governorInterval, int attachParallelism,
                                       long maxDbSizeBytes) {

    public static SharedRepositorySettings defaults(long memoryBudgetBytes) {
        return new SharedRepositorySettings(memoryBudgetBytes, 0.9, 10, Duration.ofSeconds(300), Duration.ofHours(24),
                PoolSettings.DEFAULTS, AttachSettings.DEFAULTS, Duration.ofSeconds(5), 4,
                DatabaseSettings.DEFAULT_MAX_DB_SIZE_BYTES);
    }

    public SharedRepositorySettings withAttach(AttachSettings value) {
        return new SharedRepositorySettings(memoryBudgetBytes, highWater, connectionsPerRepository, queryTimeout,
                repositoryTtl, pool, value, governorInterval, attachParallelism, maxDbSizeBytes);
    }

    public SharedRepositorySettings withPool(PoolSettings value) {
        return new SharedRepositorySettings(memoryBudgetBytes, highWater, connectionsPerRepository, queryTimeout,
                repositoryTtl, value, attach, governorInterval, attachParallelism, maxDbSizeBytes);
    }

    /** Read-only, the whole budget as buffer pool, the long repository TTL, no spilling. */
    DatabaseDefaults databaseDefaults() {
        return new DatabaseDefaults(memoryBudgetBytes, maxDbSizeBytes, true,
                512 * DatabaseSettings.MIB, Map.of(), queryTimeout, false, connectionsPerRepository, repositoryTtl);
    }
}
