package dev.graphfleet.bench.console;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.MemoryCheck;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.console.service.RefreshStatus;
import dev.graphfleet.fleet.DataVersion;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.GroupScaling;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import dev.graphfleet.fleet.ReplicaGroup;
import dev.graphfleet.fleet.TargetHealth;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet of {@code size}
 * instances as one refresh delivers it (20 % writers, 4 % masters, the rest replicas in groups of
 * about 38, every node with metrics and details), and how it drifts from refresh to refresh: uptimes
 * tick, volumes fill, a few instances change health. Built in memory: the benchmark measures the
 * FX thread, not HTTP.
 */
final class ScaledFleet {

    private static final long GIB = 1024L * 1024 * 1024;
    private final int writers;
    private final int masters;
    private final int replicas;
    private final int groupCount;

    ScaledFleet(int size) {
        writers = size / 5;
        masters = Math.max(1, size / 25);
        replicas = size - writers - masters;
        groupCount = Math.max(1, replicas / 38);
    }

    ConsoleState refresh(int n) {
        Instant now = Instant.parse("2026-11-21T12:00:00Z").plusSeconds(n);
        List<FleetInstance> instances = new ArrayList<>();
        Map<String, NodeDetail> details = new HashMap<>();
        Map<String, MemoryCheck.MemoryVerdict> memory = new HashMap<>();
        for (int i = 0; i < writers + masters + replicas; i++) {
            NodeType role = i < writers ? NodeType.WRITER : i < writers + masters ? NodeType.SHARED_MASTER
                    : NodeType.SHARED_REPLICA;
            String id = "i-" + String.format("%017x", 0xabc000L + i);
            String group = role == NodeType.SHARED_REPLICA ? "replicas-" + (i % groupCount) : null;
            // 10 instances (2 %) are down; each refresh one of them comes back and another goes down
            Health health = (i + n) % 50 == 0 ? Health.UNREACHABLE : Health.HEALTHY;
            NodeSummary summary = health == Health.UNREACHABLE ? null : new NodeSummary(now, 3600L + n + i,
                    new NodeSummary.VolumeUsage(500, 200 + (i + n) % 250, 300 - (i + n) % 250,
                            (200 + (i + n) % 250) / 500.0, "/mnt/lbug-data"),
                    new NodeSummary.BufferPool(12 * GIB, 6 * GIB, 3, false, 2 * GIB + (long) n * 1024 * 1024),
                    new NodeSummary.PoolUsage(i % 7, 3, 30, 3, n % 5, 0), Map.of(), List.of(), List.of());
            instances.add(new FleetInstance(id, role, URI.create("http://10.0." + i / 250 + "." + i % 250 + ":8001"),
                    "running", health, health == Health.HEALTHY ? null : "no answer within 3000 ms",
                    role == NodeType.WRITER ? "r7g.large" : "m7g.xlarge", group,
                    DataVersion.unknownAge("snap-0" + (i % 3)), summary, null));
            if (summary != null) {
                details.put(id, new NodeDetail(16 * GIB, Map.of("a", 2 * GIB, "b", 2 * GIB, "c", 2 * GIB),
                        List.of(new NodeDetail.DatabasePool("a", i % 7, 3, 10, true),
                                new NodeDetail.DatabasePool("b", 1, 2, 10, true),
                                new NodeDetail.DatabasePool("c", 0, 3, 10, true)),
                        n % 5, 0, 0,
                        role == NodeType.WRITER ? List.of() : List.of(
                                new NodeDetail.Attachment("sec", "attached", null, 4 * GIB, 4 * GIB, 1, null, now),
                                new NodeDetail.Attachment("industry", "downloading", null,
                                        Math.min(2 * GIB, (long) n * 64 * 1024 * 1024), 2 * GIB, 1, null, now)),
                        null));
                memory.put(id, new MemoryCheck.MemoryVerdict(false, List.of()));
            }
        }
        List<ReplicaGroup> groups = new ArrayList<>();
        for (int g = 0; g < groupCount; g++) {
            String name = "replicas-" + g;
            List<String> ids = instances.stream().filter(i -> name.equals(i.group())).map(FleetInstance::id).toList();
            Map<String, TargetHealth> targets = new HashMap<>();
            instances.stream().filter(i -> name.equals(i.group())).forEach(i -> targets.put(i.id(),
                    TargetHealth.of(i.isHealthy() ? TargetHealth.State.HEALTHY : TargetHealth.State.UNHEALTHY)));
            groups.add(new ReplicaGroup(name, "asg-" + name, "ladybug-shared", "m7g.xlarge",
                    new GroupScaling(2, ids.size(), 50), ids, Map.of(), targets, Map.of(), "$Latest", null));
        }
        FleetSnapshot fleet = new FleetSnapshot("prod", now, "aws(prod, us-east-1)", true, null, groups, instances,
                List.of());
        return new ConsoleState(fleet, details, memory, new RefreshStatus(now, Duration.ofMillis(180), 0,
                Duration.ofSeconds(1)));
    }
}
