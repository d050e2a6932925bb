package dev.graphfleet.node.admission;

/** Whether the process is over its memory budget right now; read on every admission, so it must not block. */
@FunctionalInterface
public interface MemoryPressure {

    MemoryPressure NONE = () -> null;

    /** Why new work must wait (naming the budget and the key that sets it), or null when under budget. */
    String overBudgetReason();
}
