package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.AwsRouter;
import dev.graphfleet.testing.AwsXml;
import dev.graphfleet.testing.FakeEc2;
import dev.graphfleet.testing.FakeNodes;
import dev.graphfleet.testing.FakeSsm;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code volumes plan|expand|grow-fs|fix-stuck} through the CLI against loopback EC2 and SSM endpoints. */
class VolumesActionCommandsTest extends InProcessCliTest {

    LoopbackAws loopback;
    FakeEc2 ec2;
    FakeSsm ssm;
    AwsRouter aws;

    @BeforeEach
    void start() throws Exception {
        loopback = LoopbackAws.start();
        ec2 = loopback.ec2;
        ssm = loopback.ssm;
        aws = loopback.router;
    }

    @AfterEach
    void stop() {
        loopback.close();
    }

    String[] awsArgs(String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--endpoint";
        all[args.length + 1] = aws.endpoint().toString();
        all[args.length + 2] = "--region";
        all[args.length + 3] = "us-east-1";
        return all;
    }

    List<Map<String, String>> modifies() {
        return ec2.requests().stream().filter(r -> "ModifyVolume".equals(r.get("Action"))).toList();
    }

    @Test
    void planIsCheckWithoutChanges() throws Exception {
        try (FakeNodes nodes = new FakeNodes(null, 2)) {
            URI full = nodes.add("full", 100, 85);
            int code = run("volumes", "plan", "--nodes", full.toString());
            assertThat(code).isZero();
            assertThat(out.toString()).contains("(dry run: nothing changed)").contains("would expand 100 -> 150 GB");
        }
    }

    @Test
    void expandModifiesTheVolume() {
        ec2.attach("vol-0data", "i-0writer", "/dev/xvdf", 100);

        int code = run(awsArgs("volumes", "expand", "--volume", "vol-0data", "--size", "200"));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("requested vol-0data 100 -> 200 GB; the filesystem is grown once the "
                + "modification is optimizing").contains("volumes grow-fs --instance i-0writer");
        assertThat(modifies()).singleElement().satisfies(r -> assertThat(r).containsEntry("VolumeId", "vol-0data")
                .containsEntry("Size", "200"));
    }

    @Test
    void expandRefusesWhatThePlannerForbidsAndChangesNothing() {
        FakeEc2.Volume v = ec2.attach("vol-0data", "i-0writer", "/dev/xvdf", 100);

        assertThat(run(awsArgs("volumes", "expand", "--volume", "vol-0data", "--size", "80"))).isEqualTo(2);
        assertThat(err.toString()).contains("never shrunk");
        assertThat(run(awsArgs("volumes", "expand", "--volume", "vol-0data", "--size", "17000"))).isEqualTo(2);
        assertThat(err.toString()).contains("above the maximum 16384 GB");
        v.modificationState = "completed";
        v.modificationStart = Instant.now().minus(Duration.ofHours(2));
        assertThat(run(awsArgs("volumes", "expand", "--volume", "vol-0data", "--size", "200"))).isEqualTo(2);
        assertThat(err.toString()).contains("modified 2 h ago; EBS allows one modification per 6 h");
        assertThat(run(awsArgs("volumes", "expand", "--volume", "vol-0gone", "--size", "200"))).isEqualTo(2);
        assertThat(err.toString()).contains("volume vol-0gone does not exist");
        assertThat(run(awsArgs("volumes", "expand", "--volume", "disk1", "--size", "200"))).isEqualTo(2);
        assertThat(err.toString()).contains("--volume: 'disk1' is not an EBS volume id");
        assertThat(modifies()).isEmpty();
    }

    @Test
    void expandDryRunChecksTheRulesOnly() {
        ec2.attach("vol-0data", "i-0writer", "/dev/xvdf", 100);
        assertThat(run(awsArgs("volumes", "expand", "--volume", "vol-0data", "--size", "200", "--dry-run"))).isZero();
        assertThat(out.toString()).contains("dry run: would modify vol-0data 100 -> 200 GB");
        assertThat(modifies()).isEmpty();
    }

    @Test
    void growFsSendsTheGrowAndReportsItsOutcome() {
        ssm.willReport("Success", "");
        int code = run(awsArgs("volumes", "grow-fs", "--instance", "i-0replica", "--mount", "/data", "--poll-ms", "1"));
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("i-0replica: filesystem at /data grown");
        assertThat(ssm.sentCommands()).singleElement().satisfies(c -> {
            assertThat(c.path("InstanceIds").get(0).asText()).isEqualTo("i-0replica");
            assertThat(c.path("Parameters").path("commands").get(0).asText()).contains("MOUNT='/data'");
        });
    }

