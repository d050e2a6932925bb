package dev.graphfleet.fleet.discovery;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.NodeType;
import dev.graphfleet.config.ReplicaGroupConfig;
import dev.graphfleet.fleet.DataVersion;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.ReplicaGroup;
import dev.graphfleet.fleet.TargetHealth;
import dev.graphfleet.fleet.nodes.NodeReport;
import dev.graphfleet.fleet.registry.RegisteredInstance;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds one {@link FleetSnapshot} from a {@link Discovery}: each running instance with its role,
 * group, data version (the snapshot its data volume came from, else the repositories its node
 * attached), health ({@link HealthJudge}) and node figures; each replica group with its scaling,
 * members, load-balancer health and snapshots; and warnings for what does not add up (registry rows
 * without an instance, instances the registry does not know, groups in config but not deployed).
 */
public final class FleetAssembler {

    private FleetAssembler() {
    }

    public static FleetSnapshot assemble(Discovery d) {
        List<String> warnings = new ArrayList<>(d.warnings());
        Map<String, DiscoveredGroup> groupOf = new HashMap<>();
        Map<String, DiscoveredGroup.Member> memberOf = new HashMap<>();
        for (DiscoveredGroup g : d.groups()) {
            for (DiscoveredGroup.Member m : g.members()) {
                groupOf.put(m.instanceId(), g);
                memberOf.put(m.instanceId(), m);
            }
        }
        List<FleetInstance> instances = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DiscoveredInstance i : d.instances()) {
            seen.add(i.id());
            instances.add(instance(d, i, groupOf.get(i.id()), memberOf.get(i.id())));
        }
        // Group members not running yet (Pending, or launched without tags) still belong to the picture.
        for (DiscoveredGroup g : d.groups()) {
            for (DiscoveredGroup.Member m : g.members()) {
                if (seen.add(m.instanceId())) {
                    instances.add(notRunning(m, g));
                }
            }
        }
        instances.sort(Comparator.comparing((FleetInstance i) -> i.role() == null ? 9 : i.role().ordinal())
                .thenComparing(i -> i.group() == null ? "" : i.group()).thenComparing(FleetInstance::id));

