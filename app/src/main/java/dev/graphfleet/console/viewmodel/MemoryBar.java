package dev.graphfleet.console.viewmodel;

/**
 * The parts of a node's memory for one stacked bar, in bytes (-1 when unknown). Along the bar:
 * OS overhead, then the buffer pools up to the budget, then any buffer pools beyond it; the RAM is
 * a marker (what the machine has), the process's resident size a thin bar under it.
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
}
