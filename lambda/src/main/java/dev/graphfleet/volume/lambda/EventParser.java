package dev.graphfleet.volume.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.volume.lambda.MonitorRequest.ExpandVolume;
import dev.graphfleet.volume.lambda.MonitorRequest.FixStuckVolumes;
import dev.graphfleet.volume.lambda.MonitorRequest.GrowFilesystem;
import dev.graphfleet.volume.lambda.MonitorRequest.Ignored;
import dev.graphfleet.volume.lambda.MonitorRequest.MonitorAll;
import dev.graphfleet.volume.lambda.MonitorRequest.MonitorInstance;
import java.util.Locale;

/** The rules of {@link MonitorRequest#parse}. */
final class EventParser {
    static final ObjectMapper JSON = new ObjectMapper();

    private EventParser() {
    }

    static MonitorRequest parse(JsonNode e) throws BadEventException {
        if (e.has("action")) {
            return direct(e);
        }
        if (e.has("Records")) {
            return snsAlarm(e);
        }
        String source = text(e, "source");
        if (source == null) {
            // the original: no action and no source means monitor_all
            return new MonitorAll(false, "an event without action or source");
        }
        switch (source) {
            case "aws.events":
                return new MonitorAll(false, "schedule" + suffix(text(e, "resources", 0)));
            case "aws.cloudwatch":
                return eventBridgeAlarm(e);
            case "aws.ec2":
                return new MonitorAll(false, "EC2 event: " + orElse(text(e, "detail-type"), "state change"));
            default:
                throw new BadEventException("source", "unsupported event source '" + source
                        + "'; expected aws.events (schedule), aws.cloudwatch (alarm), aws.ec2, an SNS alarm "
                        + "notification, or {\"action\": ...} with one of " + MonitorRequest.ACTIONS);
        }
    }

    private static MonitorRequest direct(JsonNode e) throws BadEventException {
        JsonNode a = e.get("action");
        if (!a.isTextual() || a.asText().isBlank()) {
            throw new BadEventException("action", "must be a string, one of " + MonitorRequest.ACTIONS);
        }
        String action = a.asText().strip().toLowerCase(Locale.ROOT);
        switch (action) {
            case "monitor_all":
                return new MonitorAll(e.path("alarm").asBoolean(false), "action monitor_all");
            case "monitor_instance":
                return new MonitorInstance(required(e, "instance_id", "the EC2 instance id, e.g. i-0abc123"),
                        true, "action monitor_instance");
            case "expand_volume":
                return new ExpandVolume(required(e, "volume_id", "the EBS volume id, e.g. vol-0abc123"),
                        size(e));
            case "grow_filesystem":
                return new GrowFilesystem(required(e, "instance_id", "the EC2 instance id, e.g. i-0abc123"));
            case "fix_stuck_volumes":
                return new FixStuckVolumes();
            default:
                throw new BadEventException("action", "unknown action '" + a.asText() + "'; expected one of "
                        + MonitorRequest.ACTIONS);
        }
    }

    /** {@code size_gb}, or the original's {@code new_size_gb}: a whole number of GB. */
    private static long size(JsonNode e) throws BadEventException {
        String field = e.has("size_gb") ? "size_gb" : e.has("new_size_gb") ? "new_size_gb" : null;
        if (field == null) {
            throw new BadEventException("size_gb", "expand_volume needs the new size in GB, e.g. \"size_gb\": 200");
        }
        JsonNode v = e.get(field);
        long gb;
        if (v.isIntegralNumber()) {
            gb = v.asLong();
        } else if (v.isTextual() && v.asText().strip().matches("\\d{1,9}")) {
            gb = Long.parseLong(v.asText().strip());
        } else {
            throw new BadEventException(field, "must be a whole number of GB, got " + v);
        }
        if (gb < 1) {
            throw new BadEventException(field, "must be at least 1 GB, got " + gb);
        }
        return gb;
    }

