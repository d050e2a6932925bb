package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.AwsRouter;
import dev.graphfleet.testing.AwsXml;
import dev.graphfleet.testing.DynamoDbLocal;
import dev.graphfleet.testing.FakeEc2;
import dev.graphfleet.testing.FakeSsm;
import dev.graphfleet.volume.aws.DynamoVolumeRegistry;
import dev.graphfleet.volume.registry.VolumeRecord;
import dev.graphfleet.volume.registry.VolumeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code volumes sync-registry} through the CLI: loopback EC2 and DynamoDB Local behind one endpoint. */
class VolumesSyncRegistryCommandTest extends InProcessCliTest {

    LoopbackAws loopback;
    FakeEc2 ec2;
    FakeSsm ssm;
    AwsRouter aws;
    DynamoDbClient dynamo;
    String table;
    DynamoVolumeRegistry registry;

    @BeforeEach
    void start() throws Exception {
        loopback = LoopbackAws.withDynamoDbLocal();
        ec2 = loopback.ec2;
        ssm = loopback.ssm;
        aws = loopback.router;
        dynamo = DynamoDbLocal.get().client();
        table = DynamoDbLocal.get().createTable(dynamo, "volumes", "volume_id");
        registry = new DynamoVolumeRegistry(dynamo, table);

        ec2.answerDescribeInstances(AwsXml.describeInstances(null,
                AwsXml.instance("i-1", "writer", "r7g.large", "10.0.0.1", "vol-data1", Map.of("Environment", "prod")),
                AwsXml.instance("i-2", "writer", "r7g.large", "10.0.0.2", "vol-new", Map.of("Environment", "prod"))));
        ec2.attach("vol-data1", "i-1", "/dev/xvdf", 100);
        ec2.attach("vol-new", "i-2", "/dev/xvdf", 50);
        ec2.addDetached("vol-detached", 80);
        ec2.attach("vol-moved", "i-other", "/dev/xvdf", 120);
        ec2.addDetached("vol-locked", 60);
        Instant past = Instant.now().minus(Duration.ofHours(1));
        registry.markAttached("vol-data1", "i-1", 100, past);
        registry.markAttached("vol-detached", "i-3", 80, past);
        registry.markAttached("vol-moved", "i-old", 120, past);
        registry.markAttached("vol-gone", "i-4", 30, past);
        registry.markAttached("vol-locked", "i-5", 60, past);
        registry.tryLock("vol-locked", "monitor-a", Instant.now(), Duration.ofHours(1)).orElseThrow();
    }

    @AfterEach
    void stop() {
        dynamo.close();
        loopback.close();
    }

    int sync(String... extra) {
        String[] base = {"volumes", "sync-registry", "--env", "prod", "--volume-table", table,
                "--endpoint", aws.endpoint().toString(), "--region", "us-east-1"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return run(all);
    }

    @Test
    void dryRunPrintsTheChangesAndWritesNothing() {
        int code = sync("--dry-run");

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("(dry run: nothing changed)")
                .containsPattern("mark-available +vol-detached .*planned")
                .containsPattern("repoint +vol-moved +i-old +i-other +120 +planned")
                .containsPattern("remove +vol-gone .*planned")
                .containsPattern("register +vol-new +- +i-2 +50 +planned")
                .containsPattern("mark-available +vol-locked .*skipped: locked by monitor-a")
                .contains("5 registered, 5 seen in EC2: 4 change(s) planned, 0 refused, 1 skipped (locked)");
        assertThat(registry.find("vol-gone")).isPresent();
        assertThat(registry.find("vol-new")).isEmpty();
        assertThat(registry.find("vol-moved").orElseThrow().instanceId()).isEqualTo("i-old");
    }

    @Test
    void syncWritesTheChangesAndLeavesTheLockedVolumeAlone() {
        int code = sync();

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("remove +vol-gone .*applied")
                .contains("4 change(s) applied, 0 refused, 1 skipped (locked)");
        assertThat(registry.find("vol-gone")).isEmpty();
        assertThat(registry.find("vol-detached").orElseThrow().status()).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(registry.find("vol-moved").orElseThrow().instanceId()).isEqualTo("i-other");
        assertThat(registry.find("vol-new").orElseThrow()).extracting(VolumeRecord::instanceId, VolumeRecord::status)
                .containsExactly("i-2", VolumeStatus.ATTACHED);
        assertThat(registry.find("vol-locked").orElseThrow().status()).isEqualTo(VolumeStatus.ATTACHED);

        out.getBuffer().setLength(0);
        assertThat(sync()).isZero();
        assertThat(out.toString()).as("a second sync finds nothing more to do")
                .contains("0 change(s) applied, 0 refused, 1 skipped (locked)");
    }

    @Test
    void missingTableIsAFailureNamingTheTable() {
        int code = run("volumes", "sync-registry", "--env", "prod", "--volume-table", "no-such-table",
                "--endpoint", aws.endpoint().toString(), "--region", "us-east-1");

        assertThat(code).isEqualTo(GraphfleetCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("volume registry table 'no-such-table'");
        assertThat(err.toString()).doesNotContain("test-secret");
    }

    @Test
    void missingOptionsAreUsageErrors() {
        assertThat(run("volumes", "sync-registry", "--env", "prod")).isEqualTo(GraphfleetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--volume-table");
        assertThat(run("volumes", "sync-registry", "--env", " ", "--volume-table", "t", "--region", "us-east-1"))
                .isEqualTo(GraphfleetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--env: give the fleet's Environment tag");
    }
}
