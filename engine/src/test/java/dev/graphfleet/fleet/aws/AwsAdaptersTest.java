package dev.graphfleet.fleet.aws;

import static dev.graphfleet.testing.AwsXml.asg;
import static dev.graphfleet.testing.AwsXml.asgMember;
import static dev.graphfleet.testing.AwsXml.instance;
import static dev.graphfleet.testing.AwsXml.snapshot;
import static dev.graphfleet.testing.AwsXml.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.fleet.GroupScaling;
import dev.graphfleet.fleet.InstanceRefresh;
import dev.graphfleet.fleet.TargetHealth;
import dev.graphfleet.fleet.discovery.DiscoveredGroup;
import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.fleet.snapshot.DataSnapshot;
import dev.graphfleet.fleet.snapshot.SnapshotHistory;
import dev.graphfleet.testing.AwsXml;
import dev.graphfleet.testing.QueryProtocolServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * The EC2, Auto Scaling and ELBv2 adapters with the real SDK clients (the versions on the classpath)
 * against a loopback endpoint speaking the AWS Query protocol: what the SDK sends is checked, and
 * answers shaped like the services' are parsed.
 */
class AwsAdaptersTest {

    static final String TG = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/replicas/0123456789abcdef";

    private static QueryProtocolServer server;
    private static Ec2Client ec2;
    private static AutoScalingClient autoScaling;
    private static ElasticLoadBalancingV2Client elb;

    @BeforeAll
    static void start() {
        server = new QueryProtocolServer();
        AwsSettings settings = AwsSettings.of("us-east-1", null, server.endpoint())
                .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")));
        ec2 = AwsClients.ec2(settings);
        autoScaling = AwsClients.autoScaling(settings);
        elb = AwsClients.elb(settings);
    }

    @AfterAll
    static void stop() {
        ec2.close();
        autoScaling.close();
        elb.close();
        server.close();
    }

    @BeforeEach
    void clear() {
        server.calls.clear();
    }

