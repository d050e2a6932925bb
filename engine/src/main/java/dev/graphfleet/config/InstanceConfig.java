package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Duration;
import java.util.Map;

/**
 * An instance's settings with every default applied: what a tier runs with, or what a replica
 * group runs with after its own {@code instance} block overrode its tier's
 * ({@link GraphfleetConfig#effectiveInstance(String)}).
 *
 * @param type                   EC2 instance type, e.g. {@code r7g.large}; {@code null} when not given
 *                               (a local node on this machine)
 * @param databasesPerInstance   databases a writer holds (buffer pools that may be open at once)
 * @param maxMemoryMb            the node's memory budget for all buffer pools
 * @param memoryPerDbMb          one database's buffer pool; 0 means "use max_memory_mb"
 * @param connectionPoolSize     most connections per database
 * @param queryTimeoutSeconds    YAML {@code query_timeout}, in seconds
 * @param maxQueryLength         longest accepted Cypher text, in characters
 * @param osOverheadMb           RAM kept for the OS, JVM and page cache next to the buffer pools
 * @param checkpointThresholdMb  WAL size that triggers an automatic checkpoint
 * @param checkpointThresholdMbByDatabase per-database overrides of the checkpoint threshold
 * @param maxDbSizeMb            the largest a database may grow: the address space the engine reserves
 *                               for each open database (a power of two, at least 8 MB)
 */
public record InstanceConfig(
        String type,
        int databasesPerInstance,
        int maxMemoryMb,
        int memoryPerDbMb,
        int connectionPoolSize,
        int queryTimeoutSeconds,
        int maxQueryLength,
        int osOverheadMb,
        int checkpointThresholdMb,
        Map<String, Integer> checkpointThresholdMbByDatabase,
        int maxDbSizeMb) {

    public static final int DEFAULT_DATABASES_PER_INSTANCE = 10;
    public static final int DEFAULT_MAX_MEMORY_MB = 2048;
    public static final int DEFAULT_MEMORY_PER_DB_MB = 0;
    public static final int DEFAULT_CONNECTION_POOL_SIZE = 3;
    public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MAX_QUERY_LENGTH = 10_000;
    public static final int DEFAULT_OS_OVERHEAD_MB = 2048;
    public static final int DEFAULT_CHECKPOINT_THRESHOLD_MB = 512;
    /** Large repositories checkpoint sooner, as the original did for {@code sec}. */
    public static final Map<String, Integer> DEFAULT_CHECKPOINT_THRESHOLD_MB_BY_DATABASE = Map.of("sec", 128);
    /** 1 TiB, the seed's fixed size: about 100 open databases fit in a 47-bit address space. */
    public static final int DEFAULT_MAX_DB_SIZE_MB = 1 << 20;
    /** The engine refuses a smaller maximum database size. */
    public static final int MIN_MAX_DB_SIZE_MB = 8;

    /** Every default, no type. */
    public static final InstanceConfig DEFAULTS = new InstanceConfig(null, DEFAULT_DATABASES_PER_INSTANCE,
            DEFAULT_MAX_MEMORY_MB, DEFAULT_MEMORY_PER_DB_MB, DEFAULT_CONNECTION_POOL_SIZE,
            DEFAULT_QUERY_TIMEOUT_SECONDS, DEFAULT_MAX_QUERY_LENGTH, DEFAULT_OS_OVERHEAD_MB,
            DEFAULT_CHECKPOINT_THRESHOLD_MB, DEFAULT_CHECKPOINT_THRESHOLD_MB_BY_DATABASE, DEFAULT_MAX_DB_SIZE_MB);

    private static final long MIB = 1024L * 1024L;

    public InstanceConfig {
        checkpointThresholdMbByDatabase = ConfigMaps.copy(checkpointThresholdMbByDatabase);
    }

    /** An instance with the default maximum database size. */
    public InstanceConfig(String type, int databasesPerInstance, int maxMemoryMb, int memoryPerDbMb,
                          int connectionPoolSize, int queryTimeoutSeconds, int maxQueryLength, int osOverheadMb,
                          int checkpointThresholdMb, Map<String, Integer> checkpointThresholdMbByDatabase) {
        this(type, databasesPerInstance, maxMemoryMb, memoryPerDbMb, connectionPoolSize, queryTimeoutSeconds,
                maxQueryLength, osOverheadMb, checkpointThresholdMb, checkpointThresholdMbByDatabase,
                DEFAULT_MAX_DB_SIZE_MB);
    }

    /** A tier's block: what it sets, defaults for the rest. Jackson binds tier blocks through here. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static InstanceConfig of(InstanceSpec spec) {
        return DEFAULTS.overriddenBy(spec);
    }

    /** This instance with every field {@code spec} sets replaced; a map replaces the whole map. */
    public InstanceConfig overriddenBy(InstanceSpec spec) {
        if (spec == null) {
            return this;
        }
        return new InstanceConfig(
                orDefault(spec.type(), type),
                orDefault(spec.databasesPerInstance(), databasesPerInstance),
                orDefault(spec.maxMemoryMb(), maxMemoryMb),
                orDefault(spec.memoryPerDbMb(), memoryPerDbMb),
                orDefault(spec.connectionPoolSize(), connectionPoolSize),
                orDefault(spec.queryTimeout(), queryTimeoutSeconds),
                orDefault(spec.maxQueryLength(), maxQueryLength),
                orDefault(spec.osOverheadMb(), osOverheadMb),
                orDefault(spec.checkpointThresholdMb(), checkpointThresholdMb),
                orDefault(spec.checkpointThresholdMbByDatabase(), checkpointThresholdMbByDatabase),
                orDefault(spec.maxDbSizeMb(), maxDbSizeMb));
    }

    /**
     * One Database's buffer pool: {@code memory_per_db_mb} when > 0, else {@code max_memory_mb};
     * never more than {@code max_memory_mb}, since one database cannot have more than the node's
     * whole budget (a replica that inherits a master's per-database size gets its own budget).
     */
    public int bufferPoolMb() {
        return memoryPerDbMb > 0 ? Math.min(memoryPerDbMb, maxMemoryMb) : maxMemoryMb;
    }

    public long bufferPoolBytes() {
        return bufferPoolMb() * MIB;
    }

    /** The checkpoint threshold for one database: its override, else {@code checkpoint_threshold_mb}. */
    public int checkpointThresholdMbFor(String database) {
        return checkpointThresholdMbByDatabase.getOrDefault(database, checkpointThresholdMb);
    }

    public long checkpointThresholdBytesFor(String database) {
        return checkpointThresholdMbFor(database) * MIB;
    }

    public long maxDbSizeBytes() {
        return maxDbSizeMb * MIB;
    }

    public Duration queryTimeout() {
        return Duration.ofSeconds(queryTimeoutSeconds);
    }

    /** RAM this instance needs: the whole buffer-pool budget plus the OS overhead. */
    public int memoryNeededMb() {
        return maxMemoryMb + osOverheadMb;
    }
}
