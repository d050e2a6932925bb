package dev.graphfleet.console.viewmodel;

/** A node over its memory budget, and why (the validator's words). */
public record OverBudget(String node, String reason) {
}
