package dev.graphfleet.config;

import java.util.Map;

/**
 * An {@code instance} block as written in the file: {@code null} means "not set here". A tier's
 * block is resolved over the defaults; a replica group's block overrides its tier's field by field
 * (see {@link InstanceConfig#overriddenBy}). Keys are the YAML keys in snake_case.
 */
public record InstanceSpec(
        String type,
        Integer databasesPerInstance,
        Integer maxMemoryMb,
        Integer memoryPerDbMb,
        Integer connectionPoolSize,
        Integer queryTimeout,
        Integer maxQueryLength,
        Integer osOverheadMb,
        Integer checkpointThresholdMb,
        Map<String, Integer> checkpointThresholdMbByDatabase,
        Integer maxDbSizeMb) {

    public static final InstanceSpec EMPTY =
            new InstanceSpec(null, null, null, null, null, null, null, null, null, null, null);

    public InstanceSpec {
        if (checkpointThresholdMbByDatabase != null) {
            checkpointThresholdMbByDatabase = ConfigMaps.copy(checkpointThresholdMbByDatabase);
        }
    }

    /** A block that does not set {@code max_db_size_mb}. */
    public InstanceSpec(String type, Integer databasesPerInstance, Integer maxMemoryMb, Integer memoryPerDbMb,
                        Integer connectionPoolSize, Integer queryTimeout, Integer maxQueryLength, Integer osOverheadMb,
                        Integer checkpointThresholdMb, Map<String, Integer> checkpointThresholdMbByDatabase) {
        this(type, databasesPerInstance, maxMemoryMb, memoryPerDbMb, connectionPoolSize, queryTimeout, maxQueryLength,
                osOverheadMb, checkpointThresholdMb, checkpointThresholdMbByDatabase, null);
    }

    /** Whether this block sets the given key (by its YAML name), used to say where a value came from. */
    public boolean sets(String yamlKey) {
        return switch (yamlKey) {
            case "type" -> type != null;
            case "databases_per_instance" -> databasesPerInstance != null;
            case "max_memory_mb" -> maxMemoryMb != null;
            case "memory_per_db_mb" -> memoryPerDbMb != null;
            case "connection_pool_size" -> connectionPoolSize != null;
            case "query_timeout" -> queryTimeout != null;
            case "max_query_length" -> maxQueryLength != null;
            case "os_overhead_mb" -> osOverheadMb != null;
            case "checkpoint_threshold_mb" -> checkpointThresholdMb != null;
            case "checkpoint_threshold_mb_by_database" -> checkpointThresholdMbByDatabase != null;
            case "max_db_size_mb" -> maxDbSizeMb != null;
            default -> throw new IllegalArgumentException("no instance key " + yamlKey);
        };
    }
}
