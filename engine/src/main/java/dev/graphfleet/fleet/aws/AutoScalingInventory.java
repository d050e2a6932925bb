package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.FleetTags;
import dev.graphfleet.fleet.GroupScaling;
import dev.graphfleet.fleet.InstanceRefresh;
import dev.graphfleet.fleet.TargetHealth;
import dev.graphfleet.fleet.discovery.DiscoveredGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeInstanceRefreshesRequest;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/** Auto Scaling: the replica groups of an environment (by tags) and their latest instance refresh. */
public final class AutoScalingInventory {

    private final AutoScalingClient autoScaling;

    public AutoScalingInventory(AutoScalingClient autoScaling) {
        this.autoScaling = Objects.requireNonNull(autoScaling, "autoScaling");
    }

    /** A group as found, with the target groups its instances register in (health is read separately). */
    public record Found(DiscoveredGroup group, List<String> targetGroupArns) {
    }

    /**
     * Groups tagged {@code Environment=environment} and {@code LadybugRole=shared_replica} (and
     * {@code Service=service} when given), without target health or refresh yet. All pages.
     */
    public List<Found> replicaGroups(String environment, String service) {
        List<Filter> filters = new ArrayList<>();
        filters.add(filter("tag:" + FleetTags.ENVIRONMENT, environment));
        filters.add(filter("tag:" + FleetTags.ROLE, "shared_replica"));
        if (service != null) {
            filters.add(filter("tag:" + FleetTags.SERVICE, service));
        }
        List<Found> found = new ArrayList<>();
        autoScaling.describeAutoScalingGroupsPaginator(DescribeAutoScalingGroupsRequest.builder().filters(filters).build())
                .autoScalingGroups().forEach(g -> found.add(new Found(group(g), g.targetGroupARNs())));
        return found;
    }

    /** The latest instance refresh of {@code groupName}, if it has had one. */
    public Optional<InstanceRefresh> latestRefresh(String groupName) {
        return autoScaling.describeInstanceRefreshes(DescribeInstanceRefreshesRequest.builder()
                        .autoScalingGroupName(groupName).maxRecords(1).build())
                .instanceRefreshes().stream().findFirst()
                .map(r -> new InstanceRefresh(r.instanceRefreshId(), r.statusAsString(), r.percentageComplete(),
                        r.startTime(), r.endTime(), r.statusReason()));
    }

    static DiscoveredGroup group(AutoScalingGroup g) {
        String name = tag(g.tags(), FleetTags.REPLICA_GROUP).orElse(g.autoScalingGroupName());
        List<DiscoveredGroup.Member> members = g.instances().stream()
                .map(i -> new DiscoveredGroup.Member(i.instanceId(), i.lifecycleStateAsString(), i.healthStatus(),
                        i.instanceType()))
                .toList();
        return new DiscoveredGroup(name, g.autoScalingGroupName(), tag(g.tags(), FleetTags.TIER).orElse(null),
                new GroupScaling(g.minSize(), g.desiredCapacity(), g.maxSize()), members, Map.<String, TargetHealth>of(),
                launchTemplateVersion(g), null);
    }

    private static String launchTemplateVersion(AutoScalingGroup g) {
        LaunchTemplateSpecification spec = g.launchTemplate();
        if (spec == null && g.mixedInstancesPolicy() != null && g.mixedInstancesPolicy().launchTemplate() != null) {
            spec = g.mixedInstancesPolicy().launchTemplate().launchTemplateSpecification();
        }
        return spec == null ? null : spec.version() == null ? "$Default" : spec.version();
    }

    private static Optional<String> tag(List<TagDescription> tags, String key) {
        return tags.stream().filter(t -> key.equals(t.key())).map(TagDescription::value).findFirst();
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }
}
