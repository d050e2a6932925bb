package dev.graphfleet.console.testing;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.MemoryCheck;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.console.service.RefreshStatus;
import dev.graphfleet.console.service.VolumeFacts;
import dev.graphfleet.fleet.DataVersion;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import dev.graphfleet.fleet.ReplicaGroup;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refreshes as the view-models receive them ({@link ConsoleState}), built without a server: the fleet
 * model's side of {@link Fleets} (whose documents a {@link NodeServer} serves). A node starts as the
 * test fleet's writer reports itself — healthy, a 500 GB volume with 210 GB used, three 2 GiB buffer
 * pools in a 12 GiB budget, one connection in use of ten — and a scenario changes only what it needs.
 */
public final class FleetStates {

    public static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    public static final long GIB = 1024L * 1024 * 1024;

    private FleetStates() {
    }

    public static Node node(String id, NodeType role) {
        return new Node(id, role);
    }

    /** A fleet read from a reachable source at {@link #NOW}. */
    public static FleetSnapshot fleet(FleetInstance... instances) {
        return new FleetSnapshot("prod", NOW, "aws(prod)", true, null, List.of(), List.of(instances), List.of());
    }

    /** The fleet with its replica groups. */
    public static FleetSnapshot fleet(List<ReplicaGroup> groups, FleetInstance... instances) {
        return new FleetSnapshot("prod", NOW, "aws(prod)", true, null, groups, List.of(instances), List.of());
    }

    /** A refresh of {@code instances} that finished at {@link #NOW}, without node details. */
    public static ConsoleState state(FleetInstance... instances) {
        return refresh(fleet(instances)).build();
    }

    public static Refresh refresh(FleetSnapshot fleet) {
        return new Refresh(fleet);
    }

    /** One refresh: the fleet plus what the console read beside it (details, verdicts, volume facts). */
    public static final class Refresh {
        private FleetSnapshot fleet;
        private final Map<String, NodeDetail> details = new HashMap<>();
        private final Map<String, MemoryCheck.MemoryVerdict> memory = new HashMap<>();
        private final Map<String, VolumeFacts> volumes = new HashMap<>();
        private Instant at = NOW;
        private Duration took = Duration.ofMillis(120);
        private int failures;
        private Duration nextIn = Duration.ofSeconds(5);

        private Refresh(FleetSnapshot fleet) {
            this.fleet = fleet;
        }

        public Refresh detail(String id, NodeDetail detail) {
            details.put(id, detail);
            return this;
        }

        public Refresh verdict(String id, MemoryCheck.MemoryVerdict verdict) {
            memory.put(id, verdict);
            return this;
        }

        public Refresh volume(String id, VolumeFacts facts) {
            volumes.put(id, facts);
            return this;
        }

        /** When the refresh finished (the fleet is stamped the same). */
        public Refresh at(Instant finishedAt) {
            at = finishedAt;
            fleet = new FleetSnapshot(fleet.environment(), finishedAt, fleet.source(), fleet.sourceReachable(),
                    fleet.sourceError(), fleet.replicaGroups(), fleet.instances(), fleet.warnings());
            return this;
        }

        public Refresh timing(Duration tookTime, int consecutiveFailures, Duration next) {
            took = tookTime;
            failures = consecutiveFailures;
            nextIn = next;
            return this;
        }

        public ConsoleState build() {
            return new ConsoleState(fleet, details, memory, new RefreshStatus(at, took, failures, nextIn), volumes);
        }
    }

    /** One instance; {@link #build()} gives the fleet model's view of it. */
    public static final class Node {
        private final String id;
        private final NodeType role;
        private Health health = Health.HEALTHY;
        private String healthDetail;
        private String nodeError;
        private String state = "running";
        private String instanceType;
        private String group;
        private DataVersion dataVersion;
        private boolean summary = true;
        private long uptimeSeconds = 3 * 3600 + 25 * 60;
        private NodeSummary.VolumeUsage volume = new NodeSummary.VolumeUsage(500, 210, 290, 0.42, "/mnt/lbug-data");
        private NodeSummary.BufferPool bufferPool = new NodeSummary.BufferPool(12 * GIB, 6 * GIB, 3, false,
                Math.round(2.4 * GIB));
        private NodeSummary.PoolUsage pool = new NodeSummary.PoolUsage(1, 2, 10, 3, 0, 0);
        private final List<NodeSummary.Attachment> attachments = new ArrayList<>();
        private final List<String> stale = new ArrayList<>();

        private Node(String id, NodeType role) {
            this.id = id;
            this.role = role;
        }

        /** Unreachable: no figures, and why. */
        public Node down(String why) {
            health = Health.UNREACHABLE;
            healthDetail = why;
            summary = false;
            return this;
        }

        public Node health(Health h, String detail) {
            health = h;
            healthDetail = detail;
            return this;
        }

        /** Answers /health, but /metrics could not be read. */
        public Node metricsError(String error) {
            nodeError = error;
            summary = false;
            return this;
        }

        public Node noSummary() {
            summary = false;
            return this;
        }

        public Node state(String lifecycle) {
            state = lifecycle;
            return this;
        }

        public Node instanceType(String type) {
            instanceType = type;
            return this;
        }

        public Node group(String name) {
            group = name;
            return this;
        }

        public Node dataVersion(String versionId) {
            dataVersion = DataVersion.unknownAge(versionId);
            return this;
        }

        public Node uptime(long seconds) {
            uptimeSeconds = seconds;
            return this;
        }

        public Node volume(double sizeGb, double usedGb) {
            volume = new NodeSummary.VolumeUsage(sizeGb, usedGb, sizeGb - usedGb, usedGb / sizeGb, "/mnt/lbug-data");
            return this;
        }

        public Node simulatedVolume() {
            volume = new NodeSummary.VolumeUsage(volume.sizeGb(), volume.usedGb(), volume.freeGb(), volume.usage(),
                    volume.mountPoint(), true);
            return this;
        }

        public Node noVolume() {
            volume = null;
            return this;
        }

        /** Buffer pools of {@code open} databases taking {@code total} of the budget; over as the node says. */
        public Node bufferPool(long budget, long total, int open, Long processBytes) {
            bufferPool = new NodeSummary.BufferPool(budget, total, open, total > budget, processBytes);
            return this;
        }

        public Node noBufferPool() {
            bufferPool = null;
            return this;
        }

        public Node pool(int inUse, int idle, int max, long waits, long timeouts) {
            pool = new NodeSummary.PoolUsage(inUse, idle, max, 1, waits, timeouts);
            return this;
        }

        public Node noPool() {
            pool = null;
            return this;
        }

        public Node attachment(String repository, String phase, String version, String error) {
            attachments.add(new NodeSummary.Attachment(repository, phase, version, error));
            return this;
        }

        /** Sections the node marked stale ({@code system} holds the volume). */
        public Node stale(String... sections) {
            stale.addAll(List.of(sections));
            return this;
        }

        public FleetInstance build() {
            NodeSummary node = summary ? new NodeSummary(NOW, uptimeSeconds, volume, bufferPool, pool, Map.of(),
                    attachments, stale) : null;
            return new FleetInstance(id, role, URI.create("http://10.0.1.5:8001/" + id), state, health, healthDetail,
                    instanceType, group, dataVersion, node, nodeError);
        }
    }
}
