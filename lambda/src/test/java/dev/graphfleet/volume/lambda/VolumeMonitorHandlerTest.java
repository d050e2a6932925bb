package dev.graphfleet.volume.lambda;

import static dev.graphfleet.volume.lambda.MonitorRequestTest.event;
import static dev.graphfleet.volume.lambda.MonitorRequestTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.testing.FakeCloudWatch;
import dev.graphfleet.testing.FakeEc2;
import dev.graphfleet.testing.FakeNodes;
import dev.graphfleet.testing.FakeSsm;
import dev.graphfleet.testing.QueryProtocolServer;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.volume.VolumePlanner;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.alert.AlertComposer;
import dev.graphfleet.volume.aws.CloudWatchAgentDiskMetrics;
import dev.graphfleet.volume.aws.CloudWatchMonitorMetrics;
import dev.graphfleet.volume.aws.Ec2SsmVolumeActions;
import dev.graphfleet.volume.aws.SnsAlertPublisher;
import dev.graphfleet.volume.monitor.HttpInstanceVolumeReader;
import dev.graphfleet.volume.monitor.MonitorOptions;
import dev.graphfleet.volume.monitor.MonitorSink;
import dev.graphfleet.volume.monitor.NodeReadOptions;
import dev.graphfleet.volume.monitor.RetryDelay;
import dev.graphfleet.volume.monitor.VolumeMonitor;
import dev.graphfleet.volume.monitor.WatchedInstance;
import dev.graphfleet.volume.ops.VolumeOperations;
import dev.graphfleet.volume.registry.InMemoryVolumeRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The handler end to end: recorded events in, the real monitor and planner deciding, nodes on loopback HTTP,
 * EC2/SSM/CloudWatch/SNS through the SDK against loopback endpoints, the registry in memory. Time is a clock the
 * test moves; nothing sleeps.
 */
class VolumeMonitorHandlerTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:graphfleet-prod-volume-alerts";

    final SettableClock clock = new SettableClock(T0);
    final StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("f", "f"));
    final List<WatchedInstance> fleet = new ArrayList<>();
    final AtomicInteger built = new AtomicInteger();
    FakeNodes nodes;
    FakeEc2 ec2Endpoint;
    FakeSsm ssmEndpoint;
    FakeCloudWatch cloudWatchEndpoint;
    QueryProtocolServer snsEndpoint;
    Ec2Client ec2;
    SsmClient ssm;
    CloudWatchClient cloudWatch;
    SnsClient sns;
    InMemoryVolumeRegistry registry;
    VolumeMonitorHandler handler;

    @BeforeEach
    void start() throws Exception {
        nodes = new FakeNodes(null, 4);
        ec2Endpoint = new FakeEc2();
        ssmEndpoint = new FakeSsm();
        ssmEndpoint.willReport("Success", "");
        cloudWatchEndpoint = new FakeCloudWatch();
        snsEndpoint = new QueryProtocolServer().on("Publish", MonitorSinksPublished.XML);
        ec2 = Ec2Client.builder().endpointOverride(ec2Endpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(creds).build();
        ssm = SsmClient.builder().endpointOverride(ssmEndpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(creds).build();
        cloudWatch = CloudWatchClient.builder().endpointOverride(cloudWatchEndpoint.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(creds).build();
        sns = SnsClient.builder().endpointOverride(snsEndpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(creds).build();
        registry = new InMemoryVolumeRegistry();
        handler = new VolumeMonitorHandler(this::services);
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {ec2, ssm, cloudWatch, sns, nodes, ec2Endpoint, ssmEndpoint,
                cloudWatchEndpoint, snsEndpoint}) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing loopback test servers
            }
        }
    }

    /** What LambdaServices builds from the environment, with loopback endpoints instead of AWS. */
    HandlerServices services() {
        built.incrementAndGet();
        Ec2SsmVolumeActions actions = new Ec2SsmVolumeActions(ec2, ssm, Ec2SsmVolumeActions.Options.defaults(),
                d -> clock.advance(d));
        AlertComposer composer = new AlertComposer("prod");
        SnsAlertPublisher alerts = new SnsAlertPublisher(sns, TOPIC, composer);
        MonitorOptions options = MonitorOptions.defaults().withMonitorId("lambda:prod:test")
                .withModificationWait(Duration.ZERO, Duration.ofSeconds(10));
        VolumeMonitor monitor = VolumeMonitor.builder(VolumePolicy.defaults(), new HttpInstanceVolumeReader(
                        HttpClient.newHttpClient(), new NodeReadOptions(Duration.ofSeconds(5), 2, Duration.ZERO), null,
                        RetryDelay.system()))
                .cloudWatch(new CloudWatchAgentDiskMetrics(cloudWatch, clock, CloudWatchAgentDiskMetrics.Options.defaults()))
                .actions(actions)
                .registry(registry)
                .clock(clock)
                .sleeper(d -> clock.advance(d))
                .options(options)
                .sink(MonitorSink.all(List.of(new CloudWatchMonitorMetrics(cloudWatch, "Graphfleet/Volumes", "prod"),
                        alerts)))
                .build();
        VolumeOperations operations = new VolumeOperations(new VolumePlanner(VolumePolicy.defaults()), actions, actions,
                registry, clock, options.monitorId(), options.lockTtl());
        return new HandlerServices(monitor, () -> List.copyOf(fleet), operations, composer, alerts::send);
    }

    /** A writer whose node reports {@code usedGb} of a filesystem that fills its {@code sizeGb} data volume. */
    FakeEc2.Volume writer(String instanceId, int sizeGb, double usedGb) {
        fleet.add(new WatchedInstance(instanceId, "writer", nodes.add(instanceId, sizeGb, usedGb), "/mnt/lbug-data"));
        return ec2Endpoint.attach("vol-" + instanceId, instanceId, "/dev/xvdf", sizeGb);
    }

    List<Map<String, String>> modifyRequests() {
        return ec2Endpoint.requests().stream().filter(r -> "ModifyVolume".equals(r.get("Action"))).toList();
    }

    List<String> snsSubjects() {
        return snsEndpoint.calls("Publish").stream().map(c -> c.params().get("Subject")).toList();
    }

    @Test
    void aScheduledRunExpandsAFullVolumeAndTellsSnsAndCloudWatch() {
        writer("i-0writer", 100, 85);

        Map<String, Object> reply = handler.handleRequest(event("scheduled-event.json"), null);

        assertThat(reply).containsEntry("statusCode", 200).containsEntry("action", "monitor_all")
                .containsEntry("alarm", false).containsEntry("instances_checked", 1)
                .containsEntry("volumes_expanded", 1L).containsEntry("ok", true);
        assertThat(reply.get("results")).asList().singleElement().asString()
                .contains("instance_id=i-0writer").contains("volume_id=vol-i-0writer")
                .contains("outcome=expansion_pending");
        assertThat(modifyRequests()).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("VolumeId", "vol-i-0writer").containsEntry("Size", "150"));
        assertThat(registry.find("vol-i-0writer").orElseThrow().lastModificationAt()).isEqualTo(T0);
        assertThat(snsSubjects()).containsExactly("[prod] Graphfleet volumes: 1 volume expanded");
        JsonNode metrics = cloudWatchEndpoint.putMetricDataRequests().get(0);
        assertThat(metrics.path("MetricData").get(2).path("MetricName").asText()).isEqualTo("VolumesExpanded");
        assertThat(metrics.path("MetricData").get(2).path("Value").asDouble()).isEqualTo(1.0);
    }

    @Test
    void anAlarmExpandsAt75PercentWhereTheScheduleDoesNot() {
        writer("i-0writer", 100, 75);

        Map<String, Object> scheduled = handler.handleRequest(event("scheduled-event.json"), null);
        assertThat(scheduled).containsEntry("volumes_expanded", 0L);
        assertThat(modifyRequests()).isEmpty();

        Map<String, Object> alarm = handler.handleRequest(event("alarm-sns.json"), null);
        assertThat(alarm).containsEntry("statusCode", 200).containsEntry("action", "monitor_instance")
                .containsEntry("alarm", true).containsEntry("trigger", "alarm graphfleet-prod-disk-usage-critical")
                .containsEntry("volumes_expanded", 1L);
        assertThat(modifyRequests()).singleElement().satisfies(r -> assertThat(r).containsEntry("Size", "150"));
        assertThat(built).as("services are built once per container").hasValue(1);
    }

    @Test
    void theEventBridgeAlarmShapeRunsToo() {
        writer("i-0writer", 100, 75);
        writer("i-0other", 200, 20);

        Map<String, Object> reply = handler.handleRequest(event("alarm-action-alarmdata.json"), null);

        assertThat(reply).containsEntry("statusCode", 200).containsEntry("instances_checked", 1)
                .containsEntry("volumes_expanded", 1L);
        Map<String, Object> all = handler.handleRequest(event("alarm-state-change-eventbridge.json"), null);
        assertThat(all).containsEntry("action", "monitor_all").containsEntry("alarm", true)
                .containsEntry("instances_checked", 2);
    }

    @Test
    void anAlarmForAnInstanceOutsideTheFleetIsNotFound() {
        writer("i-0other", 100, 10);
        Map<String, Object> reply = handler.handleRequest(event("alarm-sns.json"), null);
        assertThat(reply).containsEntry("statusCode", 404).containsEntry("field", "instance_id")
                .containsEntry("error", "instance_id: i-0writer is not a running instance of this fleet");
    }

    @Test
    void ignoredAndBadEventsDoNotEvenBuildTheServices() throws Exception {
        assertThat(handler.handleRequest(event("alarm-sns-ok.json"), null)).containsEntry("statusCode", 200)
                .containsEntry("action", "none");
        assertThat(handler.handleRequest(json("{\"action\":\"monitor_instance\"}"), null))
                .containsEntry("statusCode", 400).containsEntry("field", "instance_id");
        assertThat(handler.handleRequest(json("{\"action\":\"resize\"}"), null))
                .containsEntry("statusCode", 400).containsEntry("field", "action");
        assertThat(built).hasValue(0);
    }

    @Test
    void servicesThatCannotBeBuiltGiveA500NamingWhy() throws Exception {
        VolumeMonitorHandler broken = new VolumeMonitorHandler(() -> {
            LambdaSettings.fromEnvironment(Map.of("ENVIRONMENT", "prod"));
            throw new AssertionError("the settings should have been refused");
        });
        Map<String, Object> reply = broken.handleRequest(json("{\"action\":\"monitor_all\"}"), null);
        assertThat(reply).containsEntry("statusCode", 500).containsEntry("action", "monitor_all");
        assertThat((String) reply.get("error")).contains("VOLUME_REGISTRY_TABLE is not set");
    }

    @Test
    void expandVolumeFollowsThePlannersRules() throws Exception {
        writer("i-0writer", 100, 40);

        assertThat(handler.handleRequest(json("{\"action\":\"expand_volume\",\"volume_id\":\"vol-i-0writer\","
                + "\"size_gb\":100}"), null)).containsEntry("statusCode", 400).extractingByKey("error").asString()
                .contains("never shrunk");
        assertThat(handler.handleRequest(json("{\"action\":\"expand_volume\",\"volume_id\":\"vol-i-0writer\","
                + "\"size_gb\":20000}"), null)).containsEntry("statusCode", 400).extractingByKey("error").asString()
                .contains("above the maximum 16384 GB");
        assertThat(handler.handleRequest(json("{\"action\":\"expand_volume\",\"volume_id\":\"vol-nope\","
                + "\"size_gb\":200}"), null)).containsEntry("statusCode", 404);
        assertThat(modifyRequests()).isEmpty();

        Map<String, Object> done = handler.handleRequest(json("{\"action\":\"expand_volume\","
                + "\"volume_id\":\"vol-i-0writer\",\"size_gb\":200}"), null);
        assertThat(done).containsEntry("statusCode", 200).extractingByKey("message").asString()
                .startsWith("requested vol-i-0writer 100 -> 200 GB; the filesystem is grown once");
        assertThat(modifyRequests()).singleElement().satisfies(r -> assertThat(r).containsEntry("Size", "200"));
        assertThat(registry.find("vol-i-0writer").orElseThrow().lastModificationAt()).isEqualTo(T0);

        // EC2 now says modifying; and once it completed, the cooldown still holds
        assertThat(handler.handleRequest(json("{\"action\":\"expand_volume\",\"volume_id\":\"vol-i-0writer\","
                + "\"size_gb\":300}"), null)).containsEntry("statusCode", 400).extractingByKey("error").asString()
                .contains("a modification is in progress (modifying");
        FakeEc2.Volume v = ec2Endpoint.attach("vol-i-0writer", "i-0writer", "/dev/xvdf", 200);
        v.modificationState = "completed";
        v.modificationStart = T0;
        clock.advance(Duration.ofHours(1));
        assertThat(handler.handleRequest(json("{\"action\":\"expand_volume\",\"volume_id\":\"vol-i-0writer\","
                + "\"size_gb\":300}"), null)).containsEntry("statusCode", 400).extractingByKey("error").asString()
                .contains("modified 1 h ago; EBS allows one modification per 6 h");
        assertThat(modifyRequests()).hasSize(1);
    }

    @Test
    void expandVolumeWaitsForAMonitorHoldingTheVolumesLock() throws Exception {
        writer("i-0writer", 100, 40);
        registry.tryLock("vol-i-0writer", "lambda:prod:other", T0, Duration.ofMinutes(15)).orElseThrow();

        assertThat(handler.handleRequest(json("{\"action\":\"expand_volume\",\"volume_id\":\"vol-i-0writer\","
                + "\"size_gb\":200}"), null)).containsEntry("statusCode", 400).extractingByKey("error").asString()
                .contains("a monitor is expanding this volume right now");
        assertThat(modifyRequests()).isEmpty();
    }

    @Test
    void growFilesystemRunsTheGrowOnAFleetInstanceOnly() throws Exception {
        writer("i-0writer", 100, 40);

        assertThat(handler.handleRequest(json("{\"action\":\"grow_filesystem\",\"instance_id\":\"i-0writer\"}"), null))
                .containsEntry("statusCode", 200).containsEntry("message", "i-0writer: filesystem at /mnt/lbug-data grown");
        assertThat(ssmEndpoint.sentCommands()).singleElement().satisfies(c -> {
            assertThat(c.path("InstanceIds").get(0).asText()).isEqualTo("i-0writer");
            assertThat(c.path("Parameters").path("commands").get(0).asText()).contains("MOUNT='/mnt/lbug-data'");
        });
        assertThat(handler.handleRequest(json("{\"action\":\"grow_filesystem\",\"instance_id\":\"i-0stranger\"}"),
                null)).containsEntry("statusCode", 404);
        assertThat(ssmEndpoint.sentCommands()).hasSize(1);
    }

    @Test
    void fixStuckVolumesGrowsTheFleetsStuckVolumesAndLeavesOthersAlone() throws Exception {
        FakeEc2.Volume stuck = writer("i-0writer", 100, 40);
        stuck.modificationState = "optimizing";
        stuck.modificationStart = T0.minus(Duration.ofHours(2));
        stuck.targetSize = 150;
        FakeEc2.Volume young = writer("i-0young", 100, 40);
        young.modificationState = "optimizing";
        young.modificationStart = T0.minus(Duration.ofMinutes(10));
        FakeEc2.Volume foreign = ec2Endpoint.attach("vol-foreign", "i-0foreign", "/dev/xvdf", 100);
        foreign.modificationState = "optimizing";
        foreign.modificationStart = T0.minus(Duration.ofHours(3));

        Map<String, Object> reply = handler.handleRequest(json("{\"action\":\"fix_stuck_volumes\"}"), null);

        assertThat(reply).containsEntry("statusCode", 200).containsEntry("message", "1 stuck volume(s) fixed");
        assertThat(reply.get("details")).asList().containsExactlyInAnyOrder(
                "fixed vol-i-0writer (optimizing for 2 h, target 150 GB) on i-0writer",
                "skipped vol-foreign (optimizing for 3 h, target 0 GB): i-0foreign is not a fleet instance");
        assertThat(ssmEndpoint.sentCommands()).singleElement()
                .satisfies(c -> assertThat(c.path("InstanceIds").get(0).asText()).isEqualTo("i-0writer"));
        assertThat(snsSubjects()).containsExactly("[prod] Graphfleet volumes: stuck volumes fixed: 1");
    }

    /** The SNS Publish reply. */
    static final class MonitorSinksPublished {
        static final String XML = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
                + "<PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>"
                + "<ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>"
                + "</PublishResponse>";
    }
}
