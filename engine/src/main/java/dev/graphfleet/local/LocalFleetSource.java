package dev.graphfleet.local;

import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.nodes.NodeTarget;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import java.nio.file.Path;
import java.util.Optional;

/** The running local fleet as a fleet source: its nodes, each with its own per-run key. */
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
}
