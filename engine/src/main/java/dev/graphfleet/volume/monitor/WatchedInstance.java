package dev.graphfleet.volume.monitor;

import java.net.URI;
import java.util.Objects;

/**
 * One instance whose data volume is watched.
 *
 * @param instanceId      EC2 instance id, or a name for a local or URL-only node
 * @param role            writer, shared_master, shared_replica (or "node" when unknown)
 * @param metricsEndpoint the node's HTTP API base ({@code http://10.0.1.5:8001}); null when it has none
 * @param dataMount       where the data volume is mounted: CloudWatch matches the agent's {@code path} on it
 *                        (writers use /mnt/lbug-data, replicas /data)
 */
public record WatchedInstance(String instanceId, String role, URI metricsEndpoint, String dataMount) {

    public static final String DEFAULT_DATA_MOUNT = "/mnt/lbug-data";

    public WatchedInstance {
        Objects.requireNonNull(instanceId, "instanceId");
        role = role == null ? "node" : role;
        dataMount = dataMount == null ? DEFAULT_DATA_MOUNT : dataMount;
    }

    /** A node known only by its URL: its id is host:port (and the path, when the node sits under one). */
    public static WatchedInstance ofNode(URI endpoint) {
        String path = endpoint.getPath() == null || endpoint.getPath().equals("/") ? "" : endpoint.getPath();
        String id = endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "") + path;
        return new WatchedInstance(id, "node", endpoint, DEFAULT_DATA_MOUNT);
    }
}
