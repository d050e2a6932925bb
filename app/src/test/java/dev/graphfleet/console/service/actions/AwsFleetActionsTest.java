package dev.graphfleet.console.service.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.aws.AwsReplicaOperations;
import dev.graphfleet.fleet.aws.AwsSettings;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import dev.graphfleet.testing.FakeReplicaAws;
import dev.graphfleet.testing.QueryProtocolServer;
import java.net.URI;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The AWS actions with the engine's real operations and SDK clients against the loopback account
 * that keeps state like the services (snapshots complete, refreshes replace instances): the plan is
 * the dry run and changes nothing; confirming does it.
 */
class AwsFleetActionsTest {

    private QueryProtocolServer aws;
    private FakeReplicaAws account;
    private AwsFleetActions actions;
    private final List<String> checkpoints = new ArrayList<>();

    @BeforeEach
    void start() {
        // The SDK's default chain reads these first: fixed test credentials, never real ones.
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "not-a-real-secret");
        aws = new QueryProtocolServer();
        account = new FakeReplicaAws(aws);
        account.immediate = true; // snapshots complete and refreshes finish on their first read: nothing waits
        actions = actions(aws, checkpoints);
    }

    /** What the console builds for {@code --aws --env prod}: the engine's operations with the SDK's clients. */
    static AwsFleetActions actions(QueryProtocolServer aws, List<String> checkpoints) {
        return new AwsFleetActions(() -> AwsReplicaOperations.create(AwsSettings.of("us-east-1", null, aws.endpoint()),
                AwsReplicaOperations.Settings.defaults("prod", null), (master, graph) -> checkpoints.add(master.id()
                        + " " + graph), new SnapshotJobs(Clock.systemUTC())),
                NodeInvalidator.create(Duration.ofSeconds(1), null),
                new AwsFleetActions.Options("prod", Map.of("shared-replicas", List.of("sec")), Map.of("sec", 3), "ops"));
    }

    @AfterEach
    void stop() {
        aws.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Test
    void theSnapshotPlanIsTheDryRunAndConfirmingSnapshotsAndRollsTheGroup() {
        ActionRequest snapshot = new ActionRequest.Snapshot("shared-replicas", "sec");

        ActionPlan plan = actions.prepare(snapshot);

        assertThat(plan.steps().get(0)).isEqualTo("Dry run in AWS prod (nothing changed yet). A snapshot of sec would:");
        assertThat(plan.steps()).anySatisfy(s -> assertThat(s).contains("snapshot its data volume vol-m1 (encrypted)"))
                .anySatisfy(s -> assertThat(s).contains("then delete snap-1"));
        assertThat(plan.steps()).last().asString().startsWith("then roll replica group shared-replicas onto the new snapshot");
        assertThat(account.calls("CreateSnapshot")).isEmpty();
        assertThat(account.calls("StartInstanceRefresh")).isEmpty();
        assertThat(checkpoints).isEmpty();

        List<String> progress = new ArrayList<>();
        ActionResult done = actions.run(snapshot, progress::add);

        assertThat(done.ok()).as(done.summary()).isTrue();
        assertThat(done.summary()).isEqualTo("Snapshot snap-4 of sec taken; shared-replicas runs snap-4 (launch "
                + "template version 8; 2 of 2 instance(s) verified)");
        assertThat(checkpoints).containsExactly("i-m1 sec");
        assertThat(account.volumes).containsEntry("vol-r3", "snap-4").containsEntry("vol-r4", "snap-4");
        assertThat(account.snapshots).doesNotContainKey("snap-1");
    }

    @Test
    void aRollbackPlanNamesTheSnapshotsAndConfirmingRollsTheGroupBack() {
        ActionRequest rollback = new ActionRequest.Rollback("shared-replicas", "sec");

        ActionPlan plan = actions.prepare(rollback);

        assertThat(plan.steps().get(0)).isEqualTo("Dry run in AWS prod (nothing changed yet). Rolling shared-replicas "
                + "back to snap-2 would:");
        assertThat(plan.steps()).anySatisfy(s -> assertThat(s).contains("data volume snap-3 -> snap-2"));
        assertThat(account.groupVersion).isEqualTo("7");

        ActionResult done = actions.run(rollback, line -> { });
        assertThat(done.ok()).as(done.summary()).isTrue();
        assertThat(done.summary()).isEqualTo("shared-replicas runs snap-2 (launch template version 8; 2 of 2 "
                + "instance(s) verified)");
        assertThat(account.groupVersion).isEqualTo("8");
    }

    @Test
    void aRefusedSnapshotIsAFailedOutcomeNamingTheStep() {
        account.encrypted.put("vol-m1", false);
        ActionResult refused = actions.run(new ActionRequest.Snapshot("shared-replicas", "sec"), line -> { });
        assertThat(refused.ok()).isFalse();
        assertThat(refused.summary()).startsWith("Snapshot sec and roll it out to shared-replicas failed: ")
                .contains("vol-m1 of shared master i-m1 is not encrypted");
        assertThat(account.calls("CreateSnapshot")).isEmpty();
    }

    @Test
    void offersSnapshotsAndRollsButNotTheVolumeMonitorOrRestarts() {
        assertThat(actions.unavailable(ActionKind.SNAPSHOT)).isNull();
        assertThat(actions.unavailable(ActionKind.ROLLING_REFRESH)).isNull();
        assertThat(actions.unavailable(ActionKind.ROLLBACK)).isNull();
        assertThat(actions.unavailable(ActionKind.INVALIDATE)).isNull();
        assertThat(actions.unavailable(ActionKind.VOLUME_MONITOR)).contains("graphfleet volumes check --source aws");
        assertThat(actions.unavailable(ActionKind.RESTART_NODE)).contains("use a rolling refresh");
        FleetInstance replica = new FleetInstance("i-r1", NodeType.SHARED_REPLICA, URI.create("http://10.0.2.1:8001"),
                "running", Health.UNREACHABLE, null, "m7g.large", "shared-replicas", null, null, null);
        assertThat(actions.knownDatabases(replica)).containsExactly("sec");
        assertThat(actions.canRestart(replica)).isFalse();
    }
}
