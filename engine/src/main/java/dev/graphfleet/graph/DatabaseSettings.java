package dev.graphfleet.graph;

/**
 * How one Database object is opened. Every size is explicit: the engine's 64-bit default reserves
 * 8 TiB of address space per Database ({@code maxDbSizeBytes}), so a few Databases in one process
 * fail with "Mmap ... failed", and its Java default buffer pool is not what the tier budgets.
 *
 * @param bufferPoolBytes          the buffer pool limit (allocated lazily by the engine)
 * @param maxDbSizeBytes           address space reserved for the file; a power of two
 * @param readOnly                 open read-only (replicas, shared repositories)
 * @param checkpointThresholdBytes WAL size that triggers an automatic checkpoint
 */
public record DatabaseSettings(long bufferPoolBytes, long maxDbSizeBytes, boolean readOnly,
                               long checkpointThresholdBytes) {

    public static final long MIB = 1024L * 1024L;
    public static final long DEFAULT_MAX_DB_SIZE_BYTES = 1L << 40; // 1 TiB: ~100 Databases fit in 47-bit space

    public DatabaseSettings {
        if (bufferPoolBytes < 16 * MIB) {
            throw new IllegalArgumentException("buffer pool must be at least 16 MiB, got " + bufferPoolBytes + " bytes");
        }
        if (Long.bitCount(maxDbSizeBytes) != 1) {
            throw new IllegalArgumentException("max database size must be a power of two, got " + maxDbSizeBytes);
        }
        if (checkpointThresholdBytes <= 0) {
            throw new IllegalArgumentException("checkpoint threshold must be positive, got " + checkpointThresholdBytes);
        }
    }
}
