package dev.graphfleet.volume.lambda;

import java.util.Map;
import java.util.Objects;

/**
 * What one Lambda invocation asks for, parsed from the event. Pure: {@link #parse} reads scheduled events,
 * CloudWatch alarms in both shapes (EventBridge {@code alarmData}/{@code detail}, and SNS-wrapped
 * {@code Records[0].Sns.Message}), EC2/EBS state changes, and direct {@code {"action": ...}} invocations.
 */
public sealed interface MonitorRequest {

    /** The actions a direct invocation may name. */
    String ACTIONS = "monitor_all, monitor_instance, expand_volume, grow_filesystem, fix_stuck_volumes";

    /** One word for replies and logs. */
    String action();

    /** Check every fleet instance; {@code alarm} selects the lower threshold. */
    record MonitorAll(boolean alarm, String trigger) implements MonitorRequest {
        @Override public String action() { return "monitor_all"; }
    }

    /** Check one instance (the original used the alarm threshold for it, and so do we). */
    record MonitorInstance(String instanceId, boolean alarm, String trigger) implements MonitorRequest {
        public MonitorInstance {
            Objects.requireNonNull(instanceId, "instanceId");
        }
        @Override public String action() { return "monitor_instance"; }
    }

    /** Modify one volume to a size an operator chose (the planner's rules still apply). */
    record ExpandVolume(String volumeId, long sizeGb) implements MonitorRequest {
        @Override public String action() { return "expand_volume"; }
    }

    /** Grow one instance's data filesystem. */
    record GrowFilesystem(String instanceId) implements MonitorRequest {
        @Override public String action() { return "grow_filesystem"; }
    }

    /** Grow the filesystems of fleet volumes stuck optimizing. */
    record FixStuckVolumes() implements MonitorRequest {
        @Override public String action() { return "fix_stuck_volumes"; }
    }

    /** A valid event that asks for nothing (an alarm about something else, or one returning to OK). */
    record Ignored(String reason) implements MonitorRequest {
        @Override public String action() { return "none"; }
    }

    /** Parses a Lambda event (as the runtime hands it over: JSON objects as maps). */
    static MonitorRequest parse(Map<String, Object> event) throws BadEventException {
        if (event == null) {
            throw new BadEventException("event", "the event is empty; send {\"action\": \"monitor_all\"}");
        }
        return EventParser.parse(EventParser.JSON.valueToTree(event));
    }
}
