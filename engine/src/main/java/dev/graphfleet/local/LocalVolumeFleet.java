package dev.graphfleet.local;

import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.local.FileVolumeStore;
import dev.graphfleet.volume.local.SimulatedTimings;
import dev.graphfleet.volume.local.SimulatedVolume;
import dev.graphfleet.volume.local.SimulatedVolumes;
import dev.graphfleet.volume.monitor.CloudWatchDiskMetrics;
import dev.graphfleet.volume.monitor.InstanceSource;
import dev.graphfleet.volume.monitor.MonitorOptions;
import dev.graphfleet.volume.monitor.VolumeActions;
import dev.graphfleet.volume.monitor.VolumeFleet;
import dev.graphfleet.volume.monitor.WatchedInstance;
import dev.graphfleet.volume.registry.ExpansionLock;
import dev.graphfleet.volume.registry.InMemoryVolumeRegistry;
import dev.graphfleet.volume.registry.VolumeRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running local fleet as the volume monitor sees it, from another process or the same one: the nodes of
 * {@code local-fleet.json} (each with its own API key), the simulated volumes of {@code volumes.json} as the
 * volume provider, and a registry in this process that starts from the volumes' modification history, so a
 * plan knows the cooldown just as the DynamoDB registry tells it in AWS. Capacities are simulated; the bytes
 * the nodes report are real.
 */
public final class LocalVolumeFleet implements VolumeFleet {

    /** How often a run looks while a modification is "modifying" (seconds locally, not EBS's minutes). */
    private static final Duration POLL = Duration.ofMillis(250);

    private final Path dataDir;
    private final List<WatchedInstance> instances;
    private final Map<String, String> apiKeys = new HashMap<>();
    private final SimulatedVolumes volumes;
    private final VolumeRegistry registry;

    private LocalVolumeFleet(Path dataDir, LocalFleetFile fleet, FileVolumeStore store, Clock clock) {
        this.dataDir = dataDir;
        this.instances = fleet.nodes().stream().map(node -> new WatchedInstance(node.id(), node.type().wireName(),
                node.url(), node.dataDir().toString())).toList();
        fleet.nodes().forEach(node -> apiKeys.put(node.id(), node.apiKey()));
        this.volumes = new SimulatedVolumes(store, clock, store.timings());
        this.registry = registryFrom(store.read(), clock.instant());
    }

    /**
     * The local fleet running in {@code dataDir}.
     *
     * @throws IllegalStateException when none is running there, saying how to start one
     */
    public static LocalVolumeFleet open(Path dataDir, Clock clock) {
        Path dir = dataDir.toAbsolutePath().normalize();
        LocalFleetFile fleet = LocalFleetFile.read(dir).orElseThrow(() -> new IllegalStateException(
                "no local fleet is running in " + dir + " (no " + LocalFleetFile.NAME + " of a live process): start "
                        + "one with: graphfleet local --data " + dir));
        FileVolumeStore store = FileVolumeStore.open(dir).orElseThrow(() -> new IllegalStateException(
                "the local fleet in " + dir + " has no simulated volumes (" + FileVolumeStore.NAME + "): restart it "
                        + "with this version of graphfleet local"));
        return new LocalVolumeFleet(dir, fleet, store, clock);
    }

    @Override
    public String description() {
        return "the local fleet in " + dataDir + " (" + instances.size() + " nodes; capacities are simulated)";
    }

    @Override
    public InstanceSource instances() {
        return InstanceSource.of(instances);
    }

    @Override
    public VolumeActions actions() {
        return volumes;
    }

    @Override
    public CloudWatchDiskMetrics cloudWatch() {
        return CloudWatchDiskMetrics.unavailable("the local fleet has no AWS source");
    }

    @Override
    public VolumeRegistry registry() {
        return registry;
    }

    /** The node API key of an instance (for its /metrics); null for an unknown one. */
    public String apiKey(WatchedInstance instance) {
        return apiKeys.get(instance.instanceId());
    }

    public SimulatedTimings timings() {
        return volumes.timings();
    }

    /** The default policy with the simulated cooldown, so plans and the simulation agree on it. */
    public VolumePolicy policy(VolumePolicy base) {
        return base.withModificationCooldown(timings().cooldown());
    }

    /** {@code base} waiting for "optimizing" as long as the simulation takes to get there (plus 5 s). */
    public MonitorOptions monitorOptions(MonitorOptions base) {
        return base.withModificationWait(timings().modifyingFor().plusSeconds(5), POLL);
    }

    /** A registry holding each volume's last modification (and whether its filesystem caught up). */
    private static VolumeRegistry registryFrom(Map<String, SimulatedVolume> volumes, Instant now) {
        InMemoryVolumeRegistry registry = new InMemoryVolumeRegistry();
        for (SimulatedVolume v : volumes.values()) {
            SimulatedVolume.Modification m = v.modification();
            if (m == null) {
                continue;
            }
            ExpansionLock lock = registry.tryLock(v.volumeId(), "local-history", m.startedAt(), Duration.ofSeconds(1))
                    .orElseThrow();
            registry.recordExpansion(lock, v.instanceId(), m.toSizeGb(), m.startedAt());
            registry.release(lock);
            if (v.filesystemGb() >= v.sizeGb()) {
                registry.markAttached(v.volumeId(), v.instanceId(), v.sizeGb(), now);
            }
        }
        return registry;
    }
}
