package dev.graphfleet.fleet.discovery;

import dev.graphfleet.fleet.GroupScaling;
import dev.graphfleet.fleet.InstanceRefresh;
import dev.graphfleet.fleet.OrderedMaps;
import dev.graphfleet.fleet.TargetHealth;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An Auto Scaling group of shared replicas, as found.
 *
 * @param name                  the {@code ReplicaGroup} tag, else the ASG's name
 * @param tier                  the {@code Tier} tag, or null
 * @param members               its instances with their lifecycle ({@code InService}, {@code Pending}, …)
 *                              and Auto Scaling health ({@code Healthy}, {@code Unhealthy})
 * @param targetHealth          instance id → the load balancer's view (all its target groups merged, the
 *                              worst state kept); empty without a target group
 * @param launchTemplateVersion {@code $Latest}, {@code $Default}, a number, or null
 * @param refresh               the latest instance refresh, or null
 */
public record DiscoveredGroup(String name, String autoScalingGroup, String tier, GroupScaling scaling,
                              List<Member> members, Map<String, TargetHealth> targetHealth,
                              String launchTemplateVersion, InstanceRefresh refresh) {

    public record Member(String instanceId, String lifecycleState, String healthStatus, String instanceType) {
    }

    public DiscoveredGroup {
        Objects.requireNonNull(name, "name");
        members = members == null ? List.of() : List.copyOf(members);
        targetHealth = OrderedMaps.copyOf(targetHealth);
    }
}
