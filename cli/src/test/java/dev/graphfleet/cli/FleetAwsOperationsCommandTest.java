package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.testing.FakeReplicaAws;
import dev.graphfleet.testing.QueryProtocolServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fleet snapshot|rollback --aws} end to end against the loopback account. */
class FleetAwsOperationsCommandTest {

    private static final String[] PROPS = {"aws.accessKeyId", "aws.secretAccessKey"};

    @TempDir
    Path dir;

    private QueryProtocolServer aws;
    private FakeReplicaAws account;

    @BeforeEach
    void start() {
        System.setProperty(PROPS[0], "AKIDEXAMPLE");
        System.setProperty(PROPS[1], "not-a-real-secret");
        aws = new QueryProtocolServer();
        account = new FakeReplicaAws(aws);
        account.immediate = true;
    }

    @AfterEach
    void stop() {
        aws.close();
        for (String p : PROPS) {
            System.clearProperty(p);
        }
    }

    private CliRun run(String... args) {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--aws", "--env", "prod", "--region", "us-east-1", "--endpoint"}, 0, all,
                args.length, 6);
        String[] withEndpoint = java.util.Arrays.copyOf(all, all.length + 1);
        withEndpoint[all.length] = aws.endpoint().toString();
        return CliRun.of(withEndpoint);
    }

    @Test
    void snapshotThenRefreshTheConfiguredGroupAndRollBackWithADryRunFirst() throws Exception {
        Path config = Files.writeString(dir.resolve("graph.yml"), FakeReplicaAws.FLEET_CONFIG);
        CliRun plan = run("fleet", "snapshot", "--graph", "sec", "--config", config.toString(), "--dry-run",
                "--no-checkpoint");
        assertThat(plan.code()).as(plan.err()).isZero();
        assertThat(plan.out()).contains("snapshot its data volume vol-m1 (encrypted)", "then delete snap-1",
                "then roll replica group shared-replicas onto the new snapshot");
        assertThat(account.calls("CreateSnapshot")).isEmpty();

        CliRun snapshot = run("fleet", "snapshot", "--graph", "sec", "--config", config.toString(), "--no-checkpoint");
        assertThat(snapshot.code()).as(snapshot.err()).isZero();
        assertThat(snapshot.out()).contains("snapshot snap-4 of sec completed", "deleted snap-1 (beyond keep 3)",
                "group " + FakeReplicaAws.ASG + " launches version 8", "done: shared-replicas runs snap-4");
        assertThat(account.volumes).containsEntry("vol-r3", "snap-4").containsEntry("vol-r4", "snap-4");

        CliRun rollbackPlan = run("fleet", "rollback", "--group", "shared-replicas", "--config", config.toString(),
                "--dry-run");
        assertThat(rollbackPlan.code()).as(rollbackPlan.err()).isZero();
        assertThat(rollbackPlan.out()).contains("Rolling shared-replicas back to snap-3 would:",
                "data volume snap-4 -> snap-3", "launch template version 8 -> 9");

        CliRun rollback = run("fleet", "rollback", "--group", "shared-replicas", "--config", config.toString(), "--json");
        assertThat(rollback.code()).as(rollback.err()).isZero();
        JsonNode outcome = new ObjectMapper().readTree(rollback.out());
        assertThat(outcome.get("target").asText()).isEqualTo("snap-3");
        assertThat(outcome.at("/verification/on_target").toString()).contains("i-r5", "i-r6");
        assertThat(account.volumes).containsEntry("vol-r5", "snap-3").containsEntry("vol-r6", "snap-3");
        assertThat(account.groupVersion).isEqualTo("9");
    }

    @Test
    void failuresExitOneNamingTheStepAndBadVersionsExitTwo() {
        account.encrypted.put("vol-m1", false);
        CliRun refused = run("fleet", "snapshot", "--graph", "sec", "--no-checkpoint");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).contains("vol-m1 of shared master i-m1 is not encrypted");

        account.updateIgnored = true;
        CliRun pinned = run("fleet", "rollback", "--group", "shared-replicas", "--graph", "sec");
        assertThat(pinned.code()).isEqualTo(1);
        assertThat(pinned.err()).contains("pointing " + FakeReplicaAws.ASG + " at version 8", "pinned by number");

        assertThat(run("fleet", "rollback", "--group", "shared-replicas", "--to", "v1").code()).isEqualTo(2);
    }
}