    /** SNS-wrapped alarm: Records[0].Sns.Message is the alarm as a JSON string. */
    private static MonitorRequest snsAlarm(JsonNode e) throws BadEventException {
        JsonNode records = e.get("Records");
        if (!records.isArray() || records.isEmpty()) {
            throw new BadEventException("Records", "expected an array with one SNS record");
        }
        JsonNode message = records.get(0).path("Sns").path("Message");
        if (!message.isTextual()) {
            throw new BadEventException("Records[0].Sns.Message", "missing: only SNS notifications are accepted "
                    + "in Records");
        }
        JsonNode alarm;
        try {
            alarm = JSON.readTree(message.asText());
        } catch (JsonProcessingException ex) {
            throw new BadEventException("Records[0].Sns.Message", "is not a CloudWatch alarm (not JSON)");
        }
        String name = text(alarm, "AlarmName");
        if (name == null) {
            throw new BadEventException("Records[0].Sns.Message.AlarmName", "missing: not a CloudWatch alarm");
        }
        String instance = null;
        for (JsonNode d : alarm.path("Trigger").path("Dimensions")) {
            if ("InstanceId".equals(d.path("name").asText(d.path("Name").asText()))) {
                instance = d.path("value").asText(d.path("Value").asText(null));
            }
        }
        return alarm(name, orElse(text(alarm, "NewStateValue"), "ALARM"),
                text(alarm.path("Trigger"), "MetricName"), instance);
    }

    /** CloudWatch's own Lambda action ({@code alarmData}) or EventBridge's state change ({@code detail}). */
    private static MonitorRequest eventBridgeAlarm(JsonNode e) throws BadEventException {
        String root = e.has("alarmData") ? "alarmData" : e.has("detail") ? "detail" : null;
        if (root == null) {
            throw new BadEventException("alarmData", "an aws.cloudwatch event needs alarmData (alarm action) "
                    + "or detail (EventBridge alarm state change)");
        }
        JsonNode data = e.get(root);
        String name = text(data, "alarmName");
        if (name == null) {
            throw new BadEventException(root + ".alarmName", "missing: not a CloudWatch alarm event");
        }
        String metric = null;
        String instance = null;
        for (JsonNode m : data.path("configuration").path("metrics")) {
            JsonNode metricNode = m.path("metricStat").path("metric");
            if (metricNode.isMissingNode()) {
                continue;
            }
            metric = orElse(metric, text(metricNode, "name"));
            instance = orElse(instance, text(metricNode.path("dimensions"), "InstanceId"));
        }
        return alarm(name, orElse(text(data.path("state"), "value"), "ALARM"), metric, instance);
    }

    /**
     * An alarm in state ALARM about disk usage (its name says "disk-usage", as the original required, or its
     * metric is the agent's disk_used_percent) checks with the alarm threshold: its instance when the alarm
     * names one, else all.
     */
    private static MonitorRequest alarm(String name, String state, String metric, String instanceId) {
        if (!"ALARM".equalsIgnoreCase(state)) {
            return new Ignored("alarm " + name + " is " + state + ", not ALARM: nothing to do");
        }
        boolean disk = name.toLowerCase(Locale.ROOT).contains("disk-usage")
                || (metric != null && metric.toLowerCase(Locale.ROOT).contains("disk_used_percent"));
        if (!disk) {
            return new Ignored("alarm " + name + " is not a disk-usage alarm: alarm processed");
        }
        String trigger = "alarm " + name;
        return instanceId == null ? new MonitorAll(true, trigger) : new MonitorInstance(instanceId, true, trigger);
    }

    private static String required(JsonNode e, String field, String what) throws BadEventException {
        String v = text(e, field);
        if (v == null || v.isBlank()) {
            throw new BadEventException(field, "required: " + what);
        }
        return v.strip();
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static String text(JsonNode node, String field, int index) {
        JsonNode v = node.path(field).path(index);
        return v.isTextual() ? v.asText() : null;
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }

    private static String suffix(String s) {
        return s == null ? "" : " (" + s + ")";
    }

}
