package dev.graphfleet.testing;

import static dev.graphfleet.testing.AwsXml.ASG_NS;
import static dev.graphfleet.testing.AwsXml.EC2_NS;

import dev.graphfleet.testing.QueryProtocolServer.Answer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An AWS account with one replica group, kept as state behind a {@link QueryProtocolServer}: shared
 * master {@code i-m1} (volume {@code vol-m1}, tagged GraphId=sec) and replicas {@code i-r1}, {@code i-r2}
 * in ASG {@value #ASG} (ReplicaGroup {@code shared-replicas}) launching template {@code lt-0abc} version
 * 7, whose data volume is {@code snap-3}; snapshots {@code snap-1..3} of sec in prod. Snapshots appear
 * (a new one is {@code snap-4}, pending on its first read) and complete, the group's template version
 * changes only when the group is updated, and a finished instance refresh replaces the replicas with
 * {@code i-r3}, {@code i-r4} whose volumes come from whatever snapshot the group really launches.
 */
public final class FakeReplicaAws {

    /** The fleet config this account is the cloud of: environment prod, replica group shared-replicas of sec. */
    public static final String FLEET_CONFIG = """
            environment: prod
            tiers:
              ladybug-shared:
                shared_repositories: [sec]
                instance: {type: r7g.xlarge, max_memory_mb: 30720, memory_per_db_mb: 30720}
            replicas:
              shared-replicas:
                tier: ladybug-shared
                instance: {type: m7g.large, max_memory_mb: 5120, memory_per_db_mb: 4096}
                snapshot: {graph_id: sec, keep: 3}
            registry: {instance_table: graphfleet-prod-instance-registry,
                       volume_table: graphfleet-prod-volume-registry}
            """;

    public static final String ASG = "graphfleet-prod-shared-replicas";
    public static final String TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/replicas/0123456789abcdef";

    public final Map<String, String[]> snapshots = new LinkedHashMap<>(); // id -> {state, start, encrypted}
    public final Map<String, String> volumes = new LinkedHashMap<>();      // volume -> snapshot
    public final Map<String, Boolean> encrypted = new LinkedHashMap<>();
    public final Map<Long, String> templateVersions = new LinkedHashMap<>(); // version -> data snapshot
    public final List<String> replicas = new CopyOnWriteArrayList<>(List.of("i-r1", "i-r2"));
    public volatile String groupVersion = "7";
    /** The shared master's tags besides Environment and its role. */
    public volatile Map<String, String> masterTags = Map.of("GraphId", "sec");
    public volatile boolean updateIgnored;
    /** UpdateAutoScalingGroup calls answered before every further one fails (an undo that cannot be made). */
    public volatile int updatesBeforeFailure = Integer.MAX_VALUE;
    /** {code, message}: StartInstanceRefresh is refused with this error (e.g. a refresh already in progress). */
    public volatile String[] startRefreshError;
    /** How a started refresh ends: "Successful" (replacing the replicas) or e.g. "Failed", "Cancelled" (replacing none). */
    public volatile String refreshEndsAs = "Successful";
    private volatile int updates;
    /** Snapshots complete and refreshes succeed on their first read (for callers that really wait between reads). */
    public volatile boolean immediate;
    private volatile int refreshReads;
    private volatile boolean refreshStarted;
    private volatile int refreshes;
    private volatile int appliedRefreshes;
    private volatile int nextInstance = 3;
    private volatile int snapshotReads;
    private final QueryProtocolServer aws;

    public FakeReplicaAws(QueryProtocolServer aws) {
        this.aws = aws;
        snapshots.put("snap-1", new String[] {"completed", "2026-11-01T06:00:00.000Z", "true"});
        snapshots.put("snap-2", new String[] {"completed", "2026-11-08T06:00:00.000Z", "true"});
        snapshots.put("snap-3", new String[] {"completed", "2026-11-15T06:00:00.000Z", "true"});
        volumes.put("vol-m1", "");
        volumes.put("vol-r1", "snap-3");
        volumes.put("vol-r2", "snap-3");
        encrypted.put("vol-m1", true);
        templateVersions.put(7L, "snap-3");
        script();
    }

    /** The calls of one action, in order. */
    public List<QueryProtocolServer.Call> calls(String action) {
        return aws.calls.stream().filter(c -> c.action().equals(action)).toList();
    }

    private void script() {
        aws.on("DescribeInstances", call -> {
            List<String> items = new ArrayList<>();
            items.add(AwsXml.instance("i-m1", "shared_master", "r7g.xlarge", "10.0.1.5", "vol-m1", masterTags));
            for (String id : replicas) {
                items.add(AwsXml.instance(id, "shared_replica", "m7g.large", "10.0.2." + id.substring(3), "vol-" + id.substring(2),
                        Map.of()));
            }
            return Answer.ok(AwsXml.describeInstances(null, items.toArray(String[]::new)));
        });
        aws.on("DescribeVolumes", call -> {
            List<String> wanted = new ArrayList<>(call.list("VolumeId"));
            wanted.addAll(call.list("Filter.1.Value"));
            String items = volumes.entrySet().stream().filter(e -> wanted.isEmpty() || wanted.contains(e.getKey()))
                    .map(e -> "<item><volumeId>" + e.getKey() + "</volumeId><size>500</size><snapshotId>" + e.getValue()
                            + "</snapshotId><availabilityZone>us-east-1a</availabilityZone><status>in-use</status>"
                            + "<encrypted>" + encrypted.getOrDefault(e.getKey(), true) + "</encrypted><volumeType>gp3</volumeType></item>")
                    .collect(Collectors.joining());
            return Answer.ok("<DescribeVolumesResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId><volumeSet>"
                    + items + "</volumeSet></DescribeVolumesResponse>");
        });
        aws.on("DescribeSnapshots", call -> {
            List<String> ids = call.list("SnapshotId");
            if (!ids.isEmpty() && ids.contains("snap-4") && snapshotReads++ == 0 && !immediate) {
                snapshots.put("snap-4", new String[] {"pending", "2026-11-22T12:00:00.000Z", "true"});
            } else if (snapshots.containsKey("snap-4")) {
                snapshots.get("snap-4")[0] = "completed";
            }
            return Answer.ok(AwsXml.describeSnapshots(null, snapshots.entrySet().stream()
                    .filter(e -> ids.isEmpty() || ids.contains(e.getKey()))
                    .map(e -> AwsXml.snapshot(e.getKey(), "vol-m1", e.getValue()[0], Boolean.parseBoolean(e.getValue()[2]),
                            e.getValue()[1], Map.of("GraphId", "sec", "Environment", "prod")))
                    .toArray(String[]::new)));
        });
        aws.on("CreateSnapshot", call -> {
            snapshots.put("snap-4", new String[] {"pending", "2026-11-22T12:00:00.000Z", "true"});
            return Answer.ok("<CreateSnapshotResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId>"
                    + "<snapshotId>snap-4</snapshotId><volumeId>" + call.params().get("VolumeId") + "</volumeId>"
                    + "<status>pending</status><startTime>2026-11-22T12:00:00.000Z</startTime><progress>0%</progress>"
                    + "<ownerId>123456789012</ownerId><volumeSize>500</volumeSize><encrypted>true</encrypted>"
                    + "</CreateSnapshotResponse>");
        });
        aws.on("DeleteSnapshot", call -> {
            snapshots.remove(call.params().get("SnapshotId"));
            return Answer.ok("<DeleteSnapshotResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId><return>true</return>"
                    + "</DeleteSnapshotResponse>");
        });
        aws.on("DescribeLaunchTemplates", call -> Answer.ok("<DescribeLaunchTemplatesResponse xmlns=\"" + EC2_NS
                + "\"><requestId>r</requestId><launchTemplates><item><launchTemplateId>lt-0abc</launchTemplateId>"
                + "<launchTemplateName>graphfleet-shared-replicas-prod</launchTemplateName><defaultVersionNumber>7"
                + "</defaultVersionNumber><latestVersionNumber>" + templateVersions.keySet().stream().max(Long::compare).orElseThrow()
                + "</latestVersionNumber></item></launchTemplates></DescribeLaunchTemplatesResponse>"));
        aws.on("DescribeLaunchTemplateVersions", call -> {
            long version = Long.parseLong(call.list("LaunchTemplateVersion").get(0));
            return Answer.ok("<DescribeLaunchTemplateVersionsResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId>"
                    + "<launchTemplateVersionSet><item><launchTemplateId>lt-0abc</launchTemplateId><versionNumber>"
                    + version + "</versionNumber><launchTemplateData><blockDeviceMappingSet>"
                    + "<item><deviceName>/dev/xvda</deviceName><ebs><volumeSize>30</volumeSize><volumeType>gp3</volumeType>"
                    + "<encrypted>true</encrypted></ebs></item>"
                    + "<item><deviceName>/dev/xvdf</deviceName><ebs><snapshotId>" + templateVersions.get(version)
                    + "</snapshotId><volumeSize>500</volumeSize><volumeType>gp3</volumeType><iops>3000</iops>"
                    + "<throughput>250</throughput><encrypted>true</encrypted><deleteOnTermination>true</deleteOnTermination>"
                    + "</ebs></item></blockDeviceMappingSet></launchTemplateData></item></launchTemplateVersionSet>"
                    + "</DescribeLaunchTemplateVersionsResponse>");
        });
        aws.on("CreateLaunchTemplateVersion", call -> {
            long next = templateVersions.keySet().stream().max(Long::compare).orElseThrow() + 1;
            String snapshot = call.params().entrySet().stream().filter(e -> e.getKey().endsWith("Ebs.SnapshotId"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            templateVersions.put(next, snapshot);
            return Answer.ok("<CreateLaunchTemplateVersionResponse xmlns=\"" + EC2_NS + "\"><requestId>r</requestId>"
                    + "<launchTemplateVersion><launchTemplateId>lt-0abc</launchTemplateId><versionNumber>" + next
                    + "</versionNumber></launchTemplateVersion></CreateLaunchTemplateVersionResponse>");
        });
        aws.on("DescribeAutoScalingGroups", call -> Answer.ok(AwsXml.describeAutoScalingGroups(null,
                AwsXml.asg(ASG, "shared-replicas", 2, 2, 10, groupVersion, TG, replicas.stream()
                        .map(id -> AwsXml.asgMember(id, "InService", "Healthy", "m7g.large")).toArray(String[]::new)))));
        aws.on("UpdateAutoScalingGroup", call -> {
            if (updates++ >= updatesBeforeFailure) {
                return QueryProtocolServer.queryError(400, ASG_NS, "ValidationError",
                        "The launch template version is being changed by another operation");
            }
            if (!updateIgnored) {
                groupVersion = call.params().get("LaunchTemplate.Version");
            }
            return Answer.ok("<UpdateAutoScalingGroupResponse xmlns=\"" + ASG_NS + "\"><ResponseMetadata><RequestId>r"
                    + "</RequestId></ResponseMetadata></UpdateAutoScalingGroupResponse>");
        });
        aws.on("StartInstanceRefresh", call -> {
            String[] refused = startRefreshError;
            if (refused != null) {
                return QueryProtocolServer.queryError(400, ASG_NS, refused[0], refused[1]);
            }
            refreshStarted = true;
            refreshes++;
            refreshReads = 0;
            return Answer.ok("<StartInstanceRefreshResponse xmlns=\"" + ASG_NS + "\"><StartInstanceRefreshResult>"
                    + "<InstanceRefreshId>ir-" + refreshes + "</InstanceRefreshId></StartInstanceRefreshResult><ResponseMetadata>"
                    + "<RequestId>r</RequestId></ResponseMetadata></StartInstanceRefreshResponse>");
        });
        aws.on("DescribeInstanceRefreshes", call -> {
            if (!refreshStarted) {
                return Answer.ok(AwsXml.noInstanceRefreshes());
            }
            if (refreshReads++ == 0 && !immediate) {
                return Answer.ok(AwsXml.describeInstanceRefreshes("ir-" + refreshes, "InProgress", 50, "replacing"));
            }
            if (!"Successful".equals(refreshEndsAs)) {
                return Answer.ok(AwsXml.describeInstanceRefreshes("ir-" + refreshes, refreshEndsAs, 0,
                        "instances failed to reach InService"));
            }
            if (appliedRefreshes < refreshes) { // it replaced every replica from what the group really launches
                appliedRefreshes = refreshes;
                String launched = templateVersions.get(Long.parseLong(groupVersion));
                List<String> fresh = List.of("i-r" + nextInstance, "i-r" + (nextInstance + 1));
                nextInstance += 2;
                replicas.clear();
                replicas.addAll(fresh);
                fresh.forEach(id -> volumes.put("vol-" + id.substring(2), launched));
            }
            return Answer.ok(AwsXml.describeInstanceRefreshes("ir-" + refreshes, "Successful", 100, "done"));
        });
        aws.on("DescribeTargetHealth", call -> Answer.ok(AwsXml.describeTargetHealth(replicas.stream()
                .map(id -> AwsXml.target(id, "healthy", null, null)).toArray(String[]::new))));
    }
}
