package dev.graphfleet.fleet.aws;

import static dev.graphfleet.testing.AwsXml.asg;
import static dev.graphfleet.testing.AwsXml.asgMember;
import static dev.graphfleet.testing.AwsXml.instance;
import static dev.graphfleet.testing.AwsXml.snapshot;
import static dev.graphfleet.testing.AwsXml.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.DataVersion;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.GroupScaling;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.ReplicaGroup;
import dev.graphfleet.fleet.TargetHealth;
import dev.graphfleet.fleet.nodes.NodeProbe;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.fleet.refresh.Member;
import dev.graphfleet.fleet.refresh.Verification;
import dev.graphfleet.testing.AwsXml;
import dev.graphfleet.testing.DynamoDbLocal;
import dev.graphfleet.testing.QueryProtocolServer;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.ScriptedNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The whole AWS read: EC2, Auto Scaling and ELBv2 on a Query-protocol endpoint, the registry on
 * DynamoDB Local, and the nodes as real HTTP servers on loopback addresses (127.0.0.2, .3, .4 stand
 * for the instances' private IPs, all on one port like the real nodes).
 */
class AwsFleetSourceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final String TG = AwsAdaptersTest.TG;

    private QueryProtocolServer aws;
    private Ec2Client ec2;
    private AutoScalingClient autoScaling;
    private ElasticLoadBalancingV2Client elb;
    private DynamoDbClient dynamo;
    private final List<ScriptedNode> nodes = new ArrayList<>();
    private int nodePort;

    @BeforeEach
    void start() {
        aws = new QueryProtocolServer();
        AwsSettings settings = AwsSettings.of("us-east-1", null, aws.endpoint())
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
        ec2 = AwsClients.ec2(settings);
        autoScaling = AwsClients.autoScaling(settings);
        elb = AwsClients.elb(settings);
        dynamo = DynamoDbLocal.get().client();
    }

    @AfterEach
    void stop() {
        nodes.forEach(ScriptedNode::close);
        ec2.close();
        autoScaling.close();
        elb.close();
        dynamo.close();
        aws.close();
    }

    /** Nodes on 127.0.0.2, .3, … sharing one port; retried when that port is taken on one of them. */
    private void startNodes(String... healthAndMetrics) {
        for (int attempt = 0; attempt < 5; attempt++) {
            nodes.forEach(ScriptedNode::close);
            nodes.clear();
            try {
                for (int i = 0; i < healthAndMetrics.length; i += 2) {
                    ScriptedNode node = new ScriptedNode("127.0.0." + (2 + i / 2), nodes.isEmpty() ? 0 : nodePort);
                    node.answer("/health", 200, healthAndMetrics[i]).answer("/metrics", 200, healthAndMetrics[i + 1]);
                    nodes.add(node);
                    nodePort = node.port();
                }
                return;
            } catch (RuntimeException portTaken) {
                // try another port
            }
        }
        throw new IllegalStateException("no common free port on the loopback addresses");
    }

    private AwsFleetSource source(String registryTable, GraphfleetConfig config, boolean probe) {
        AwsFleetSource.Options options = new AwsFleetSource.Options("prod", null, registryTable, config, probe,
                nodePort, new ProbeOptions(Duration.ofMillis(500), 8, null));
        return new AwsFleetSource(new Ec2Inventory(ec2), new AutoScalingInventory(autoScaling),
                new TargetHealthReader(elb), registryTable == null ? null : new DynamoInstanceRegistry(dynamo, registryTable),
                probe ? NodeProbe.create(options.probe()) : null, options, "aws(prod, us-east-1)",
                new SettableClock(NOW), null);
    }

    private void scriptProdFleet() {
        aws.on("DescribeInstances", AwsXml.describeInstances(null,
                instance("i-w1", "writer", "r7g.large", "127.0.0.2", "vol-w1", Map.of()),
                instance("i-m1", "shared_master", "r7g.xlarge", "127.0.0.3", "vol-m1", Map.of()),
                instance("i-r1", "shared_replica", "m7g.large", "127.0.0.4", "vol-r1", Map.of()),
                instance("i-r2", "shared_replica", "m7g.large", "127.0.0.5", "vol-r2", Map.of())));
        aws.on("DescribeVolumes", AwsXml.describeVolumes(Map.of("vol-w1", "", "vol-m1", "", "vol-r1", "snap-new",
                "vol-r2", "snap-old")));
        Map<String, String> sec = Map.of("GraphId", "sec", "Environment", "prod");
        aws.on("DescribeSnapshots", AwsXml.describeSnapshots(null,
                snapshot("snap-old", "vol-m1", "completed", true, "2026-11-15T06:00:00.000Z", sec),
                snapshot("snap-new", "vol-m1", "completed", true, "2026-11-22T06:00:00.000Z", sec)));
        aws.on("DescribeAutoScalingGroups", AwsXml.describeAutoScalingGroups(null,
                asg("graphfleet-prod-shared-replicas", "shared-replicas", 2, 3, 10, "7", TG,
                        asgMember("i-r1", "InService", "Healthy", "m7g.large"),
                        asgMember("i-r2", "InService", "Healthy", "m7g.large"),
                        asgMember("i-r3", "Pending", "Healthy", "m7g.large"))));
        aws.on("DescribeInstanceRefreshes", AwsXml.describeInstanceRefreshes("rf-1", "InProgress", 50,
                "Waiting for instances to warm up before continuing."));
        aws.on("DescribeTargetHealth", AwsXml.describeTargetHealth(
                target("i-r1", "healthy", null, null),
                target("i-r2", "unhealthy", "Target.Timeout", "Request timed out"),
                target("i-r3", "initial", "Elb.RegistrationInProgress", null)));
    }

    @Test
    void assemblesInstancesGroupsSnapshotsNodeFiguresAndRegistryDrift() throws Exception {
        scriptProdFleet();
        startNodes(ScriptedNode.health("ready", "writer-1", "writer"), ScriptedNode.resource("writer-metrics.json"),
                ScriptedNode.health("ready", "master-1", "shared_master"), "{}",
                ScriptedNode.health("ready", "replica-a", "shared_replica"), ScriptedNode.resource("replica-metrics.json"));
        // i-r2 at 127.0.0.5 has no node listening: connection refused
        String table = DynamoDbLocal.get().createTable(dynamo, "instance-registry", "instance_id");
        DynamoInstanceRegistryTest.register(dynamo, table, "i-w1", "writer", "healthy", "127.0.0.2", Map.of());
        DynamoInstanceRegistryTest.register(dynamo, table, "i-m1", "shared_master", "healthy", "127.0.0.3", Map.of());
        DynamoInstanceRegistryTest.register(dynamo, table, "i-r1", "shared_replica", "healthy", "127.0.0.4", Map.of());
        DynamoInstanceRegistryTest.register(dynamo, table, "i-gone", "shared_replica", "healthy", "10.0.9.9", Map.of());
        GraphfleetConfig config = GraphfleetConfig.load(Path.of("..", "docs", "examples", "production.yml"));

        FleetSnapshot fleet = source(table, config, true).snapshot();

        assertThat(fleet.sourceReachable()).isTrue();
        assertThat(fleet.environment()).isEqualTo("prod");
        assertThat(fleet.takenAt()).isEqualTo(NOW);
        assertThat(fleet.instances()).extracting(FleetInstance::id).containsExactly("i-w1", "i-m1", "i-r1", "i-r2", "i-r3");
        assertThat(fleet.instances()).extracting(FleetInstance::health).containsExactly(
                Health.HEALTHY, Health.HEALTHY, Health.HEALTHY, Health.UNREACHABLE, Health.UNHEALTHY);
        assertThat(fleet.writers()).singleElement().satisfies(w -> {
            assertThat(w.endpoint().toString()).isEqualTo("http://127.0.0.2:" + nodePort);
            assertThat(w.node().dataVolume().usage()).isEqualTo(0.42);
            assertThat(w.dataVersion()).isNull(); // an empty data volume and no repositories
            assertThat(w.instanceType()).isEqualTo("r7g.large");
        });
        FleetInstance r1 = fleet.instance("i-r1").orElseThrow();
        assertThat(r1.role()).isEqualTo(NodeType.SHARED_REPLICA);
        assertThat(r1.group()).isEqualTo("shared-replicas");
        assertThat(r1.state()).isEqualTo("InService");
        assertThat(r1.dataVersion()).isEqualTo(new DataVersion("snap-new", Instant.parse("2026-11-22T06:00:00Z"),
                Duration.ofHours(6)));
        assertThat(r1.node().attachmentPhases()).containsEntry("attached", 1);
        assertThat(fleet.instance("i-r2").orElseThrow().healthDetail()).contains("connection refused");
        assertThat(fleet.instance("i-r3").orElseThrow().healthDetail()).isEqualTo("Auto Scaling lifecycle Pending");

        ReplicaGroup group = fleet.replicaGroup("shared-replicas").orElseThrow();
        assertThat(group.autoScalingGroup()).isEqualTo("graphfleet-prod-shared-replicas");
        assertThat(group.tier()).isEqualTo("ladybug-shared");
        assertThat(group.instanceType()).isEqualTo("m7g.large");
        assertThat(group.scaling()).isEqualTo(new GroupScaling(2, 3, 10));
        assertThat(group.instanceIds()).containsExactly("i-r1", "i-r2", "i-r3");
        assertThat(group.versions()).containsExactly(Map.entry("i-r1", "snap-new"), Map.entry("i-r2", "snap-old"));
        assertThat(group.targetHealth().get("i-r2")).isEqualTo(new TargetHealth(TargetHealth.State.UNHEALTHY,
                "Target.Timeout", "Request timed out"));
        assertThat(group.servingCount()).isEqualTo(1);
        assertThat(group.launchTemplateVersion()).isEqualTo("7");
        assertThat(group.refresh().status()).isEqualTo("InProgress");

        Verification v = Verification.of(Member.of(fleet, group), "snap-new", group.scaling().desired());
        assertThat(v.ok()).isFalse();
        assertThat(v.offTarget()).containsOnly(Map.entry("i-r2", "snap-old"));

        assertThat(fleet.warnings()).containsExactlyInAnyOrder(
                "the registry " + table + " lists i-gone (shared_replica) as healthy, but no running instance has that"
                        + " id: a stale registration",
                "i-r2 (shared_replica) is running but not in the registry " + table);
    }

    @Test
    void withoutProbingHealthComesFromTheLoadBalancer() {
        scriptProdFleet();

        FleetSnapshot fleet = source(null, null, false).snapshot();

        assertThat(fleet.instance("i-r1").orElseThrow().health()).isEqualTo(Health.HEALTHY);
        FleetInstance r2 = fleet.instance("i-r2").orElseThrow();
        assertThat(r2.health()).isEqualTo(Health.UNHEALTHY);
        assertThat(r2.healthDetail()).isEqualTo("load balancer: unhealthy (Target.Timeout)");
        FleetInstance w1 = fleet.instance("i-w1").orElseThrow();
        assertThat(w1.health()).isEqualTo(Health.UNKNOWN);
        assertThat(w1.healthDetail()).isEqualTo("not probed (--no-probe)");
        assertThat(fleet.warnings()).isEmpty();
        assertThat(fleet.replicaGroup("shared-replicas").orElseThrow().instanceType()).isEqualTo("m7g.large");
    }

    @Test
    void aNodeThatIsReadyButOutOfTheLoadBalancerIsUnhealthy() {
        scriptProdFleet();
        startNodes("{\"status\":\"ready\"}", "{}", "{\"status\":\"ready\"}", "{}", "{\"status\":\"ready\"}", "{}",
                "{\"status\":\"ready\"}", "{}");

        FleetSnapshot fleet = source(null, null, true).snapshot();

        FleetInstance r2 = fleet.instance("i-r2").orElseThrow();
        assertThat(r2.health()).isEqualTo(Health.UNHEALTHY);
        assertThat(r2.healthDetail()).isEqualTo("the node is ready but the load balancer says unhealthy (Target.Timeout)");
    }

    @Test
    void failingPartsBecomeWarningsAndAFailedInstanceListingMakesTheSourceUnreachable() {
        scriptProdFleet();
        aws.on("DescribeAutoScalingGroups", call -> QueryProtocolServer.queryError(403, AwsXml.ASG_NS, "AccessDenied",
                "User: arn:aws:iam::123456789012:user/ops is not authorized to perform: autoscaling:DescribeAutoScalingGroups"));
        aws.on("DescribeVolumes", call -> QueryProtocolServer.ec2Error(503, "Unavailable", "The service is unavailable."));
        String missingTable = "graphfleet-prod-instance-registry-missing";

        FleetSnapshot partial = source(missingTable, null, false).snapshot();

        assertThat(partial.sourceReachable()).isTrue();
        assertThat(partial.instances()).hasSize(4);
        assertThat(partial.replicaGroups()).isEmpty();
        assertThat(partial.warnings()).hasSize(3);
        assertThat(partial.warnings().get(0)).startsWith("Auto Scaling DescribeAutoScalingGroups failed: AccessDenied:");
        assertThat(partial.warnings().get(1)).startsWith("EC2 DescribeVolumes failed: Unavailable:");
        assertThat(partial.warnings().get(2)).startsWith("DynamoDB Scan of " + missingTable + " failed:"
                + " ResourceNotFoundException");

        aws.on("DescribeInstances", call -> QueryProtocolServer.ec2Error(401, "AuthFailure",
                "AWS was not able to validate the provided access credentials"));
        FleetSnapshot none = source(null, null, false).snapshot();
        assertThat(none.sourceReachable()).isFalse();
        assertThat(none.sourceError()).isEqualTo("EC2 DescribeInstances failed: AuthFailure: AWS was not able to"
                + " validate the provided access credentials (HTTP 401)");
        assertThat(none.instances()).isEmpty();
    }
}
