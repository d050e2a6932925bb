package dev.graphfleet.fleet.nodes;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.DataVersion;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import java.net.URI;

/**
 * What one node said (or did not say) on /health and /metrics.
 *
 * @param nodeId       the node's own id, or null when it did not say
 * @param role         its type, or null when it did not say
 * @param state        its own state ({@code ready}, {@code starting}, {@code shutting_down}), or null
 * @param dataVersion  the repository versions it attached, or null
 * @param summary      its /metrics figures, or null
 * @param metricsError why /metrics could not be read, or null
 * @param group        the replica group the node says it is in ({@code /health replica_group}), or null
 */
public record NodeReport(URI endpoint, String nodeId, NodeType role, String state, Health health,
                         String healthDetail, DataVersion dataVersion, NodeSummary summary, String metricsError,
                         String group) {

    public NodeReport(URI endpoint, String nodeId, NodeType role, String state, Health health, String healthDetail,
                      DataVersion dataVersion, NodeSummary summary, String metricsError) {
        this(endpoint, nodeId, role, state, health, healthDetail, dataVersion, summary, metricsError, null);
    }

    /** The node's id, else {@code host:port} of its URL. */
    public String displayId() {
        return nodeId != null ? nodeId : endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "");
    }
}