    @Test
    void aFailedGrowExitsOne() {
        ssm.willReport("Failed", "xfs_growfs: /data is not a mounted XFS filesystem");
        int code = run(awsArgs("volumes", "grow-fs", "--instance", "i-0replica", "--poll-ms", "1"));
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("filesystem grow Failed").contains("not a mounted XFS filesystem");
    }

    @Test
    void checkFindsTheAwsFleetByTagsAndPlansFromTheNodesMetrics() throws Exception {
        try (FakeNodes nodes = new FakeNodes(null, 2)) {
            URI full = nodes.addAtRoot(100, 85);
            ec2.answerDescribeInstances(AwsXml.describeInstances(null,
                    AwsXml.instance("i-0full", "shared_replica", "m7g.large", full.getHost(), "vol-0full",
                            Map.of("Environment", "prod"))));
            ec2.attach("vol-0full", "i-0full", "/dev/xvdf", 100);

            int code = run(awsArgs("volumes", "plan", "--source", "aws", "--env", "prod",
                    "--node-port", String.valueOf(full.getPort())));

            assertThat(code).as(out + "\n" + err).isZero();
            assertThat(out.toString()).contains("AWS environment prod").contains("i-0full")
                    .contains("would expand 100 -> 150 GB").contains("(dry run: nothing changed)");
            assertThat(modifies()).isEmpty();
        }
    }

    @Test
    void anAwsCheckThatMayExpandNeedsTheRegistryTableForItsLock() {
        assertThat(run(awsArgs("volumes", "check", "--source", "aws", "--env", "prod"))).isEqualTo(2);
        assertThat(err.toString()).contains("--source aws needs --volume-table TABLE");
        assertThat(run(awsArgs("volumes", "plan", "--source", "aws"))).isEqualTo(2);
        assertThat(err.toString()).contains("--source aws needs --env ENV");
        assertThat(ec2.requests()).isEmpty();
    }

    @Test
    void growFsRefusesAnUnsafeMount() {
        assertThat(run(awsArgs("volumes", "grow-fs", "--instance", "i-0a", "--mount", "/data; rm -rf /"))).isEqualTo(2);
        assertThat(err.toString()).contains("--mount: '/data; rm -rf /' is not a plain absolute path");
        assertThat(ssm.sentCommands()).isEmpty();
    }

    @Test
    void fixStuckGrowsOnlyTheEnvironmentsStuckVolumes() {
        ec2.answerDescribeInstances(AwsXml.describeInstances(null,
                AwsXml.instance("i-0writer", "writer", "r7g.large", "10.0.1.5", "vol-0stuck",
                        Map.of("Environment", "prod"))));
        FakeEc2.Volume stuck = ec2.attach("vol-0stuck", "i-0writer", "/dev/xvdf", 100);
        stuck.modificationState = "optimizing";
        stuck.modificationStart = Instant.now().minus(Duration.ofHours(1));
        stuck.targetSize = 150;
        FakeEc2.Volume foreign = ec2.attach("vol-0foreign", "i-0foreign", "/dev/xvdf", 100);
        foreign.modificationState = "optimizing";
        foreign.modificationStart = Instant.now().minus(Duration.ofHours(1));
        ssm.willReport("Success", "");

        assertThat(run(awsArgs("volumes", "fix-stuck", "--env", "prod", "--dry-run"))).isZero();
        assertThat(out.toString()).contains("would grow i-0writer for vol-0stuck (optimizing for 1 h, target 150 GB)")
                .contains("skipped vol-0foreign").contains("i-0foreign is not a fleet instance");
        assertThat(ssm.sentCommands()).isEmpty();

        int code = run(awsArgs("volumes", "fix-stuck", "--env", "prod", "--poll-ms", "1"));

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1 stuck volume(s) fixed")
                .contains("fixed vol-0stuck (optimizing for 1 h, target 150 GB) on i-0writer");
        assertThat(ssm.sentCommands()).singleElement()
                .satisfies(c -> assertThat(c.path("InstanceIds").get(0).asText()).isEqualTo("i-0writer"));
    }

    @Test
    void fixStuckNeedsAnEnvironment() {
        assertThat(run(awsArgs("volumes", "fix-stuck"))).isEqualTo(2);
        assertThat(err.toString()).contains("--env");
    }
}
