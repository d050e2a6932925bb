package dev.graphfleet.node.metrics;

import java.util.Map;

/**
 * The node's memory budget against what its open Databases may take: each Database's configured
 * buffer pool (a limit the engine fills lazily), their sum, and what the process really holds
 * (resident set from /proc/self/status, JVM heap). {@code overBudget} flags a configuration that can
 * run out of memory once the buffer pools fill. {@code usage} is what each buffer pool really holds
 * ({@code bm_info}, as the memory governor last read it; empty on a node without a governor).
 * {@code processMemoryBudgetBytes} is the whole process's budget (heap and buffer pools) that
 * {@code processResidentBytes} is held against; {@code evictions} counts the Databases the memory
 * governor closed to stay within budget, {@code evictionsSkipped} those it meant to close but found in
 * use. A figure that cannot be read is null (no /proc, no governor), never a reassuring zero.
 */
public record BufferPoolMetrics(long memoryBudgetBytes, long bufferPoolPerDatabaseBytes,
                                Map<String, Long> openDatabases, long configuredTotalBytes, boolean overBudget,
                                Map<String, Reading> usage, long usedTotalBytes,
                                Long processResidentBytes, long jvmHeapUsedBytes, long jvmHeapCommittedBytes,
                                long jvmHeapMaxBytes, Long processMemoryBudgetBytes, Boolean processOverBudget,
                                Long evictions, Long evictionsSkipped) {

    /** One Database's buffer pool: its limit and the memory it holds. */
    public record Reading(long limitBytes, long usedBytes) {
    }
}
