package dev.graphfleet.volume.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.volume.lambda.MonitorRequest.ExpandVolume;
import dev.graphfleet.volume.lambda.MonitorRequest.FixStuckVolumes;
import dev.graphfleet.volume.lambda.MonitorRequest.GrowFilesystem;
import dev.graphfleet.volume.lambda.MonitorRequest.Ignored;
import dev.graphfleet.volume.lambda.MonitorRequest.MonitorAll;
import dev.graphfleet.volume.lambda.MonitorRequest.MonitorInstance;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every event shape the Lambda receives, from recorded samples, parsed into a typed request. */
class MonitorRequestTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A recorded event, as the Lambda runtime hands it over (JSON objects as maps). */
    static Map<String, Object> event(String name) {
        try (InputStream in = MonitorRequestTest.class.getResourceAsStream(name)) {
            return JSON.readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    static Map<String, Object> json(String text) throws IOException {
        return JSON.readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    @Test
    void aScheduledEventMonitorsAllWithTheScheduledThreshold() throws Exception {
        assertThat(MonitorRequest.parse(event("scheduled-event.json"))).isEqualTo(new MonitorAll(false,
                "schedule (arn:aws:events:us-east-1:123456789012:rule/graphfleet-prod-volume-monitor-schedule)"));
    }

    @Test
    void anAlarmActionEventMonitorsItsInstanceWithTheAlarmThreshold() throws Exception {
        assertThat(MonitorRequest.parse(event("alarm-action-alarmdata.json"))).isEqualTo(new MonitorInstance(
                "i-0writer", true, "alarm graphfleet-prod-disk-usage-critical-i-0writer"));
    }

    @Test
    void anEventBridgeAlarmStateChangeOnAMetricMathAlarmMonitorsAll() throws Exception {
        assertThat(MonitorRequest.parse(event("alarm-state-change-eventbridge.json")))
                .isEqualTo(new MonitorAll(true, "alarm graphfleet-prod-disk-usage-emergency"));
    }

    @Test
    void anSnsWrappedAlarmIsReadFromItsMessage() throws Exception {
        assertThat(MonitorRequest.parse(event("alarm-sns.json")))
                .isEqualTo(new MonitorInstance("i-0writer", true, "alarm graphfleet-prod-disk-usage-critical"));
    }

    @Test
    void anAlarmReturningToOkOrAboutSomethingElseAsksForNothing() throws Exception {
        assertThat(MonitorRequest.parse(event("alarm-sns-ok.json"))).isInstanceOfSatisfying(Ignored.class,
                i -> assertThat(i.reason()).isEqualTo("alarm graphfleet-prod-disk-usage-critical is OK, not ALARM: "
                        + "nothing to do"));
        assertThat(MonitorRequest.parse(event("alarm-sns-other.json"))).isInstanceOfSatisfying(Ignored.class,
                i -> assertThat(i.reason()).contains("graphfleet-prod-cpu-high is not a disk-usage alarm"));
    }

    @Test
    void anAlarmIsRecognisedByItsMetricWhenItsNameDoesNotSayDiskUsage() throws Exception {
        Map<String, Object> e = event("alarm-action-alarmdata.json");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) e.get("alarmData");
        data.put("alarmName", "writer-volume-critical");
        assertThat(MonitorRequest.parse(e)).isEqualTo(new MonitorInstance("i-0writer", true,
                "alarm writer-volume-critical"));
    }

    @Test
    void anEc2StateChangeMonitorsAll() throws Exception {
        assertThat(MonitorRequest.parse(event("ec2-state-change.json")))
                .isEqualTo(new MonitorAll(false, "EC2 event: EC2 Instance State-change Notification"));
    }

    @Test
    void directActions() throws Exception {
        assertThat(MonitorRequest.parse(json("{\"action\":\"monitor_all\"}")))
                .isEqualTo(new MonitorAll(false, "action monitor_all"));
        assertThat(MonitorRequest.parse(json("{\"action\":\"monitor_instance\",\"instance_id\":\"i-0abc\"}")))
                .isEqualTo(new MonitorInstance("i-0abc", true, "action monitor_instance"));
        assertThat(MonitorRequest.parse(json("{\"action\":\"expand_volume\",\"volume_id\":\"vol-1\",\"size_gb\":200}")))
                .isEqualTo(new ExpandVolume("vol-1", 200));
        assertThat(MonitorRequest.parse(json(
                "{\"action\":\"expand_volume\",\"volume_id\":\"vol-1\",\"new_size_gb\":\"300\"}")))
                .as("the original's field name, and a number sent as a string").isEqualTo(new ExpandVolume("vol-1", 300));
        assertThat(MonitorRequest.parse(json("{\"action\":\"grow_filesystem\",\"instance_id\":\"i-0abc\"}")))
                .isEqualTo(new GrowFilesystem("i-0abc"));
        assertThat(MonitorRequest.parse(json("{\"action\":\"FIX_STUCK_VOLUMES\"}"))).isEqualTo(new FixStuckVolumes());
        assertThat(MonitorRequest.parse(json("{}"))).as("the original's fallback")
                .isEqualTo(new MonitorAll(false, "an event without action or source"));
    }

    @Test
    void badEventsNameTheirField() throws Exception {
        assertBad("{\"action\":\"explode\"}", "action", "unknown action 'explode'; expected one of monitor_all,");
        assertBad("{\"action\":42}", "action", "must be a string");
        assertBad("{\"action\":\"monitor_instance\"}", "instance_id", "required: the EC2 instance id");
        assertBad("{\"action\":\"grow_filesystem\",\"instance_id\":\" \"}", "instance_id", "required");
        assertBad("{\"action\":\"expand_volume\",\"size_gb\":100}", "volume_id", "required: the EBS volume id");
        assertBad("{\"action\":\"expand_volume\",\"volume_id\":\"vol-1\"}", "size_gb", "needs the new size in GB");
        assertBad("{\"action\":\"expand_volume\",\"volume_id\":\"vol-1\",\"size_gb\":1.5}", "size_gb",
                "must be a whole number of GB, got 1.5");
        assertBad("{\"action\":\"expand_volume\",\"volume_id\":\"vol-1\",\"size_gb\":0}", "size_gb", "at least 1 GB");
        assertBad("{\"source\":\"aws.s3\"}", "source", "unsupported event source 'aws.s3'");
        assertBad("{\"source\":\"aws.cloudwatch\"}", "alarmData", "needs alarmData");
        assertBad("{\"source\":\"aws.cloudwatch\",\"alarmData\":{}}", "alarmData.alarmName", "missing");
        assertBad("{\"Records\":[]}", "Records", "expected an array");
        assertBad("{\"Records\":[{\"Sns\":{}}]}", "Records[0].Sns.Message", "missing");
        assertBad("{\"Records\":[{\"Sns\":{\"Message\":\"disk full!\"}}]}", "Records[0].Sns.Message", "not JSON");
        assertBad("{\"Records\":[{\"Sns\":{\"Message\":\"{}\"}}]}", "Records[0].Sns.Message.AlarmName", "missing");
        assertThatThrownBy(() -> MonitorRequest.parse(null)).isInstanceOf(BadEventException.class)
                .hasMessageContaining("the event is empty");
    }

    static void assertBad(String event, String field, String message) throws IOException {
        Map<String, Object> e = new HashMap<>(json(event));
        assertThatThrownBy(() -> MonitorRequest.parse(e)).isInstanceOfSatisfying(BadEventException.class, b -> {
            assertThat(b.field()).isEqualTo(field);
            assertThat(b.getMessage()).startsWith(field + ": ").contains(message);
        });
    }

    @Test
    void settingsComeFromTheEnvironmentAndNameTheBadVariable() {
        LambdaSettings s = LambdaSettings.fromEnvironment(Map.of("VOLUME_REGISTRY_TABLE", "vols",
                "ENVIRONMENT", "prod", "GRAPH_API_KEY", "s3cret", "EXPANSION_THRESHOLD", "0.85"));
        assertThat(s.environment()).isEqualTo("prod");
        assertThat(s.apiPort()).isEqualTo(8001);
        assertThat(s.metricsNamespace()).isEqualTo("Graphfleet/Volumes");
        assertThat(s.alertTopicArn()).isNull();
        assertThat(s.policy().expansionThreshold()).isEqualTo(0.85);
        assertThat(s.toString()).doesNotContain("s3cret").contains("apiKey=(set)");

        for (List<String> bad : List.of(
                List.of("VOLUME_REGISTRY_TABLE", "", "VOLUME_REGISTRY_TABLE is not set"),
                List.of("ALERT_TOPIC_ARN", "alerts", "ALERT_TOPIC_ARN must be an SNS topic ARN"),
                List.of("GRAPH_API_PORT", "80o1", "GRAPH_API_PORT must be a whole number from 1 to 65535"),
                List.of("EXPANSION_THRESHOLD", "eighty", "EXPANSION_THRESHOLD must be a number"),
                List.of("EXPANSION_THRESHOLD", "80", "EXPANSION_THRESHOLD must be a fraction"))) {
            Map<String, String> env = new HashMap<>(Map.of("VOLUME_REGISTRY_TABLE", "vols"));
            env.put(bad.get(0), bad.get(1));
            assertThatThrownBy(() -> LambdaSettings.fromEnvironment(env)).as(bad.get(0))
                    .hasMessageContaining(bad.get(2));
        }
    }
}
