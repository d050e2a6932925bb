package dev.graphfleet.fleet.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import dev.graphfleet.testing.FakeReplicaAws;
import dev.graphfleet.testing.QueryProtocolServer;
import dev.graphfleet.testing.QueryProtocolServer.Call;
import dev.graphfleet.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final String ASG = FakeReplicaAws.ASG;

    private QueryProtocolServer aws;
    private FakeReplicaAws account;
    private Ec2Client ec2;
    private AutoScalingClient autoScaling;
    private ElasticLoadBalancingV2Client elb;
    private AwsReplicaOperations operations;
    private final List<String> progress = new ArrayList<>();
    private final List<String> checkpoints = new ArrayList<>();

    @BeforeEach
    void start() {
        aws = new QueryProtocolServer();
        account = new FakeReplicaAws(aws);
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

    private List<Call> calls(String action) {
        return account.calls(action);
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
                .containsEntry("SnapshotJobId", outcome.job().id().toString())
                .containsEntry("Service", "graphfleet"); // no --service, an untagged master: the default
        assertThat(outcome.job().id().toString()).hasSize(36);
        assertThat(progress).contains("snapshot snap-4 42%", "snapshot snap-4 completed");
        // keep 3: snap-4 (latest), snap-3 and snap-2 stay; snap-1 goes
        assertThat(calls("DeleteSnapshot")).extracting(c -> c.params().get("SnapshotId")).containsExactly("snap-1");
        assertThat(outcome.deleted()).containsExactly("snap-1");
    }

    @Test
    void aSnapshotIsTaggedWithItsMastersServiceWithoutServiceAndWithServiceWhenGiven() throws Exception {
        account.masterTags = Map.of("GraphId", "sec", "Service", "search");
        var plan = operations.snapshot("sec", 3, "ops", true, progress::add);
        assertThat(plan.changes()).anyMatch(c -> c.contains("Service=search"));
        operations.snapshot("sec", 3, "ops", false, progress::add);
        assertThat(snapshotTags(calls("CreateSnapshot").get(0))).containsEntry("Service", "search");
    }

    private static Map<String, String> snapshotTags(Call create) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (int i = 1; create.params().containsKey("TagSpecification.1.Tag." + i + ".Key"); i++) {
            tags.put(create.params().get("TagSpecification.1.Tag." + i + ".Key"),
                    create.params().get("TagSpecification.1.Tag." + i + ".Value"));
        }
        return tags;
    }

    @Test
    void anUnencryptedMasterVolumeIsRefusedBeforeAnythingIsTaken() {
        account.encrypted.put("vol-m1", false);
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
        account.updateIgnored = true; // e.g. a stack pins the group to version 7
        assertThatThrownBy(() -> operations.refresh("shared-replicas", "sec", "snap-2", false, false, progress::add))
                .hasMessageContaining("pointing " + ASG + " at version 8")
                .hasMessageContaining("version 7, pinned by number");
        assertThat(calls("StartInstanceRefresh")).isEmpty();
    }

    // ---- a refresh that cannot start or fails puts the group back ----

    @Test
    void aGroupThatCannotBePointedIsLeftAsItWasAndSaysSo() {
        account.updatesBeforeFailure = 0;
        assertThatThrownBy(() -> operations.refresh("shared-replicas", "sec", "snap-2", false, false, progress::add))
                .hasMessageContaining("UpdateAutoScalingGroup " + ASG + " failed: ValidationError")
                .hasMessageContaining("nothing to undo: the group still launches version 7 (launch template version 8"
                        + " stays, unused)");
        assertThat(account.groupVersion).isEqualTo("7");
        assertThat(calls("StartInstanceRefresh")).isEmpty();
    }

    @Test
    void aRefreshThatCannotStartPutsTheGroupBackOnItsVersion() {
        account.startRefreshError = new String[] {"InstanceRefreshInProgress", "An Instance Refresh is already in progress"};
        assertThatThrownBy(() -> operations.refresh("shared-replicas", "sec", "snap-2", false, false, progress::add))
                .hasMessageContaining("StartInstanceRefresh of " + ASG + " failed: InstanceRefreshInProgress")
                .hasMessageContaining("undone: Auto Scaling group " + ASG + " is back on launch template version 7"
                        + " (version 8 stays in the template, unused)");
        assertThat(calls("UpdateAutoScalingGroup")).extracting(c -> c.params().get("LaunchTemplate.Version"))
                .containsExactly("8", "7");
        assertThat(account.groupVersion).isEqualTo("7");
        assertThat(progress).contains("undone: Auto Scaling group " + ASG + " is back on launch template version 7"
                + " (version 8 stays in the template, unused)");
    }

    @Test
    void aRefreshThatFailsPutsTheGroupBackSoTheNextScaleOutBootsTheOldSnapshot() {
        account.refreshEndsAs = "Failed";
        assertThatThrownBy(() -> operations.refresh("shared-replicas", "sec", "snap-2", false, false, progress::add))
                .hasMessageContaining("instance refresh ir-1 of " + ASG + " ended Failed: instances failed to reach InService")
                .hasMessageContaining("instances the refresh already replaced stay on snap-2")
                .hasMessageContaining("undone: Auto Scaling group " + ASG + " is back on launch template version 7");
        assertThat(account.groupVersion).isEqualTo("7");
        assertThat(account.templateVersions.get(Long.parseLong(account.groupVersion))).isEqualTo("snap-3");
    }

    @Test
    void aCancelledRefreshOfAGroupOnLatestIsPinnedToTheVersionLatestWas() {
        account.groupVersion = "$Latest";
        account.refreshEndsAs = "Cancelled";
        assertThatThrownBy(() -> operations.refresh("shared-replicas", "sec", "snap-2", false, false, progress::add))
                .hasMessageContaining("ended Cancelled")
                .hasMessageContaining("is back on launch template version 7 (it named $Latest, which is now version 8)");
        assertThat(account.groupVersion).isEqualTo("7");
    }

    @Test
    void anUndoThatFailsSaysSoAndHowToDoItByHand() {
        account.updatesBeforeFailure = 1; // pointing at 8 works, putting it back does not
        account.startRefreshError = new String[] {"LimitExceeded", "too many refreshes"};
        assertThatThrownBy(() -> operations.refresh("shared-replicas", "sec", "snap-2", false, false, progress::add))
                .hasMessageContaining("StartInstanceRefresh of " + ASG + " failed: LimitExceeded")
                .hasMessageContaining("NOT undone: UpdateAutoScalingGroup " + ASG + " back to version 7 failed")
                .hasMessageContaining("The group still launches version 8; put it back with: aws autoscaling "
                        + "update-auto-scaling-group --auto-scaling-group-name " + ASG
                        + " --launch-template LaunchTemplateId=lt-0abc,Version=7");
        assertThat(account.groupVersion).isEqualTo("8");
    }

    @Test
    void aGroupThatNeverMovedHasNothingToUndo() {
        account.updateIgnored = true;
        assertThatThrownBy(() -> operations.refresh("shared-replicas", "sec", "snap-2", false, false, progress::add))
                .hasMessageContaining("nothing to undo: Auto Scaling group " + ASG + " still launches version 7");
        assertThat(calls("UpdateAutoScalingGroup")).hasSize(1);
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
        assertThat(account.volumes).containsEntry("vol-r3", "snap-2");
    }

    @Test
    void anUnknownTargetIsRefusedNamingTheSnapshotsThereAre() {
        assertThatThrownBy(() -> operations.refresh("shared-replicas", "sec", "snap-9", false, false, progress::add))
                .hasMessageContaining("snap-9 is not a completed snapshot").hasMessageContaining("snap-3, snap-2, snap-1");
    }
}
