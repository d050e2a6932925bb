package dev.graphfleet.volume.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.testing.FakeCloudWatch;
import dev.graphfleet.testing.QueryProtocolServer;
import dev.graphfleet.testing.QueryProtocolServer.Answer;
import dev.graphfleet.volume.alert.AlertComposer;
import dev.graphfleet.volume.monitor.InstanceReport;
import dev.graphfleet.volume.monitor.MetricsSource;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.MonitorSink;
import dev.graphfleet.volume.monitor.Outcome;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The SNS and CloudWatch sinks through the SDK against loopback endpoints speaking each wire protocol. */
class MonitorSinksTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:graphfleet-volume-alerts";
    static final String PUBLISHED = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
            + "<PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>"
            + "<ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>"
            + "</PublishResponse>";

    final StaticCredentialsProvider creds = StaticCredentialsProvider.create(AwsBasicCredentials.create("f", "f"));
    QueryProtocolServer snsEndpoint;
    SnsClient sns;
    FakeCloudWatch cloudWatchEndpoint;
    CloudWatchClient cloudWatch;

    @BeforeEach
    void start() throws Exception {
        snsEndpoint = new QueryProtocolServer();
        sns = SnsClient.builder().endpointOverride(snsEndpoint.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(creds).build();
        cloudWatchEndpoint = new FakeCloudWatch();
        cloudWatch = CloudWatchClient.builder().endpointOverride(cloudWatchEndpoint.endpoint())
                .region(Region.US_EAST_1).credentialsProvider(creds).build();
    }

    @AfterEach
    void stop() {
        sns.close();
        snsEndpoint.close();
        cloudWatch.close();
        cloudWatchEndpoint.close();
    }

    static MonitorReport reportWithErrors(int errors, int expanded) {
        List<InstanceReport> rows = new ArrayList<>();
        for (int i = 0; i < errors; i++) {
            rows.add(new InstanceReport(new WatchedInstance("i-err" + i, "writer", null, null), MetricsSource.NONE, null,
                    null, null, 0, null, Outcome.FAILED, "", "no metrics: node: refused"));
        }
        for (int i = 0; i < expanded; i++) {
            rows.add(new InstanceReport(new WatchedInstance("i-exp" + i, "writer", null, null), MetricsSource.CLOUDWATCH,
                    null, "node: timeout", "vol-" + i, 100, null, Outcome.EXPANDED, "requested 100 -> 150 GB", null));
        }
        return new MonitorReport(T0, Duration.ofSeconds(2), false, false, rows);
    }

    @Test
    void snsPublishesEachMessageAsAnAwsQueryPublish() {
        snsEndpoint.on("Publish", PUBLISHED);
        SnsAlertPublisher publisher = new SnsAlertPublisher(sns, TOPIC, new AlertComposer("prod"));

        publisher.publish(reportWithErrors(12, 1));

        List<QueryProtocolServer.Call> calls = snsEndpoint.calls("Publish");
        assertThat(calls).hasSize(2);
        assertThat(calls).allSatisfy(c -> {
            assertThat(c.service()).isEqualTo("sns");
            assertThat(c.contentType()).startsWith("application/x-www-form-urlencoded");
            assertThat(c.params()).containsEntry("TopicArn", TOPIC).containsEntry("Version", "2010-03-31");
        });
        assertThat(calls.get(0).params().get("Subject")).isEqualTo("[prod] Graphfleet volumes: 1 volume expanded");
        assertThat(calls.get(1).params().get("Subject")).isEqualTo("[prod] Graphfleet volumes: 12 errors");
        assertThat(calls.get(1).params().get("Message")).contains("- i-err9 (writer)").doesNotContain("i-err10")
                .endsWith("... and 2 more\n");
    }

    @Test
    void aFailedPublishIsLoggedAndTheOthersAreStillSent() {
        AtomicInteger n = new AtomicInteger();
        snsEndpoint.on("Publish", call -> n.incrementAndGet() == 1
                ? QueryProtocolServer.queryError(404, "http://sns.amazonaws.com/doc/2010-03-31/", "NotFound",
                        "Topic does not exist")
                : Answer.ok(PUBLISHED));
        SnsAlertPublisher publisher = new SnsAlertPublisher(sns, TOPIC, new AlertComposer("prod"));

        int sent = publisher.send(new AlertComposer("prod").compose(reportWithErrors(1, 1)));

        assertThat(sent).isEqualTo(1);
        assertThat(snsEndpoint.calls("Publish")).hasSize(2);
    }

    @Test
    void aTopicThatIsNotAnArnIsRefused() {
        assertThatThrownBy(() -> new SnsAlertPublisher(sns, "graphfleet-alerts", new AlertComposer("prod")))
                .hasMessageContaining("SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
    }

    @Test
    void cloudWatchReceivesTheRunsFiguresInOnePutMetricData() {
        new CloudWatchMonitorMetrics(cloudWatch, CloudWatchMonitorMetrics.DEFAULT_NAMESPACE, "prod")
                .publish(reportWithErrors(2, 3));

        assertThat(cloudWatchEndpoint.operations()).containsExactly("PutMetricData");
        JsonNode request = cloudWatchEndpoint.putMetricDataRequests().get(0);
        assertThat(request.path("Namespace").asText()).isEqualTo("Graphfleet/Volumes");
        List<String> seen = new ArrayList<>();
        for (JsonNode d : request.path("MetricData")) {
            seen.add(d.path("MetricName").asText() + "=" + d.path("Value").asDouble());
            assertThat(d.path("Unit").asText()).isEqualTo("Count");
            assertThat(d.path("Timestamp").asLong()).isEqualTo(T0.getEpochSecond());
            assertThat(d.path("Dimensions").get(0).path("Name").asText()).isEqualTo("Environment");
            assertThat(d.path("Dimensions").get(0).path("Value").asText()).isEqualTo("prod");
        }
        assertThat(seen).containsExactly("VolumeMonitorExecutions=1.0", "InstancesMonitored=5.0",
                "VolumesExpanded=3.0", "VolumeMonitorErrors=2.0", "CloudWatchFallbacks=3.0");
    }

    @Test
    void theNamespaceIsConfigurableAndValidated() {
        new CloudWatchMonitorMetrics(cloudWatch, "Acme/Graph/staging", null).publish(reportWithErrors(0, 0));
        JsonNode request = cloudWatchEndpoint.putMetricDataRequests().get(0);
        assertThat(request.path("Namespace").asText()).isEqualTo("Acme/Graph/staging");
        assertThat(request.path("MetricData").get(0).path("Dimensions").size()).isZero();
        assertThatThrownBy(() -> new CloudWatchMonitorMetrics(cloudWatch, "AWS/EBS", null))
                .hasMessageContaining("not start with 'AWS/'");
    }

    @Test
    void aFailingSinkDoesNotStopTheNextOne() throws Exception {
        snsEndpoint.on("Publish", PUBLISHED);
        cloudWatchEndpoint.failNext(10);
        MonitorSink both = MonitorSink.all(List.of(
                new CloudWatchMonitorMetrics(cloudWatch, "Graphfleet/Volumes", null),
                new SnsAlertPublisher(sns, TOPIC, new AlertComposer("prod"))));

        both.publish(reportWithErrors(1, 0));

        assertThat(cloudWatchEndpoint.operations()).isNotEmpty().allMatch("PutMetricData"::equals);
        assertThat(snsEndpoint.calls("Publish")).hasSize(1);
    }
}
