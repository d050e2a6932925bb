package dev.graphfleet.fleet;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A replica group as deployed: an Auto Scaling group of read-only shared replicas behind a load
 * balancer, booted from snapshots.
 *
 * @param name                  the group's name ({@code replicas.<name>} in config; the ASG's
 *                              {@code ReplicaGroup} tag, else its name)
 * @param autoScalingGroup      the ASG's name, or null when the group is not an ASG
 * @param tier                  the tier it replicates, or null when unknown
 * @param instanceType          e.g. {@code m7g.large}, or null
 * @param scaling               min / desired / max as deployed, or null when unknown
 * @param instanceIds           its instances, in the source's order
 * @param lifecycle             instance id → Auto Scaling lifecycle state ({@code InService}, {@code Pending}, …)
 * @param targetHealth          instance id → the load balancer's view; empty when there is no target group
 * @param versions              instance id → the snapshot (or repository versions) it runs; absent when unknown
 * @param launchTemplateVersion the launch template version the group launches ({@code $Latest},
 *                              {@code $Default} or a number), or null
 * @param refresh               the latest instance refresh, or null when there has been none
 */
public record ReplicaGroup(String name, String autoScalingGroup, String tier, String instanceType,
                           GroupScaling scaling, List<String> instanceIds, Map<String, String> lifecycle,
                           Map<String, TargetHealth> targetHealth, Map<String, String> versions,
                           String launchTemplateVersion, InstanceRefresh refresh) {

    public ReplicaGroup {
        Objects.requireNonNull(name, "name");
        instanceIds = instanceIds == null ? List.of() : List.copyOf(instanceIds);
        lifecycle = OrderedMaps.copyOf(lifecycle);
        targetHealth = OrderedMaps.copyOf(targetHealth);
        versions = OrderedMaps.copyOf(versions);
    }

    /** Instances the load balancer routes to now. */
    public long servingCount() {
        return targetHealth.values().stream().filter(t -> t.state() == TargetHealth.State.HEALTHY).count();
    }
}
