package dev.graphfleet.fleet.aws;

import static dev.graphfleet.testing.AwsXml.EC2_NS;
import static dev.graphfleet.testing.AwsXml.ASG_NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import dev.graphfleet.testing.AwsXml;
import dev.graphfleet.testing.QueryProtocolServer;
import dev.graphfleet.testing.QueryProtocolServer.Answer;
import dev.graphfleet.testing.QueryProtocolServer.Call;
import dev.graphfleet.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Snapshot, retention, rolling refresh and rollback with the real SDK clients against a loopback
 * Query-protocol endpoint that keeps state like the services: snapshots appear and complete, the
 * group's launch template version changes only when the group is updated, and a finished instance
 * refresh leaves new instances whose volumes come from whatever snapshot the group really launched.
 */
class AwsReplicaOperationsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String ASG = "graphfleet-prod-shared-replicas";

    /** The fake account. */
    private final Map<String, String[]> snapshots = new LinkedHashMap<>(); // id -> {state, start, encrypted}
    private final Map<String, String> volumes = new LinkedHashMap<>();      // volume -> snapshot
    private final Map<String, Boolean> encrypted = new LinkedHashMap<>();
    private final Map<Long, String> templateVersions = new LinkedHashMap<>(); // version -> data snapshot
    private final List<String> replicas = new CopyOnWriteArrayList<>(List.of("i-r1", "i-r2"));
    private volatile String groupVersion = "7";
    private volatile boolean updateIgnored;
    private volatile int refreshReads;
    private volatile boolean refreshStarted;
    private volatile int snapshotReads;

    private QueryProtocolServer aws;
    private Ec2Client ec2;
    private AutoScalingClient autoScaling;
    private ElasticLoadBalancingV2Client elb;
    private AwsReplicaOperations operations;
    private final List<String> progress = new ArrayList<>();
    private final List<String> checkpoints = new ArrayList<>();

    @BeforeEach
    void start() {
        snapshots.put("snap-1", new String[] {"completed", "2026-11-01T06:00:00.000Z", "true"});
        snapshots.put("snap-2", new String[] {"completed", "2026-11-08T06:00:00.000Z", "true"});
        snapshots.put("snap-3", new String[] {"completed", "2026-11-15T06:00:00.000Z", "true"});
        volumes.put("vol-m1", "");
        volumes.put("vol-r1", "snap-3");
        volumes.put("vol-r2", "snap-3");
        encrypted.put("vol-m1", true);
        templateVersions.put(7L, "snap-3");
        aws = new QueryProtocolServer();
        script();
        AwsSettings settings = AwsSettings.of("us-east-1", null, aws.endpoint())
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
        ec2 = AwsClients.ec2(settings);
        autoScaling = AwsClients.autoScaling(settings);
        elb = AwsClients.elb(settings);
        SettableClock clock = new SettableClock(NOW);
        AwsFleetSource fleet = new AwsFleetSource(new Ec2Inventory(ec2), new AutoScalingInventory(autoScaling),
                new TargetHealthReader(elb), null, null, new AwsFleetSource.Options("prod", null, null, null, false, 8001,
                ProbeOptions.defaults()), "aws(prod, us-east-1)", clock, null);
        operations = new AwsReplicaOperations(new Ec2Inventory(ec2), new Ec2Snapshots(ec2), new LaunchTemplates(ec2),
                new AutoScalingActions(autoScaling), fleet, new SnapshotJobs(clock),
                (master, graph) -> checkpoints.add(master.id() + " " + graph),
                new AwsReplicaOperations.Settings("prod", null, Duration.ofMinutes(60), Duration.ofMinutes(90),
                        Duration.ofSeconds(15), 300),
                clock, duration -> clock.advance(duration)); // waiting moves the test's clock, nothing sleeps
    }

    @AfterEach
    void stop() {
        ec2.close();
        autoScaling.close();
        elb.close();
        aws.close();
    }

    // ---- the fake services ----

    private void script() {
        aws.on("DescribeInstances", call -> {
            List<String> items = new ArrayList<>();
            items.add(AwsXml.instance("i-m1", "shared_master", "r7g.xlarge", "10.0.1.5", "vol-m1", Map.of("GraphId", "sec")));
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
            if (!ids.isEmpty() && ids.contains("snap-4") && snapshotReads++ == 0) {
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
                AwsXml.asg(ASG, "shared-replicas", 2, 2, 10, groupVersion, AwsAdaptersTest.TG, replicas.stream()
                        .map(id -> AwsXml.asgMember(id, "InService", "Healthy", "m7g.large")).toArray(String[]::new)))));
        aws.on("UpdateAutoScalingGroup", call -> {
            if (!updateIgnored) {
                groupVersion = call.params().get("LaunchTemplate.Version");
            }
            return Answer.ok("<UpdateAutoScalingGroupResponse xmlns=\"" + ASG_NS + "\"><ResponseMetadata><RequestId>r"
                    + "</RequestId></ResponseMetadata></UpdateAutoScalingGroupResponse>");
        });
        aws.on("StartInstanceRefresh", call -> {
            refreshStarted = true;
            return Answer.ok("<StartInstanceRefreshResponse xmlns=\"" + ASG_NS + "\"><StartInstanceRefreshResult>"
                    + "<InstanceRefreshId>ir-1</InstanceRefreshId></StartInstanceRefreshResult><ResponseMetadata>"
                    + "<RequestId>r</RequestId></ResponseMetadata></StartInstanceRefreshResponse>");
        });
        aws.on("DescribeInstanceRefreshes", call -> {
            if (!refreshStarted) {
                return Answer.ok(AwsXml.noInstanceRefreshes());
            }
            if (refreshReads++ == 0) {
                return Answer.ok(AwsXml.describeInstanceRefreshes("ir-1", "InProgress", 50, "replacing"));
            }
            if (replicas.contains("i-r1")) { // the refresh replaced both from what the group really launches
                String launched = templateVersions.get(Long.parseLong(groupVersion));
                replicas.clear();
                replicas.addAll(List.of("i-r3", "i-r4"));
                volumes.put("vol-r3", launched);
                volumes.put("vol-r4", launched);
            }
            return Answer.ok(AwsXml.describeInstanceRefreshes("ir-1", "Successful", 100, "done"));
        });
        aws.on("DescribeTargetHealth", call -> Answer.ok(AwsXml.describeTargetHealth(replicas.stream()
                .map(id -> AwsXml.target(id, "healthy", null, null)).toArray(String[]::new))));
    }

    private List<Call> calls(String action) {
        return aws.calls.stream().filter(c -> c.action().equals(action)).toList();
    }

    // ---- the tests ----

    @Test
    void aSnapshotOfTheMastersEncryptedVolumeIsTaggedAwaitedAndOldOnesBeyondKeepAreDeleted() throws Exception {
        var outcome = operations.snapshot("sec", 3, "ops", false, progress::add);

        assertThat(outcome.snapshotId()).isEqualTo("snap-4");
        assertThat(checkpoints).containsExactly("i-m1 sec");
        Call create = calls("CreateSnapshot").get(0);
        assertThat(create.params()).containsEntry("VolumeId", "vol-m1")
                .containsEntry("TagSpecification.1.ResourceType", "snapshot");
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; create.params().containsKey("TagSpecification.1.Tag." + i + ".Key"); i++) {
            tags.put(create.params().get("TagSpecification.1.Tag." + i + ".Key"),
                    create.params().get("TagSpecification.1.Tag." + i + ".Value"));
        }
        assertThat(tags).containsEntry("GraphId", "sec").containsEntry("Environment", "prod")
                .containsEntry("SnapshotJobId", outcome.job().id().toString());
        assertThat(outcome.job().id().toString()).hasSize(36);
        assertThat(progress).contains("snapshot snap-4 42%", "snapshot snap-4 completed");
        // keep 3: snap-4 (latest), snap-3 and snap-2 stay; snap-1 goes
        assertThat(calls("DeleteSnapshot")).extracting(c -> c.params().get("SnapshotId")).containsExactly("snap-1");
        assertThat(outcome.deleted()).containsExactly("snap-1");
    }

    @Test
    void anUnencryptedMasterVolumeIsRefusedBeforeAnythingIsTaken() {
        encrypted.put("vol-m1", false);
        assertThatThrownBy(() -> operations.snapshot("sec", 3, "ops", false, progress::add))
                .hasMessageContaining("the data volume vol-m1 of shared master i-m1 is not encrypted")
                .hasMessageContaining("encrypt it first");
        assertThat(calls("CreateSnapshot")).isEmpty();
        assertThat(checkpoints).isEmpty();
    }

    @Test
    void aSnapshotDryRunSaysWhatItWouldTakeAndDeleteAndChangesNothing() throws Exception {
        var outcome = operations.snapshot("sec", 2, "ops", true, progress::add);
        assertThat(outcome.changes()).anySatisfy(c -> assertThat(c).contains("snapshot its data volume vol-m1 (encrypted)"))
                .anySatisfy(c -> assertThat(c).contains("then delete snap-2, snap-1 (beyond keep 2)"));
        assertThat(calls("CreateSnapshot")).isEmpty();
        assertThat(calls("DeleteSnapshot")).isEmpty();
        assertThat(checkpoints).isEmpty();
    }

    @Test
    void aRefreshPointsTheGroupAtANewTemplateVersionRollsItAndVerifiesEveryInstance() throws Exception {
        operations.snapshot("sec", 3, "ops", false, progress::add);
        var outcome = operations.refresh("shared-replicas", "sec", "snap-4", false, false, progress::add);

        Call version = calls("CreateLaunchTemplateVersion").get(0);
        assertThat(version.params()).containsEntry("SourceVersion", "7");
        Map<String, String> mappings = version.params().entrySet().stream()
                .filter(e -> e.getKey().startsWith("LaunchTemplateData.BlockDeviceMapping."))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(mappings).containsValue("snap-4").containsValue("30"); // the root keeps its size
        assertThat(mappings.entrySet()).noneMatch(e -> e.getKey().endsWith("VolumeSize") && e.getValue().equals("500"));
        assertThat(calls("UpdateAutoScalingGroup").get(0).params()).containsEntry("LaunchTemplate.Version", "8")
                .containsEntry("AutoScalingGroupName", ASG);
        assertThat(calls("ModifyLaunchTemplate")).isEmpty(); // the default version is never the lever
        assertThat(calls("StartInstanceRefresh").get(0).params())
                .containsEntry("Preferences.MinHealthyPercentage", "50").containsEntry("Strategy", "Rolling");
        assertThat(outcome.templateVersion()).isEqualTo(8);
        assertThat(outcome.verification().ok()).isTrue();
        assertThat(outcome.verification().onTarget()).containsExactly("i-r3", "i-r4");
        assertThat(progress).contains("instance refresh ir-1 InProgress 50%", "instance refresh ir-1 successful");
    }

    @Test
    void aGroupThatKeepsLaunchingTheOldVersionIsCaughtBeforeAnyInstanceIsReplaced() {
        updateIgnored = true; // e.g. a stack pins the group to version 7
        assertThatThrownBy(() -> operations.refresh("shared-replicas", "sec", "snap-2", false, false, progress::add))
                .hasMessageContaining("pointing " + ASG + " at version 8")
                .hasMessageContaining("version 7, pinned by number");
        assertThat(calls("StartInstanceRefresh")).isEmpty();
    }

    @Test
    void aRollbackGoesToTheSnapshotBeforeTheCurrentOneAndADryRunChangesNothing() throws Exception {
        var plan = operations.refresh("shared-replicas", "sec", null, true, true, progress::add);
        assertThat(plan.target()).isEqualTo("snap-2");
        assertThat(plan.changes()).anySatisfy(c -> assertThat(c).contains("new version 8 from version 7",
                "data volume snap-3 -> snap-2"));
        assertThat(plan.changes()).anySatisfy(c -> assertThat(c).contains("launch template version 7 -> 8"));
        assertThat(plan.changes()).anySatisfy(c -> assertThat(c).contains("replace i-r1, i-r2 one at a time"));
        assertThat(calls("CreateLaunchTemplateVersion")).isEmpty();
        assertThat(calls("UpdateAutoScalingGroup")).isEmpty();

        var done = operations.refresh("shared-replicas", "sec", null, true, false, progress::add);
        assertThat(done.verification().onTarget()).containsExactly("i-r3", "i-r4");
        assertThat(volumes).containsEntry("vol-r3", "snap-2");
    }

    @Test
    void anUnknownTargetIsRefusedNamingTheSnapshotsThereAre() {
        assertThatThrownBy(() -> operations.refresh("shared-replicas", "sec", "snap-9", false, false, progress::add))
                .hasMessageContaining("snap-9 is not a completed snapshot").hasMessageContaining("snap-3, snap-2, snap-1");
    }
}
