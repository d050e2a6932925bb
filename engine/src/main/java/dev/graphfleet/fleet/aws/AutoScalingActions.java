package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.InstanceRefresh;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsRequest;
import software.amazon.awssdk.services.autoscaling.model.DescribeInstanceRefreshesRequest;
import software.amazon.awssdk.services.autoscaling.model.LaunchTemplateSpecification;
import software.amazon.awssdk.services.autoscaling.model.RefreshPreferences;
import software.amazon.awssdk.services.autoscaling.model.RefreshStrategy;
import software.amazon.awssdk.services.autoscaling.model.StartInstanceRefreshRequest;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.autoscaling.model.UpdateAutoScalingGroupRequest;

/** Auto Scaling, acting on one replica group: its launch template, pointing it at a version, instance refreshes. */
public final class AutoScalingActions {

    /**
     * What a group launches.
     *
     * @param templateVersion {@code $Latest}, {@code $Default} or a number, as the group names it
     * @param instanceIds     its instances now
     */
    public record GroupLaunch(String name, String templateId, String templateVersion, int desired,
                              List<String> instanceIds, Map<String, String> tags) {
    }

    private final AutoScalingClient autoScaling;

    public AutoScalingActions(AutoScalingClient autoScaling) {
        this.autoScaling = Objects.requireNonNull(autoScaling, "autoScaling");
    }

    public GroupLaunch launch(String groupName) {
        AutoScalingGroup g = autoScaling.describeAutoScalingGroups(DescribeAutoScalingGroupsRequest.builder()
                        .autoScalingGroupNames(groupName).build()).autoScalingGroups().stream().findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Auto Scaling group " + groupName));
        LaunchTemplateSpecification spec = g.launchTemplate();
        if (spec == null) {
            throw new IllegalStateException("Auto Scaling group " + groupName + " does not launch from a launch template"
                    + " (a mixed instances policy or a launch configuration); point it at one first");
        }
        return new GroupLaunch(g.autoScalingGroupName(), spec.launchTemplateId(),
                spec.version() == null ? "$Default" : spec.version(), g.desiredCapacity(),
                g.instances().stream().map(i -> i.instanceId()).toList(),
                g.tags().stream().collect(Collectors.toMap(TagDescription::key, t -> t.value() == null ? "" : t.value(),
                        (a, b) -> a)));
    }

    /** Points the group at a numbered template version (never only the template's default). */
    public void pointAt(String groupName, String templateId, long version) {
        autoScaling.updateAutoScalingGroup(UpdateAutoScalingGroupRequest.builder().autoScalingGroupName(groupName)
                .launchTemplate(LaunchTemplateSpecification.builder().launchTemplateId(templateId)
                        .version(Long.toString(version)).build()).build());
    }

    /** Points the group at a template version as the group named it ({@code $Default} or a number): an undo. */
    public void pointAt(String groupName, String templateId, String version) {
        autoScaling.updateAutoScalingGroup(UpdateAutoScalingGroupRequest.builder().autoScalingGroupName(groupName)
                .launchTemplate(LaunchTemplateSpecification.builder().launchTemplateId(templateId)
                        .version(version).build()).build());
    }

    /** Starts a rolling instance refresh; its id. */
    public String startRefresh(String groupName, int minHealthyPercentage, int maxHealthyPercentage,
                               int warmupSeconds) {
        return autoScaling.startInstanceRefresh(StartInstanceRefreshRequest.builder().autoScalingGroupName(groupName)
                .strategy(RefreshStrategy.ROLLING)
                .preferences(RefreshPreferences.builder().minHealthyPercentage(minHealthyPercentage)
                        .maxHealthyPercentage(maxHealthyPercentage).instanceWarmup(warmupSeconds).skipMatching(false)
                        .build())
                .build()).instanceRefreshId();
    }

    public InstanceRefresh refresh(String groupName, String refreshId) {
        return autoScaling.describeInstanceRefreshes(DescribeInstanceRefreshesRequest.builder()
                        .autoScalingGroupName(groupName).instanceRefreshIds(refreshId).build())
                .instanceRefreshes().stream().findFirst()
                .map(r -> new InstanceRefresh(r.instanceRefreshId(), r.statusAsString(), r.percentageComplete(),
                        r.startTime(), r.endTime(), r.statusReason()))
                .orElseThrow(() -> new IllegalStateException("instance refresh " + refreshId + " of " + groupName
                        + " is not listed"));
    }
}