        Map<String, FleetInstance> byId = instances.stream()
                .collect(Collectors.toMap(FleetInstance::id, Function.identity(), (a, b) -> a));
        List<ReplicaGroup> groups = d.groups().stream().map(g -> group(d, g, byId)).toList();
        checkRegistry(d, warnings);
        checkConfigGroups(d, warnings);
        return new FleetSnapshot(d.environment(), d.takenAt(), d.source(), true, null, groups, instances, warnings);
    }

    private static FleetInstance instance(Discovery d, DiscoveredInstance i, DiscoveredGroup group,
                                          DiscoveredGroup.Member member) {
        NodeReport report = d.reports().get(i.id());
        TargetHealth target = group == null ? null : group.targetHealth().get(i.id());
        HealthJudge.Judgement judged = HealthJudge.judge(report, d.probed(), target,
                member == null ? null : member.healthStatus(), member == null ? null : member.lifecycleState());
        URI endpoint = report != null ? report.endpoint() : null;
        NodeType role = role(i.role());
        return new FleetInstance(i.id(), role, endpoint, member != null ? member.lifecycleState() : i.state(),
                judged.health(), judged.detail(), i.instanceType(), group == null ? null : group.name(),
                version(d, i, report), report == null ? null : report.summary(),
                report == null ? null : report.metricsError());
    }

    private static FleetInstance notRunning(DiscoveredGroup.Member m, DiscoveredGroup g) {
        HealthJudge.Judgement judged = HealthJudge.judge(null, false, g.targetHealth().get(m.instanceId()),
                m.healthStatus(), m.lifecycleState());
        return new FleetInstance(m.instanceId(), NodeType.SHARED_REPLICA, null, m.lifecycleState(), judged.health(),
                judged.detail(), m.instanceType(), g.name(), null, null, null);
    }

    /** The snapshot its data volume came from; else (a writer, an empty volume) its node's repositories. */
    private static DataVersion version(Discovery d, DiscoveredInstance i, NodeReport report) {
        String snapshot = i.dataVolumeId() == null ? null : d.volumeSnapshots().get(i.dataVolumeId());
        if (snapshot != null && !snapshot.isEmpty()) {
            return DataVersion.of(snapshot, d.snapshotTimes().get(snapshot), d.takenAt());
        }
        return report == null ? null : report.dataVersion();
    }

    private static ReplicaGroup group(Discovery d, DiscoveredGroup g, Map<String, FleetInstance> byId) {
        List<String> ids = g.members().stream().map(DiscoveredGroup.Member::instanceId).toList();
        Map<String, String> lifecycle = new LinkedHashMap<>();
        Map<String, String> versions = new LinkedHashMap<>();
        for (DiscoveredGroup.Member m : g.members()) {
            if (m.lifecycleState() != null) {
                lifecycle.put(m.instanceId(), m.lifecycleState());
            }
            FleetInstance instance = byId.get(m.instanceId());
            if (instance != null && instance.dataVersion() != null) {
                versions.put(m.instanceId(), instance.dataVersion().id());
            }
        }
        GraphfleetConfig config = d.config();
        ReplicaGroupConfig configured = config == null ? null : config.replicas().get(g.name());
        String tier = g.tier() != null ? g.tier() : configured == null ? null : configured.tier();
        String type = configured != null ? config.effectiveInstance(g.name()).type() : commonType(g);
        Map<String, TargetHealth> targetHealth = new LinkedHashMap<>(); // in the group's order
        ids.stream().filter(g.targetHealth()::containsKey).forEach(id -> targetHealth.put(id, g.targetHealth().get(id)));
        g.targetHealth().forEach(targetHealth::putIfAbsent); // targets that are not (or no longer) members
        return new ReplicaGroup(g.name(), g.autoScalingGroup(), tier, type, g.scaling(), ids, lifecycle,
                targetHealth, versions, g.launchTemplateVersion(), g.refresh());
    }

    private static String commonType(DiscoveredGroup g) {
        return g.members().stream().map(DiscoveredGroup.Member::instanceType).filter(t -> t != null)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static void checkRegistry(Discovery d, List<String> warnings) {
        if (d.registry() == null) {
            return;
        }
        Set<String> running = d.instances().stream().map(DiscoveredInstance::id).collect(Collectors.toSet());
        Set<String> registered = new HashSet<>();
        for (RegisteredInstance r : d.registry()) {
            if (d.environment() != null && r.environment() != null && !r.environment().equals(d.environment())) {
                continue;
            }
            registered.add(r.instanceId());
            if (r.claimsActive() && !running.contains(r.instanceId())) {
                warnings.add("the registry " + d.registryName() + " lists " + r.instanceId()
                        + (r.nodeType() == null ? "" : " (" + r.nodeType() + ")")
                        + (r.status() == null ? "" : " as " + r.status())
                        + ", but no running instance has that id: a stale registration");
            }
        }
        for (DiscoveredInstance i : d.instances()) {
            if (!registered.contains(i.id())) {
                warnings.add(i.id() + " (" + i.role() + ") is running but not in the registry " + d.registryName());
            }
        }
    }

    private static void checkConfigGroups(Discovery d, List<String> warnings) {
        if (d.config() == null) {
            return;
        }
        Set<String> found = d.groups().stream().map(DiscoveredGroup::name).collect(Collectors.toSet());
        for (String name : d.config().replicas().keySet()) {
            if (!found.contains(name)) {
                warnings.add("replica group " + name + " is in the config but no Auto Scaling group of "
                        + d.environment() + " is tagged ReplicaGroup=" + name);
            }
        }
        for (String name : found) {
            if (!d.config().replicas().containsKey(name)) {
                warnings.add("Auto Scaling group for replica group " + name + " is deployed but not in the config");
            }
        }
    }

    static NodeType role(String tag) {
        if (tag == null) {
            return null;
        }
        for (NodeType t : NodeType.values()) {
            if (t.wireName().equals(tag)) {
                return t;
            }
        }
        return null;
    }
}
