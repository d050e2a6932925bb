package dev.graphfleet.node.metrics;

import java.util.OptionalLong;

/**
 * What the node process holds against its memory budget, for /metrics and Prometheus. A figure that
 * cannot be read is empty (reported missing), never zero. The default reads {@code /proc};
 * a process memory watchdog can stand in for it with its own readings.
 */
public interface ProcessMemory {

    /** Resident set of the process (the engine's native memory included); empty where it cannot be read. */
    OptionalLong rssBytes();

    /** The process's whole memory budget; empty when the node has none it can state. */
    OptionalLong budgetBytes();

    /**
     * Reads {@code /proc/self/status}; the budget is the JVM's maximum heap plus the buffer pools'
     * budget ({@code max_memory_mb}), empty when the heap has no maximum.
     */
    static ProcessMemory fromProc(long bufferPoolBudgetBytes) {
        return new ProcSelfMemory(bufferPoolBudgetBytes);
    }
}
