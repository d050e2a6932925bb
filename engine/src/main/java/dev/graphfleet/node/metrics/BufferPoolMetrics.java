package dev.graphfleet.node.metrics;

import java.util.Map;

/**
 * The node's memory budget against what its open Databases may take: each Database's configured
 * buffer pool (a limit the engine fills lazily), their sum, and what the process really holds
 * (resident set from /proc/self/status, JVM heap). {@code overBudget} flags a configuration that can
 * run out of memory once the buffer pools fill.
 */
public record BufferPoolMetrics(long memoryBudgetBytes, long bufferPoolPerDatabaseBytes,
                                Map<String, Long> openDatabases, long configuredTotalBytes, boolean overBudget,
                                Long processResidentBytes, long jvmHeapUsedBytes, long jvmHeapCommittedBytes,
                                long jvmHeapMaxBytes) {
}
