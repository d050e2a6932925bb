package dev.graphfleet.testing;

import java.util.Map;
import java.util.stream.Collectors;

/** Answers shaped like the real services' (element names and nesting from the API references). */
public final class AwsXml {

    public static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    public static final String ASG_NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";
    public static final String ELB_NS = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    private AwsXml() {
    }

    private static String tagSet(Map<String, String> tags) {
        return "<tagSet>" + tags.entrySet().stream().map(e -> "<item><key>" + e.getKey() + "</key><value>"
                + e.getValue() + "</value></item>").collect(Collectors.joining()) + "</tagSet>";
    }

    public static String instance(String id, String role, String type, String ip, String dataVolume, Map<String, String> tags) {
        Map<String, String> all = new java.util.LinkedHashMap<>(tags);
        all.put("LadybugRole", role);
        return """
                <item>
                  <instanceId>%s</instanceId>
                  <imageId>ami-0abcdef1234567890</imageId>
                  <instanceState><code>16</code><name>running</name></instanceState>
                  <privateDnsName>ip-%s.ec2.internal</privateDnsName>
                  <dnsName/>
                  <instanceType>%s</instanceType>
                  <launchTime>2026-11-01T06:00:00.000Z</launchTime>
                  <placement><availabilityZone>us-east-1a</availabilityZone><tenancy>default</tenancy></placement>
                  <privateIpAddress>%s</privateIpAddress>
                  <architecture>arm64</architecture>
                  <rootDeviceType>ebs</rootDeviceType>
                  <rootDeviceName>/dev/xvda</rootDeviceName>
                  <blockDeviceMapping>
                    <item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-root-%s</volumeId><status>attached</status>
                      <attachTime>2026-11-01T06:00:01.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></ebs></item>
                    %s
                  </blockDeviceMapping>
                  %s
                </item>""".formatted(id, ip.replace('.', '-'), type, ip, id,
                dataVolume == null ? "" : "<item><deviceName>/dev/xvdf</deviceName><ebs><volumeId>" + dataVolume
                        + "</volumeId><status>attached</status><attachTime>2026-11-01T06:00:02.000Z</attachTime>"
                        + "<deleteOnTermination>true</deleteOnTermination></ebs></item>",
                tagSet(all));
    }

