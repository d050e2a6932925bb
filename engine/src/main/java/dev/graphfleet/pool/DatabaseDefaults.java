package dev.graphfleet.pool;

import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * How a node opens its databases, from its tier: the buffer pool is {@code memory_per_db_mb} when
 * above zero, else {@code max_memory_mb}; checkpoint thresholds may differ per database (large
 * repositories such as {@code sec} checkpoint at 128 MB instead of 512 MB).
 */
public record DatabaseDefaults(long bufferPoolBytes, long maxDbSizeBytes, boolean readOnly,
                               long checkpointThresholdBytes, Map<String, Long> checkpointThresholdOverrides,
                               Duration queryTimeout, boolean spillToDisk, int maxConnections, Duration connectionTtl) {

    public static final long MIB = DatabaseSettings.MIB;

    public DatabaseDefaults {
        checkpointThresholdOverrides = Map.copyOf(checkpointThresholdOverrides);
    }

    /** The original's defaults: 2048 MB pools, 512 MB checkpoints, 3 connections, 30 min TTL. */
    public static DatabaseDefaults writer() {
        return new DatabaseDefaults(2048 * MIB, DatabaseSettings.DEFAULT_MAX_DB_SIZE_BYTES, false, 512 * MIB,
                Map.of(), Duration.ofSeconds(30), true, 3, Duration.ofMinutes(30));
    }

    /** The buffer pool a tier gives each database: {@code memory_per_db_mb} if set, else {@code max_memory_mb}. */
    public static long bufferPoolMb(long memoryPerDbMb, long maxMemoryMb) {
        if (memoryPerDbMb > 0) {
            return memoryPerDbMb;
        }
        return maxMemoryMb > 0 ? maxMemoryMb : 2048;
    }

    public DatabaseDefaults withBufferPoolBytes(long bytes) {
        return new DatabaseDefaults(bytes, maxDbSizeBytes, readOnly, checkpointThresholdBytes,
                checkpointThresholdOverrides, queryTimeout, spillToDisk, maxConnections, connectionTtl);
    }

    public DatabaseDefaults withReadOnly(boolean readOnlyNode) {
        return new DatabaseDefaults(bufferPoolBytes, maxDbSizeBytes, readOnlyNode, checkpointThresholdBytes,
                checkpointThresholdOverrides, queryTimeout, spillToDisk, maxConnections, connectionTtl);
    }

    public DatabaseDefaults withMaxConnections(int connections) {
        return new DatabaseDefaults(bufferPoolBytes, maxDbSizeBytes, readOnly, checkpointThresholdBytes,
                checkpointThresholdOverrides, queryTimeout, spillToDisk, connections, connectionTtl);
    }

    public DatabaseDefaults withConnectionTtl(Duration ttl) {
        return new DatabaseDefaults(bufferPoolBytes, maxDbSizeBytes, readOnly, checkpointThresholdBytes,
                checkpointThresholdOverrides, queryTimeout, spillToDisk, maxConnections, ttl);
    }

    public DatabaseDefaults withCheckpointThresholds(long defaultBytes, Map<String, Long> overrides) {
        return new DatabaseDefaults(bufferPoolBytes, maxDbSizeBytes, readOnly, defaultBytes, overrides,
                queryTimeout, spillToDisk, maxConnections, connectionTtl);
    }

    public DatabaseDefaults withQueryTimeout(Duration timeout) {
        return new DatabaseDefaults(bufferPoolBytes, maxDbSizeBytes, readOnly, checkpointThresholdBytes,
                checkpointThresholdOverrides, timeout, spillToDisk, maxConnections, connectionTtl);
    }

    public long checkpointThresholdFor(String database) {
        return checkpointThresholdOverrides.getOrDefault(database, checkpointThresholdBytes);
    }

    /** The spec of one database file; the engine's home directory sits beside it on the data volume. */
    public DatabaseSpec specFor(String name, Path file, Path homeDirectory) {
        return new DatabaseSpec(name, file,
                new DatabaseSettings(bufferPoolBytes, maxDbSizeBytes, readOnly, checkpointThresholdFor(name)),
                new ConnectionSettings(queryTimeout, spillToDisk, homeDirectory),
                maxConnections, connectionTtl);
    }
}
