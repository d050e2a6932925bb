package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.testing.AwsRouter;
import dev.graphfleet.testing.AwsXml;
import dev.graphfleet.testing.DynamoDbLocal;
import dev.graphfleet.testing.FakeCloudWatch;
import dev.graphfleet.testing.FakeEc2;
import dev.graphfleet.testing.FakeNodes;
import dev.graphfleet.testing.FakeSsm;
import dev.graphfleet.testing.QueryProtocolServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code volumes check --source aws} tells SNS and CloudWatch what the monitor Lambda tells them, when a topic
 * and a namespace are given, and its summary counts what its rows say. Every AWS service is a loopback fake
 * behind one {@code --endpoint}; the volume registry is DynamoDB Local.
 */
class VolumesCheckAwsPublishTest {

    static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:graphfleet-volume-alerts";
    static final String PUBLISHED = "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
            + "<PublishResult><MessageId>94f20ce6-13c5-43a0-9a9e-ca52d816e90b</MessageId></PublishResult>"
            + "<ResponseMetadata><RequestId>f187a3c1-376f-11df-8963-01868b7c937a</RequestId></ResponseMetadata>"
            + "</PublishResponse>";

    LoopbackAws loopback;
    FakeEc2 ec2;
    FakeSsm ssm;
    FakeCloudWatch cloudWatch;
    QueryProtocolServer sns;
    AwsRouter aws;
    String table;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        loopback = LoopbackAws.withDynamoDbLocal();
        ec2 = loopback.ec2;
        ssm = loopback.ssm;
        cloudWatch = new FakeCloudWatch();
        sns = new QueryProtocolServer().on("Publish", PUBLISHED);
        aws = loopback.router.withCloudWatch(cloudWatch.endpoint()).withSns(sns.endpoint());
        DynamoDbClient dynamo = DynamoDbLocal.get().client();
        table = DynamoDbLocal.get().createTable(dynamo, "volumes", "volume_id");
    }

    @AfterEach
    void stop() {
        sns.close();
        cloudWatch.close();
        loopback.close();
    }

    @Test
    void anExpansionIsToldToSnsAndCloudWatchAndTheSummaryCountsTheGrownFilesystem() throws Exception {
        try (FakeNodes nodes = new FakeNodes(null, 2)) {
            URI full = fullNode(nodes);

            int code = run(check(full, "--metrics-namespace", "Graphfleet/Volumes", "--alert-topic", TOPIC));

            assertThat(code).as(out + "\n" + err).isZero();
            String table = out.toString();
            assertThat(table).contains("EXPANDED").contains("filesystem grown")
                    .contains("1 expanded, 0 pending, 1 filesystem(s) grown");
            assertThat(modifies()).singleElement().satisfies(m -> assertThat(m).containsEntry("Size", "150"));

            List<QueryProtocolServer.Call> published = sns.calls("Publish");
            assertThat(published).singleElement().satisfies(call -> {
                assertThat(call.params()).containsEntry("TopicArn", TOPIC)
                        .containsEntry("Subject", "[prod] Graphfleet volumes: 1 volume expanded");
                assertThat(call.params().get("Message")).contains("i-0full");
            });
            assertThat(cloudWatch.putMetricDataRequests()).singleElement().satisfies(put -> {
                assertThat(put.path("Namespace").asText()).isEqualTo("Graphfleet/Volumes");
                Map<String, Double> figures = figures(put);
                assertThat(figures).containsEntry("VolumeMonitorExecutions", 1.0).containsEntry("InstancesMonitored", 1.0)
                        .containsEntry("VolumesExpanded", 1.0).containsEntry("VolumeMonitorErrors", 0.0)
                        .containsEntry("CloudWatchFallbacks", 0.0);
                assertThat(put.at("/MetricData/0/Dimensions/0/Value").asText()).isEqualTo("prod");
            });
            assertThat(table).contains("Published: CloudWatch namespace Graphfleet/Volumes: 5 figures published")
                    .contains("Published: SNS topic " + TOPIC + ": 1 of 1 alert(s) sent");
        }
    }

    @Test
    void withoutATopicOrANamespaceNothingIsPublishedAndADryRunPublishesNothing() throws Exception {
        try (FakeNodes nodes = new FakeNodes(null, 2)) {
            URI full = fullNode(nodes);
            assertThat(run(plan(full, "--metrics-namespace", "Graphfleet/Volumes", "--alert-topic", TOPIC)))
                    .as(out + "\n" + err).isZero();
            assertThat(out.toString()).contains("dry run: nothing published to CloudWatch or SNS");
            assertThat(sns.calls("Publish")).isEmpty();
            assertThat(cloudWatch.putMetricDataRequests()).isEmpty();

            assertThat(run(check(full))).as(out + "\n" + err).isZero();
            assertThat(modifies()).hasSize(1);
            assertThat(out.toString()).doesNotContain("Published:");
            assertThat(sns.calls("Publish")).isEmpty();
            assertThat(cloudWatch.putMetricDataRequests()).isEmpty();
        }
    }

    @Test
    void aFailedPublicationIsSaidAndFailsTheCommand() throws Exception {
        try (FakeNodes nodes = new FakeNodes(null, 2)) {
            URI full = fullNode(nodes);
            cloudWatch.failNext(10);
            sns.on("Publish", call -> QueryProtocolServer.queryError(404, "http://sns.amazonaws.com/doc/2010-03-31/",
                    "NotFound", "Topic does not exist"));

            int code = run(check(full, "--metrics-namespace", "Graphfleet/Volumes", "--alert-topic", TOPIC));

            assertThat(code).as(out + "\n" + err).isEqualTo(1);
            assertThat(out.toString()).contains("EXPANDED")
                    .contains("Published: CloudWatch namespace Graphfleet/Volumes: NOT published")
                    .contains("Published: SNS topic " + TOPIC + ": 0 of 1 alert(s) sent (the others failed; see the log)");
        }
    }

    @Test
    void theTopicAndNamespaceGoWithTheAwsSourceAndAreChecked() {
        assertThat(run("volumes", "check", "--nodes", "http://127.0.0.1:1", "--alert-topic", TOPIC)).isEqualTo(2);
        assertThat(err.toString()).contains("--metrics-namespace and --alert-topic go with --source aws");
        assertThat(run(check(URI.create("http://127.0.0.1:1"), "--alert-topic", "graphfleet-alerts"))).isEqualTo(2);
        assertThat(err.toString()).contains("--alert-topic: the alert topic must be an SNS topic ARN");
        assertThat(run(check(URI.create("http://127.0.0.1:1"), "--metrics-namespace", "AWS/EBS"))).isEqualTo(2);
        assertThat(err.toString()).contains("--metrics-namespace: the metric namespace must be");
        assertThat(sns.calls("Publish")).isEmpty();
    }

    /** An instance at 85 % of 100 GB, its EBS volume 100 GB; modifications are optimizing at once. */
    private URI fullNode(FakeNodes nodes) {
        URI full = nodes.addAtRoot(100, 85);
        ec2.answerDescribeInstances(AwsXml.describeInstances(null,
                AwsXml.instance("i-0full", "shared_replica", "m7g.large", full.getHost(), "vol-0full",
                        Map.of("Environment", "prod"))));
        ec2.attach("vol-0full", "i-0full", "/dev/xvdf", 100);
        ec2.modificationsStartAs("optimizing");
        ssm.willReport("Success", "");
        ssm.willReport("Success", "");
        return full;
    }

    private String[] check(URI node, String... more) {
        return command("check", node, more);
    }

    private String[] plan(URI node, String... more) {
        return command("plan", node, more);
    }

    private String[] command(String verb, URI node, String... more) {
        List<String> args = new ArrayList<>(List.of("volumes", verb, "--source", "aws", "--env", "prod",
                "--volume-table", table, "--node-port", String.valueOf(node.getPort()),
                "--endpoint", aws.endpoint().toString(), "--region", "us-east-1"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = GraphfleetCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private List<Map<String, String>> modifies() {
        return ec2.requests().stream().filter(r -> "ModifyVolume".equals(r.get("Action"))).toList();
    }

    private static Map<String, Double> figures(JsonNode put) {
        Map<String, Double> figures = new HashMap<>();
        put.path("MetricData").forEach(d -> figures.put(d.path("MetricName").asText(), d.path("Value").asDouble()));
        return figures;
    }
}