    public static String describeInstances(String nextToken, String... instances) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <DescribeInstancesResponse xmlns="%s">
                  <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
                  <reservationSet>
                    <item>
                      <reservationId>r-0123456789abcdef0</reservationId>
                      <ownerId>123456789012</ownerId>
                      <groupSet/>
                      <instancesSet>%s</instancesSet>
                    </item>
                  </reservationSet>
                  %s
                </DescribeInstancesResponse>""".formatted(EC2_NS, String.join("\n", instances),
                nextToken == null ? "" : "<nextToken>" + nextToken + "</nextToken>");
    }

    public static String describeVolumes(Map<String, String> volumeSnapshot) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <DescribeVolumesResponse xmlns="%s">
                  <requestId>5a1f2c3d-0000-4e5f-8a9b-example</requestId>
                  <volumeSet>%s</volumeSet>
                </DescribeVolumesResponse>""".formatted(EC2_NS, volumeSnapshot.entrySet().stream()
                .map(e -> "<item><volumeId>" + e.getKey() + "</volumeId><size>500</size><snapshotId>" + e.getValue()
                        + "</snapshotId><availabilityZone>us-east-1a</availabilityZone><status>in-use</status>"
                        + "<createTime>2026-11-01T06:00:00.000Z</createTime><encrypted>true</encrypted>"
                        + "<volumeType>gp3</volumeType><iops>3000</iops><throughput>250</throughput></item>")
                .collect(Collectors.joining()));
    }

    public static String snapshot(String id, String volume, String state, boolean encrypted, String startTime,
                           Map<String, String> tags) {
        return """
                <item>
                  <snapshotId>%s</snapshotId>
                  <volumeId>%s</volumeId>
                  <status>%s</status>
                  <startTime>%s</startTime>
                  <progress>%s</progress>
                  <ownerId>123456789012</ownerId>
                  <volumeSize>500</volumeSize>
                  <description>Shared repository snapshot</description>
                  <encrypted>%s</encrypted>
                  <storageTier>standard</storageTier>
                  %s
                </item>""".formatted(id, volume, state, startTime, state.equals("pending") ? "42%" : "100%",
                encrypted, tagSet(tags));
    }

    public static String describeSnapshots(String nextToken, String... snapshots) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <DescribeSnapshotsResponse xmlns="%s">
                  <requestId>6b2e3d4f-0000-4a5b-9c8d-example</requestId>
                  <snapshotSet>%s</snapshotSet>
                  %s
                </DescribeSnapshotsResponse>""".formatted(EC2_NS, String.join("\n", snapshots),
                nextToken == null ? "" : "<nextToken>" + nextToken + "</nextToken>");
    }

    public static String asgMember(String id, String lifecycle, String health, String type) {
        return """
                <member>
                  <InstanceId>%s</InstanceId>
                  <InstanceType>%s</InstanceType>
                  <AvailabilityZone>us-east-1a</AvailabilityZone>
                  <LifecycleState>%s</LifecycleState>
                  <HealthStatus>%s</HealthStatus>
                  <LaunchTemplate><LaunchTemplateId>lt-0abc</LaunchTemplateId><LaunchTemplateName>graphfleet-shared-replicas-prod</LaunchTemplateName><Version>7</Version></LaunchTemplate>
                  <ProtectedFromScaleIn>false</ProtectedFromScaleIn>
                </member>""".formatted(id, type, lifecycle, health);
    }

    public static String asg(String name, String replicaGroup, int min, int desired, int max, String templateVersion,
                      String targetGroupArn, String... members) {
        Map<String, String> tagMap = new java.util.LinkedHashMap<>();
        tagMap.put("Environment", "prod");
        tagMap.put("LadybugRole", "shared_replica");
        if (replicaGroup != null) {
            tagMap.put("ReplicaGroup", replicaGroup);
            tagMap.put("Tier", "ladybug-shared");
        }
        String tags = tagMap.entrySet().stream()
                .map(e -> "<member><ResourceId>" + name + "</ResourceId><ResourceType>auto-scaling-group</ResourceType>"
                        + "<Key>" + e.getKey() + "</Key><Value>" + e.getValue() + "</Value>"
                        + "<PropagateAtLaunch>true</PropagateAtLaunch></member>")
                .collect(Collectors.joining());
        return """
                <member>
                  <AutoScalingGroupName>%s</AutoScalingGroupName>
                  <AutoScalingGroupARN>arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:1a2b:autoScalingGroupName/%s</AutoScalingGroupARN>
                  <LaunchTemplate><LaunchTemplateId>lt-0abc</LaunchTemplateId><LaunchTemplateName>graphfleet-shared-replicas-prod</LaunchTemplateName><Version>%s</Version></LaunchTemplate>
                  <MinSize>%d</MinSize>
                  <MaxSize>%d</MaxSize>
                  <DesiredCapacity>%d</DesiredCapacity>
                  <DefaultCooldown>300</DefaultCooldown>
                  <AvailabilityZones><member>us-east-1a</member></AvailabilityZones>
                  <LoadBalancerNames/>
                  <TargetGroupARNs>%s</TargetGroupARNs>
                  <HealthCheckType>ELB</HealthCheckType>
                  <HealthCheckGracePeriod>300</HealthCheckGracePeriod>
                  <Instances>%s</Instances>
                  <CreatedTime>2026-01-23T17:44:00Z</CreatedTime>
                  <SuspendedProcesses/>
                  <VPCZoneIdentifier>subnet-0abc</VPCZoneIdentifier>
                  <EnabledMetrics/>
                  <Tags>%s</Tags>
                  <TerminationPolicies><member>Default</member></TerminationPolicies>
                  <NewInstancesProtectedFromScaleIn>false</NewInstancesProtectedFromScaleIn>
                  <ServiceLinkedRoleARN>arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling</ServiceLinkedRoleARN>
                </member>""".formatted(name, name, templateVersion, min, max, desired,
                targetGroupArn == null ? "" : "<member>" + targetGroupArn + "</member>", String.join("\n", members),
                tags);
    }

    public static String describeAutoScalingGroups(String nextToken, String... groups) {
        return """
                <DescribeAutoScalingGroupsResponse xmlns="%s">
                  <DescribeAutoScalingGroupsResult>
                    <AutoScalingGroups>%s</AutoScalingGroups>
                    %s
                  </DescribeAutoScalingGroupsResult>
                  <ResponseMetadata><RequestId>4c1d2e3f-0000-4b5c-8d9e-example</RequestId></ResponseMetadata>
                </DescribeAutoScalingGroupsResponse>""".formatted(ASG_NS, String.join("\n", groups),
                nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>");
    }

    public static String describeInstanceRefreshes(String id, String status, int percent, String reason) {
        return """
                <DescribeInstanceRefreshesResponse xmlns="%s">
                  <DescribeInstanceRefreshesResult>
                    <InstanceRefreshes>
                      <member>
                        <InstanceRefreshId>%s</InstanceRefreshId>
                        <AutoScalingGroupName>graphfleet-prod-shared-replicas</AutoScalingGroupName>
                        <Status>%s</Status>
                        <StatusReason>%s</StatusReason>
                        <StartTime>2026-11-22T06:00:00Z</StartTime>
                        <PercentageComplete>%d</PercentageComplete>
                        <InstancesToUpdate>1</InstancesToUpdate>
                        <Preferences><MinHealthyPercentage>50</MinHealthyPercentage><InstanceWarmup>300</InstanceWarmup></Preferences>
                      </member>
                    </InstanceRefreshes>
                  </DescribeInstanceRefreshesResult>
                  <ResponseMetadata><RequestId>7e8f9a0b-0000-4c1d-8e2f-example</RequestId></ResponseMetadata>
                </DescribeInstanceRefreshesResponse>""".formatted(ASG_NS, id, status, reason, percent);
    }

    public static String noInstanceRefreshes() {
        return """
                <DescribeInstanceRefreshesResponse xmlns="%s">
                  <DescribeInstanceRefreshesResult><InstanceRefreshes/></DescribeInstanceRefreshesResult>
                  <ResponseMetadata><RequestId>7e8f9a0b-0000-4c1d-8e2f-example</RequestId></ResponseMetadata>
                </DescribeInstanceRefreshesResponse>""".formatted(ASG_NS);
    }

    /** {@code target(id, state, reason, description)} entries. */
    public static String target(String id, String state, String reason, String description) {
        return """
                <member>
                  <HealthCheckPort>8001</HealthCheckPort>
                  <TargetHealth><State>%s</State>%s%s</TargetHealth>
                  <Target><Port>8001</Port><Id>%s</Id></Target>
                </member>""".formatted(state, reason == null ? "" : "<Reason>" + reason + "</Reason>",
                description == null ? "" : "<Description>" + description + "</Description>", id);
    }

    public static String describeTargetHealth(String... targets) {
        return """
                <DescribeTargetHealthResponse xmlns="%s">
                  <DescribeTargetHealthResult>
                    <TargetHealthDescriptions>%s</TargetHealthDescriptions>
                  </DescribeTargetHealthResult>
                  <ResponseMetadata><RequestId>9a0b1c2d-0000-4e3f-8a4b-example</RequestId></ResponseMetadata>
                </DescribeTargetHealthResponse>""".formatted(ELB_NS, String.join("\n", targets));
    }
}
