package dev.graphfleet.console.viewmodel;

/**
 * The parts of a node's memory for one stacked bar, in bytes (-1 when unknown). Along the bar: OS
 * overhead, the open databases' buffer pools, the rest of the budget they may still take, and any
 * buffer pools beyond the budget; the RAM is a marker, and whatever the stack needs beyond it is
 * red. The process's resident size is a thin bar underneath.
 */
public record MemoryBar(long ram, long osOverhead, long budget, long bufferPools, long process) {

    /** Bytes the full width of the bar stands for: the RAM, or more when the budget does not fit in it. */
    public long scale() {
        long needed = osOverhead + Math.max(budget, bufferPools);
        return Math.max(1, Math.max(Math.max(ram, needed), process));
    }

    public double fraction(long bytes) {
        return bytes <= 0 ? 0 : Math.min(1.0, (double) bytes / scale());
    }

    /** Buffer pools within the budget. */
    public long poolsWithinBudget() {
        return Math.min(bufferPools, budget);
    }

    /** Buffer pools beyond the budget (the node's over_budget). */
    public long poolsOverBudget() {
        return Math.max(0, bufferPools - budget);
    }

    /** The budget the open buffer pools do not take yet, but may as more databases open. */
    public long budgetHeadroom() {
        return Math.max(0, budget - bufferPools);
    }

    /** Where the stack ends: OS overhead plus the budget or the open buffer pools, whichever is larger. */
    public long stackEnd() {
        return osOverhead + Math.max(budget, bufferPools);
    }

    /** What the stack needs beyond the RAM (0 when it fits or the RAM is unknown). */
    public long beyondRam() {
        return ram > 0 ? Math.max(0, stackEnd() - ram) : 0;
    }
}
