package dev.graphfleet.config;

/**
 * {@code node.memory}: the process's memory budget is the JVM heap maximum + the tier's
 * {@code max_memory_mb} (buffer pools) + {@code query_headroom_mb}; past it running queries are stopped
 * and new ones refused (503 {@code memory_limit}). Unset, the headroom is half of {@code max_memory_mb},
 * at least 512 MB.
 *
 * @param queryHeadroomMb memory beyond heap and buffer pools: JVM non-heap, the engine's library and its
 *                        query memory outside the buffer pools; null when not set (derived)
 */
public record MemoryConfig(Integer queryHeadroomMb) {

    public static final MemoryConfig DEFAULTS = new MemoryConfig(null);

    /** The headroom in bytes, or 0 when not set (the node derives it from the tier). */
    public long queryHeadroomBytes() {
        return queryHeadroomMb == null ? 0 : queryHeadroomMb * 1024L * 1024L;
    }
}
