package dev.graphfleet.node.metrics;

import java.util.OptionalLong;

/**
 * What the node process holds against its memory budget, for /metrics and Prometheus. A figure that
 * cannot be read is empty (reported missing), never zero. The node's memory watchdog supplies it.
 */
public interface ProcessMemory {

    /** Resident set of the process (the engine's native memory included); empty where it cannot be read. */
    OptionalLong rssBytes();

    /** The process's whole memory budget; empty when the node has none it can state. */
    OptionalLong budgetBytes();
}
