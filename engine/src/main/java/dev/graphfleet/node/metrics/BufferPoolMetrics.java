package dev.graphfleet.node.metrics;

import java.util.Map;

/**
 * The node's memory budget against what its open Databases may take: each Database's configured
 * buffer pool (a limit the engine fills lazily), their sum, and what the process really holds
 * (resident set from /proc/self/status, JVM heap). {@code overBudget} flags a configuration that can
 * run out of memory once the buffer pools fill. {@code usage} is what each buffer pool really holds
 * ({@code bm_info}, as the memory governor last read it; empty on a node without a governor).
 */
public record BufferPoolMetrics(long memoryBudgetBytes, long bufferPoolPerDatabaseBytes,
                                Map<String, Long> openDatabases, long configuredTotalBytes, boolean overBudget,
                                Map<String, Reading> usage, long usedTotalBytes,
                                Long processResidentBytes, long jvmHeapUsedBytes, long jvmHeapCommittedBytes,
                                long jvmHeapMaxBytes) {

    /** One Database's buffer pool: its limit and the memory it holds. */
    public record Reading(long limitBytes, long usedBytes) {
    }
}
