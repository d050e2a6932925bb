package dev.graphfleet.local;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.nodes.NodeTarget;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The running local fleet as a fleet source: its nodes, each with its own per-run key. The local fleet
 * has one replica group, {@link LocalFleet#GROUP}; {@link #withReplicaGroup} names it on its replicas for
 * display ({@code fleet status}). The source itself leaves the group unset, so {@code fleet validate} keeps
 * comparing the replicas with a config's only group.
 */
public final class LocalFleetSource {

    private LocalFleetSource() {
    }

    /** The source, or empty when no local fleet runs with this data directory. */
    public static Optional<FleetSource> open(Path dataDir, ProbeOptions probe) {
        return LocalFleetFile.read(dataDir).map(fleet -> NodesFleetSource.create(
                fleet.nodes().stream().map(node -> new NodeTarget(node.url(), node.apiKey())).toList(), probe,
                "local"));
    }

    /** A fleet that this process runs. */
    public static FleetSource of(LocalFleet fleet, ProbeOptions probe) {
        return NodesFleetSource.create(fleet.nodes().stream().map(node -> new NodeTarget(node.url(), node.apiKey()))
                .toList(), probe, "local");
    }

    /** Each replica in the local fleet's group; a node that did not say its role stays without one. */
    public static FleetSnapshot withReplicaGroup(FleetSnapshot snapshot) {
        List<FleetInstance> instances = snapshot.instances().stream()
                .map(i -> i.role() == NodeType.SHARED_REPLICA ? i.withGroup(LocalFleet.GROUP) : i).toList();
        return new FleetSnapshot(snapshot.environment(), snapshot.takenAt(), snapshot.source(),
                snapshot.sourceReachable(), snapshot.sourceError(), snapshot.replicaGroups(), instances,
                snapshot.warnings());
    }
}