    @Test
    void ec2InstancesByTagsAcrossPages() {
        server.on("DescribeInstances", call -> QueryProtocolServer.Answer.ok(call.params().containsKey("NextToken")
                ? AwsXml.describeInstances(null, instance("i-0b", "shared_replica", "m7g.large", "10.0.2.7", "vol-0b",
                        Map.of("Environment", "prod")))
                : AwsXml.describeInstances("page-2", instance("i-0a", "writer", "r7g.large", "10.0.1.5", "vol-0a",
                        Map.of("Environment", "prod", "Service", "graphfleet")))));

        List<DiscoveredInstance> found = new Ec2Inventory(ec2).instances("prod", "graphfleet");

        assertThat(found).extracting(DiscoveredInstance::id).containsExactly("i-0a", "i-0b");
        DiscoveredInstance writer = found.get(0);
        assertThat(writer.role()).isEqualTo("writer");
        assertThat(writer.instanceType()).isEqualTo("r7g.large");
        assertThat(writer.privateIp()).isEqualTo("10.0.1.5");
        assertThat(writer.state()).isEqualTo("running");
        assertThat(writer.dataVolumeId()).isEqualTo("vol-0a"); // /dev/xvdf, not the root volume
        assertThat(writer.launchedAt()).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
        assertThat(writer.tags()).containsEntry("Service", "graphfleet");

        List<QueryProtocolServer.Call> calls = server.calls("DescribeInstances");
        assertThat(calls).hasSize(2);
        QueryProtocolServer.Call first = calls.get(0);
        assertThat(first.service()).isEqualTo("ec2");
        assertThat(first.contentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(first.params()).containsEntry("Version", "2016-11-15")
                .containsEntry("Filter.1.Name", "tag:Environment").containsEntry("Filter.1.Value.1", "prod")
                .containsEntry("Filter.2.Name", "tag:LadybugRole")
                .containsEntry("Filter.3.Name", "instance-state-name").containsEntry("Filter.3.Value.1", "running")
                .containsEntry("Filter.4.Name", "tag:Service").containsEntry("Filter.4.Value.1", "graphfleet");
        assertThat(first.list("Filter.2.Value")).containsExactly("writer", "shared_master", "shared_replica");
        assertThat(calls.get(1).params()).containsEntry("NextToken", "page-2");
    }

    @Test
    void volumeSnapshotsInBatchesByFilter() {
        server.on("DescribeVolumes", call -> QueryProtocolServer.Answer.ok(AwsXml.describeVolumes(
                call.list("Filter.1.Value").stream().filter(v -> !v.equals("vol-gone"))
                        .collect(java.util.stream.Collectors.toMap(v -> v, v -> v.equals("vol-empty") ? "" : "snap-" + v)))));
        List<String> ids = new java.util.ArrayList<>(IntStream.range(0, 250).mapToObj(i -> "vol-" + i).toList());
        ids.add("vol-gone");
        ids.add("vol-empty");

        Map<String, String> snapshots = new Ec2Inventory(ec2).volumeSnapshots(ids);

        assertThat(snapshots).hasSize(251).containsEntry("vol-7", "snap-vol-7").containsEntry("vol-empty", "")
                .doesNotContainKey("vol-gone");
        List<QueryProtocolServer.Call> calls = server.calls("DescribeVolumes");
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).params()).containsEntry("Filter.1.Name", "volume-id");
        assertThat(calls.get(0).list("Filter.1.Value")).hasSize(Ec2Inventory.VOLUME_BATCH);
    }

    @Test
    void snapshotsByTagsOwnedByThisAccount() {
        Map<String, String> sec = Map.of("GraphId", "sec", "Environment", "prod");
        server.on("DescribeSnapshots", AwsXml.describeSnapshots(null,
                snapshot("snap-01", "vol-m", "completed", true, "2026-11-15T06:00:00.000Z", sec),
                snapshot("snap-02", "vol-m", "completed", false, "2026-11-22T06:00:00.000Z", sec),
                snapshot("snap-03", "vol-m", "pending", true, "2026-11-22T07:00:00.000Z", sec)));

        List<DataSnapshot> snapshots = new Ec2Inventory(ec2).snapshots("prod", "sec");

        assertThat(snapshots).extracting(DataSnapshot::id).containsExactly("snap-01", "snap-02", "snap-03");
        DataSnapshot first = snapshots.get(0);
        assertThat(first.state()).isEqualTo(DataSnapshot.State.COMPLETED);
        assertThat(first.encrypted()).isTrue();
        assertThat(first.volumeSizeGb()).isEqualTo(500);
        assertThat(first.startedAt()).isEqualTo(Instant.parse("2026-11-15T06:00:00Z"));
        assertThat(first.tags()).containsEntry("GraphId", "sec");
        assertThat(snapshots.get(2).state()).isEqualTo(DataSnapshot.State.PENDING);
        assertThat(snapshots.get(2).progress()).isEqualTo("42%");
        // the latest completed one is not encrypted: refused, not skipped
        assertThat(SnapshotHistory.of(snapshots, "sec", "prod").latest().isChosen()).isFalse();

        QueryProtocolServer.Call call = server.calls("DescribeSnapshots").get(0);
        assertThat(call.params()).containsEntry("Owner.1", "self")
                .containsEntry("Filter.1.Name", "tag:Environment").containsEntry("Filter.1.Value.1", "prod")
                .containsEntry("Filter.2.Name", "tag:GraphId").containsEntry("Filter.2.Value.1", "sec");
    }

    @Test
    void ec2ErrorsArriveAsServiceExceptionsWithTheCode() {
        server.on("DescribeInstances", call -> QueryProtocolServer.ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation."));

        assertThatThrownBy(() -> new Ec2Inventory(ec2).instances("prod", null))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
                    assertThat(AwsErrors.describe("EC2 DescribeInstances", e)).isEqualTo("EC2 DescribeInstances failed:"
                            + " UnauthorizedOperation: You are not authorized to perform this operation. (HTTP 403)");
                });
    }

    @Test
    void autoScalingGroupsByTagsWithMembersScalingTargetGroupsAndTemplateVersion() {
        server.on("DescribeAutoScalingGroups", call -> QueryProtocolServer.Answer.ok(call.params().containsKey("NextToken")
                ? AwsXml.describeAutoScalingGroups(null, asg("graphfleet-prod-other", null, 0, 0, 2, "$Latest", null))
                : AwsXml.describeAutoScalingGroups("next-1", asg("graphfleet-prod-shared-replicas", "shared-replicas",
                        2, 3, 10, "7", TG,
                        asgMember("i-r1", "InService", "Healthy", "m7g.large"),
                        asgMember("i-r2", "Pending", "Healthy", "m7g.large")))));

        List<AutoScalingInventory.Found> found = new AutoScalingInventory(autoScaling).replicaGroups("prod", null);

        assertThat(found).hasSize(2);
        DiscoveredGroup g = found.get(0).group();
        assertThat(g.name()).isEqualTo("shared-replicas");
        assertThat(g.autoScalingGroup()).isEqualTo("graphfleet-prod-shared-replicas");
        assertThat(g.tier()).isEqualTo("ladybug-shared");
        assertThat(g.scaling()).isEqualTo(new GroupScaling(2, 3, 10));
        assertThat(g.launchTemplateVersion()).isEqualTo("7");
        assertThat(g.members()).containsExactly(
                new DiscoveredGroup.Member("i-r1", "InService", "Healthy", "m7g.large"),
                new DiscoveredGroup.Member("i-r2", "Pending", "Healthy", "m7g.large"));
        assertThat(found.get(0).targetGroupArns()).containsExactly(TG);
        assertThat(found.get(1).group().name()).isEqualTo("graphfleet-prod-other"); // no ReplicaGroup tag: ASG name

        List<QueryProtocolServer.Call> calls = server.calls("DescribeAutoScalingGroups");
        assertThat(calls.get(0).service()).isEqualTo("autoscaling");
        assertThat(calls.get(0).params()).containsEntry("Version", "2011-01-01")
                .containsEntry("Filters.member.1.Name", "tag:Environment")
                .containsEntry("Filters.member.1.Values.member.1", "prod")
                .containsEntry("Filters.member.2.Name", "tag:LadybugRole")
                .containsEntry("Filters.member.2.Values.member.1", "shared_replica");
        assertThat(calls.get(1).params()).containsEntry("NextToken", "next-1");
    }

    @Test
    void latestInstanceRefresh() {
        server.on("DescribeInstanceRefreshes", call -> QueryProtocolServer.Answer.ok(
                call.params().get("AutoScalingGroupName").equals("never-refreshed") ? AwsXml.noInstanceRefreshes()
                        : AwsXml.describeInstanceRefreshes("08b91cf7-8fa6-48af-b6a6-d227f40f1b9b", "InProgress", 50,
                                "Waiting for instances to warm up before continuing.")));
        AutoScalingInventory inventory = new AutoScalingInventory(autoScaling);

        InstanceRefresh refresh = inventory.latestRefresh("graphfleet-prod-shared-replicas").orElseThrow();

        assertThat(refresh).isEqualTo(new InstanceRefresh("08b91cf7-8fa6-48af-b6a6-d227f40f1b9b", "InProgress", 50,
                Instant.parse("2026-11-22T06:00:00Z"), null, "Waiting for instances to warm up before continuing."));
        assertThat(refresh.isActive()).isTrue();
        assertThat(inventory.latestRefresh("never-refreshed")).isEmpty();
        assertThat(server.calls("DescribeInstanceRefreshes").get(0).params())
                .containsEntry("AutoScalingGroupName", "graphfleet-prod-shared-replicas").containsEntry("MaxRecords", "1");
    }

    @Test
    void targetHealthOfATargetGroup() {
        server.on("DescribeTargetHealth", AwsXml.describeTargetHealth(
                target("i-r1", "healthy", null, null),
                target("i-r2", "unhealthy", "Target.ResponseCodeMismatch", "Health checks failed with these codes: [503]"),
                target("i-r3", "initial", "Elb.RegistrationInProgress", "Target registration is in progress"),
                target("i-r4", "draining", "Target.DeregistrationInProgress", null)));

        Map<String, TargetHealth> health = new TargetHealthReader(elb).health(TG);

        assertThat(health).containsEntry("i-r1", TargetHealth.of(TargetHealth.State.HEALTHY))
                .containsEntry("i-r2", new TargetHealth(TargetHealth.State.UNHEALTHY, "Target.ResponseCodeMismatch",
                        "Health checks failed with these codes: [503]"));
        assertThat(health.get("i-r3").state()).isEqualTo(TargetHealth.State.INITIAL);
        assertThat(health.get("i-r4").state()).isEqualTo(TargetHealth.State.DRAINING);
        QueryProtocolServer.Call call = server.calls("DescribeTargetHealth").get(0);
        assertThat(call.service()).isEqualTo("elasticloadbalancing");
        assertThat(call.params()).containsEntry("Version", "2015-12-01").containsEntry("TargetGroupArn", TG);
    }

    @Test
    void targetHealthOfSeveralGroupsKeepsTheWorstState() {
        Map<String, TargetHealth> merged = TargetHealthReader.merge(
                Map.of("i-1", TargetHealth.of(TargetHealth.State.HEALTHY), "i-2", TargetHealth.of(TargetHealth.State.DRAINING)),
                Map.of("i-1", TargetHealth.of(TargetHealth.State.UNHEALTHY), "i-2", TargetHealth.of(TargetHealth.State.HEALTHY),
                        "i-3", TargetHealth.of(TargetHealth.State.HEALTHY)));
        assertThat(merged).containsEntry("i-1", TargetHealth.of(TargetHealth.State.UNHEALTHY))
                .containsEntry("i-2", TargetHealth.of(TargetHealth.State.DRAINING))
                .containsEntry("i-3", TargetHealth.of(TargetHealth.State.HEALTHY));
    }

    @Test
    void missingCredentialsAreOneLineSayingWhatToDo() {
        String chainMessage = "Unable to load credentials from any of the providers in the chain"
                + " AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(), ...])";
        assertThat(AwsErrors.describe("EC2 DescribeInstances",
                software.amazon.awssdk.core.exception.SdkClientException.create(chainMessage)))
                .isEqualTo("EC2 DescribeInstances failed: no AWS credentials found; pass --profile P (or set"
                        + " AWS_PROFILE), export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or run where an instance"
                        + " or task role is available");
    }

    @Test
    void settingsRefuseBadRegionsAndEndpointsWithCredentials() {
        assertThatThrownBy(() -> AwsSettings.of("US East", null, null)).hasMessageContaining("us-east-1");
        assertThatThrownBy(() -> AwsSettings.of(null, null, java.net.URI.create("http://AKID:secret@127.0.0.1:1")))
                .hasMessageContaining("must not carry credentials").hasMessageNotContaining("secret");
    }
}
