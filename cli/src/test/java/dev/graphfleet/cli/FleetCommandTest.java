package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.fleet.FleetJson;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.testing.AwsXml;
import dev.graphfleet.testing.QueryProtocolServer;
import dev.graphfleet.testing.ScriptedNode;
import dev.graphfleet.testing.SilentNodes;
import java.util.List;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code graphfleet fleet status|validate}, run in process against real loopback servers. */
class FleetCommandTest extends InProcessCliTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @AfterEach
    void restoreEnvironment() {
        FleetStatusCommand.env = System::getenv;
    }

    @Test
    void statusOfHealthyNodesIsATableAndExitsZero() {
        try (ScriptedNode writer = ScriptedNode.serving(ScriptedNode.health("ready", "writer-1", "writer"),
                ScriptedNode.resource("writer-metrics.json"))) {

            int code = run("fleet", "status", "--nodes", writer.url().toString());

            assertThat(code).as(err.toString()).isZero();
            String table = out.toString();
            assertThat(table).containsPattern("INSTANCE +URL +ROLE +GROUP +HEALTH +STATE +VERSION +AGE +VOLUME +POOL +DETAIL");
            assertThat(table).containsPattern("writer-1 +" + java.util.regex.Pattern.quote(writer.url().toString())
                    + " +writer +none +healthy +ready +- +- +42% of 100 GB +2 busy, 3 idle, max 6");
            assertThat(table).endsWith("1 instance: 1 healthy" + System.lineSeparator());
        }
    }

    @Test
    void theGroupIsTheSourcesOrSaysItIsUnknownOrNone() {
        assertThat(FleetTable.group(instance(dev.graphfleet.config.NodeType.SHARED_REPLICA, "replicas")))
                .isEqualTo("replicas");
        assertThat(FleetTable.group(instance(dev.graphfleet.config.NodeType.SHARED_REPLICA, null))).isEqualTo("unknown");
        assertThat(FleetTable.group(instance(null, null))).isEqualTo("unknown");
        assertThat(FleetTable.group(instance(dev.graphfleet.config.NodeType.WRITER, null))).isEqualTo("none");
    }

    private static dev.graphfleet.fleet.FleetInstance instance(dev.graphfleet.config.NodeType role, String group) {
        return new dev.graphfleet.fleet.FleetInstance("n-1", role, null, "ready", Health.HEALTHY, null, null, group,
                null, null, null);
    }

    @Test
    void aPoolWithNoDatabaseOpenSaysSoInsteadOfMaxZero() {
        dev.graphfleet.fleet.NodeSummary idle = new dev.graphfleet.fleet.NodeSummary(null, null, null, null,
                new dev.graphfleet.fleet.NodeSummary.PoolUsage(0, 0, 0, 0, 0, 0), java.util.Map.of(), List.of(), List.of());
        assertThat(FleetTable.pool(idle)).isEqualTo("no database open"); // an older node: its maximum is unknown
        dev.graphfleet.fleet.NodeSummary unopened = new dev.graphfleet.fleet.NodeSummary(null, null, null, null,
                new dev.graphfleet.fleet.NodeSummary.PoolUsage(0, 0, 0, 0, 0, 0, 6), java.util.Map.of(), List.of(), List.of());
        assertThat(FleetTable.pool(unopened)).isEqualTo("0 of max 6 per database, none open");
        dev.graphfleet.fleet.NodeSummary busy = new dev.graphfleet.fleet.NodeSummary(null, null, null, null,
                new dev.graphfleet.fleet.NodeSummary.PoolUsage(1, 2, 8, 2, 0, 0), java.util.Map.of(), List.of(), List.of());
        assertThat(FleetTable.pool(busy)).isEqualTo("1 busy, 2 idle, max 8");
    }

    @Test
    void anUnreachableNodeExitsOneAndIsShownWithTheReason() throws Exception {
        try (ScriptedNode replica = ScriptedNode.serving(ScriptedNode.health("ready", "replica-a", "shared_replica"),
                ScriptedNode.resource("replica-metrics.json"));
             SilentNodes hung = new SilentNodes()) {
            String hungUrl = hung.add("hung").toString();

            int code = run("fleet", "status", "--timeout-ms", "300", "--nodes", replica.url() + "," + hungUrl);

            assertThat(code).isEqualTo(1);
            assertThat(out.toString()).contains("industry@v2 sec@v3").contains("86% of 500 GB")
                    .contains("1 attachment failed")
                    .contains("unreachable").contains("no answer within 300 ms")
                    .contains("2 instances: 1 healthy, 1 unreachable");
        }
    }

    @Test
    void jsonIsTheSnapshotAndReadsBack() {
        try (ScriptedNode writer = ScriptedNode.serving(ScriptedNode.health("ready", "writer-1", "writer"),
                ScriptedNode.resource("writer-metrics.json"))) {

            assertThat(run("fleet", "status", "--json", "--nodes", writer.url().toString())).isZero();

            assertThat(out.toString()).contains("\"source_reachable\" : true").contains("\"data_volume\"");
            FleetSnapshot back = FleetJson.read(out.toString());
            assertThat(back.instances()).singleElement().satisfies(i -> {
                assertThat(i.id()).isEqualTo("writer-1");
                assertThat(i.health()).isEqualTo(Health.HEALTHY);
                assertThat(i.node().pool().max()).isEqualTo(6);
            });
        }
    }

    @Test
    void theApiKeyComesFromTheNamedVariableAndAMissingOneIsAUsageError() {
        try (ScriptedNode writer = ScriptedNode.serving(ScriptedNode.health("ready", "w", "writer"), "{}")
                .requireKey("k-123")) {
            FleetStatusCommand.env = name -> name.equals("GRAPH_API_KEY") ? "k-123" : null;

            assertThat(run("fleet", "status", "--api-key-env", "GRAPH_API_KEY", "--nodes", writer.url().toString()))
                    .isZero();
            assertThat(writer.keysSeen).contains("/metrics=k-123");
            assertThat(out.toString()).doesNotContain("k-123");

            assertThat(run("fleet", "status", "--api-key-env", "NOT_SET", "--nodes", writer.url().toString()))
                    .isEqualTo(2);
            assertThat(err.toString()).contains("the environment variable NOT_SET is not set");
        }
    }

    @Test
    void usageErrorsExitTwoNamingTheOption() {
        assertThat(run("fleet", "status")).isEqualTo(2);
        assertThat(err.toString()).contains("--nodes").contains("--aws");
        assertThat(run("fleet", "status", "--nodes", "10.0.0.1:8001")).isEqualTo(2);
        assertThat(err.toString()).contains("--nodes: '10.0.0.1:8001' is not a URL");
        assertThat(run("fleet", "status", "--nodes", "ftp://h:1")).isEqualTo(2);
        assertThat(err.toString()).contains("--nodes: 'ftp://h:1' is not an http(s)://host:port URL");
        assertThat(run("fleet", "status", "--nodes", "http://a:1", "--region", "us-east-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--region goes with --aws, not --nodes");
        assertThat(run("fleet", "status", "--aws")).isEqualTo(2);
        assertThat(err.toString()).contains("--aws needs --env ENV");
        assertThat(run("fleet", "status", "--nodes", "http://u:pw@a:1")).isEqualTo(2);
        assertThat(err.toString()).contains("must not carry credentials").doesNotContain("pw");
        assertThat(run("fleet")).isEqualTo(2);
        assertThat(err.toString()).contains("fleet needs a subcommand");
    }

    @Test
    void statusFromAwsThroughOneEndpoint() {
        String[] props = {"aws.accessKeyId", "aws.secretAccessKey"};
        System.setProperty(props[0], "AKIDEXAMPLE");
        System.setProperty(props[1], "not-a-real-secret");
        try (QueryProtocolServer aws = new QueryProtocolServer()) {
            aws.on("DescribeInstances", AwsXml.describeInstances(null,
                    AwsXml.instance("i-r1", "shared_replica", "m7g.large", "10.0.2.7", "vol-r1", Map.of())));
            aws.on("DescribeVolumes", AwsXml.describeVolumes(Map.of("vol-r1", "snap-new")));
            aws.on("DescribeSnapshots", AwsXml.describeSnapshots(null, AwsXml.snapshot("snap-new", "vol-m1",
                    "completed", true, "2026-11-22T06:00:00.000Z", Map.of("GraphId", "sec", "Environment", "prod"))));
            aws.on("DescribeAutoScalingGroups", AwsXml.describeAutoScalingGroups(null,
                    AwsXml.asg("graphfleet-prod-shared-replicas", "shared-replicas", 1, 1, 4, "$Latest",
                            "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/replicas/0abc",
                            AwsXml.asgMember("i-r1", "InService", "Healthy", "m7g.large"))));
            aws.on("DescribeInstanceRefreshes", AwsXml.noInstanceRefreshes());
            aws.on("DescribeTargetHealth", AwsXml.describeTargetHealth(AwsXml.target("i-r1", "healthy", null, null)));

            int code = run("fleet", "status", "--aws", "--env", "prod", "--region", "us-east-1",
                    "--endpoint", aws.endpoint().toString(), "--no-probe");

            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).startsWith("fleet prod from aws(prod, us-east-1)")
                    .containsPattern("i-r1 +- +shared_replica +shared-replicas +healthy +InService +snap-new")
                    .containsPattern("shared-replicas +ladybug-shared +m7g.large +1/1/4 +1 +1/1 +snap-new +-")
                    .contains("1 instance: 1 healthy");
            assertThat(aws.calls).extracting(QueryProtocolServer.Call::service)
                    .contains("ec2", "autoscaling", "elasticloadbalancing");
        } finally {
            for (String p : props) {
                System.clearProperty(p);
            }
        }
    }

    @Test
    void validateDescribesEachReplicaGroupAsItWouldRun() {
        Path file = EXAMPLES.resolve("production.yml");

        assertThat(run("fleet", "validate", "--config", file.toString())).isZero();

        assertThat(out.toString())
                .contains("replica group shared-replicas: tier ladybug-shared, m7g.large (8 GiB), max_memory_mb 5120,"
                        + " scaling 2/2/10 (min/desired/max), unhealthy after 150 s, snapshots of sec, keep 3")
                .contains("registry: instances in graphfleet-prod-instance-registry, volumes in"
                        + " graphfleet-prod-volume-registry")
                .contains("OK " + file + ": environment prod, 1 replica group, 1 warning");
    }

    @Test
    void validateOfAReplicaThatDoesNotFitItsInstanceExitsTwo() {
        Path file = EXAMPLES.resolve("bad-replica-memory.yml");

        assertThat(run("fleet", "validate", "--config", file.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("replicas.shared-replicas.instance.max_memory_mb")
                .contains("INVALID " + file + ": 1 error");
        assertThat(run("fleet", "validate", "--config", "no-such.yml")).isEqualTo(2);
        assertThat(err.toString()).contains("config file not found: no-such.yml");
    }
}
