package dev.graphfleet.fleet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.graphfleet.config.NodeType;
import java.net.URI;
import java.util.Objects;

/**
 * One instance of the fleet at one moment.
 *
 * @param id           EC2 instance id, or the node's id (host:port until it answers) for a node list
 * @param role         writer, shared_master or shared_replica; null until something says which
 * @param endpoint     the node's HTTP API ({@code http://10.0.1.5:8001}), or null when unknown
 * @param state        where it is in its life: EC2 state ({@code running}), Auto Scaling lifecycle
 *                     ({@code InService}), or the node's own ({@code ready}, {@code starting}); null when unknown
 * @param health       see {@link Health}
 * @param healthDetail why the health is what it is (e.g. "no answer within 2000 ms"), or null
 * @param instanceType e.g. {@code r7g.large}, or null
 * @param group        the replica group it belongs to, or null
 * @param dataVersion  the snapshot or repository versions it serves, or null when unknown
 * @param node         the node's figures when it answered /metrics, else null
 * @param nodeError    why /metrics could not be read when the node is otherwise reachable, or null
 */
public record FleetInstance(String id, NodeType role, URI endpoint, String state, Health health, String healthDetail,
                            String instanceType, String group, DataVersion dataVersion, NodeSummary node,
                            String nodeError) {

    public FleetInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(health, "health");
    }

    /** The role's wire name, or {@code unknown}. */
    public String roleName() {
        return role == null ? "unknown" : role.wireName();
    }

    @JsonIgnore
    public boolean isHealthy() {
        return health == Health.HEALTHY;
    }

    public FleetInstance withHealth(Health newHealth, String detail) {
        return new FleetInstance(id, role, endpoint, state, newHealth, detail, instanceType, group, dataVersion, node,
                nodeError);
    }

    public FleetInstance withGroup(String newGroup) {
        return new FleetInstance(id, role, endpoint, state, health, healthDetail, instanceType, newGroup, dataVersion,
                node, nodeError);
    }
}
