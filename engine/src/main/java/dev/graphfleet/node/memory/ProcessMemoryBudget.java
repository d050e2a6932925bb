package dev.graphfleet.node.memory;

/**
 * What the whole process may hold: the JVM heap's maximum, the buffer pools' budget
 * ({@code max_memory_mb}) and a headroom for everything else (JVM metaspace, code and thread stacks,
 * the engine's library and the query memory it keeps outside its buffer pools).
 */
public record ProcessMemoryBudget(long heapMaxBytes, long bufferPoolBytes, long queryHeadroomBytes) {

    private static final long MIB = 1024L * 1024L;
    /** The smallest default headroom: an idle node's JVM and engine outside heap and pools. */
    static final long MIN_DEFAULT_HEADROOM_BYTES = 512 * MIB;

    public ProcessMemoryBudget {
        if (heapMaxBytes <= 0 || bufferPoolBytes <= 0 || queryHeadroomBytes <= 0) {
            throw new IllegalArgumentException("memory budget parts must be positive: heap " + heapMaxBytes
                    + ", buffer pools " + bufferPoolBytes + ", query headroom " + queryHeadroomBytes);
        }
    }

    /**
     * The budget of a node: this JVM's heap maximum, the buffer pools, and {@code queryHeadroomBytes}
     * or, when that is zero (not configured), the default: half of the buffer pools, at least 512 MiB.
     */
    public static ProcessMemoryBudget of(long bufferPoolBytes, long queryHeadroomBytes) {
        long headroom = queryHeadroomBytes > 0 ? queryHeadroomBytes : defaultHeadroomBytes(bufferPoolBytes);
        return new ProcessMemoryBudget(Runtime.getRuntime().maxMemory(), bufferPoolBytes, headroom);
    }

    public static long defaultHeadroomBytes(long bufferPoolBytes) {
        return Math.max(MIN_DEFAULT_HEADROOM_BYTES, bufferPoolBytes / 2);
    }

    public long totalBytes() {
        return heapMaxBytes + bufferPoolBytes + queryHeadroomBytes;
    }

    /** How the figure is made up, for errors and logs. */
    public String describe() {
        return (totalBytes() / MIB) + " MiB (JVM heap max " + heapMaxBytes / MIB + " MiB + buffer pools "
                + bufferPoolBytes / MIB + " MiB, max_memory_mb + query headroom " + queryHeadroomBytes / MIB
                + " MiB, node.memory.query_headroom_mb)";
    }
}
