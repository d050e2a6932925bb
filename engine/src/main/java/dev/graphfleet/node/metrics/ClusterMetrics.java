package dev.graphfleet.node.metrics;

/** Who this node is: id, type ({@code writer}, {@code shared_master}, {@code shared_replica}) and uptime. */
public record ClusterMetrics(String nodeId, String nodeType, long uptimeSeconds) {
}
