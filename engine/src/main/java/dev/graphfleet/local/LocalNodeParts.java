package dev.graphfleet.local;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.NodeConfig;
import dev.graphfleet.config.NodeType;
import dev.graphfleet.node.ConfiguredNode;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.Version;
import dev.graphfleet.volume.local.FileVolumeStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * What a child node of the local fleet ({@code serve --config FILE --local-fleet DIR}) adds to a configured node:
 * its simulated data volume from {@code DIR/volumes.json}, the versions a rollback pinned, and for the shared
 * master its own databases. The child ends with the fleet's process, so a killed {@code local} leaves no nodes.
 */
public final class LocalNodeParts {

    /** How often a child measures its simulated volume (a walk of its data directory). */
    static final Duration VOLUME_SCAN_INTERVAL = Duration.ofSeconds(1);

    private LocalNodeParts() {
    }

    public static ConfiguredNode.LocalParts of(Path fleetDir, GraphfleetConfig config, Map<String, String> pins) {
        NodeConfig node = config.requireNode();
        if (node.id() == null || node.dataDir() == null) {
            throw new IllegalArgumentException("--local-fleet: the config needs node.id and node.data_dir");
        }
        pins.forEach((repository, version) -> {
            RepositoryName.of(repository);
            if (!Version.isValid(version)) {
                throw new IllegalArgumentException("--pin " + repository + "=" + version + ": versions look like v1, v2");
            }
        });
        Path dir = fleetDir.toAbsolutePath().normalize();
        FileVolumeStore volumes = FileVolumeStore.open(dir).orElseThrow(() -> new IllegalArgumentException(
                "--local-fleet " + dir + " has no " + FileVolumeStore.NAME + ": only graphfleet local starts such nodes"));
        SimulatedDataVolume volume = SimulatedDataVolume.start(LocalFleet.volumeId(node.id()), node.dataDir(), volumes,
                Clock.systemUTC(), VOLUME_SCAN_INTERVAL);
        return new ConfiguredNode.LocalParts(volume, pins, node.type() == NodeType.SHARED_MASTER);
    }

    /** Stops this process (gracefully: the shutdown hooks run) when the process that started it ends. */
    public static void exitWithParent() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    }
}
