package dev.graphfleet.volume.alert;

import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The figures a run publishes (the original's metric names, plus the CloudWatch fallbacks).
 *
 * @param instancesMonitored instances the run looked at
 * @param volumesExpanded    modifications requested (expanded now, or with the filesystem grow still to come)
 * @param errors             instances whose check ended in an error
 * @param fallbacks          instances read from CloudWatch because their node did not answer
 */
public record RunMetrics(long instancesMonitored, long volumesExpanded, long errors, long fallbacks) {

    public static RunMetrics of(MonitorReport report) {
        return new RunMetrics(report.instances().size(),
                report.count(Outcome.EXPANDED) + report.count(Outcome.EXPANSION_PENDING),
                report.failures().size(), report.fallbacks());
    }

    /** Metric name → value, in publishing order; every run counts one execution. */
    public Map<String, Double> byName() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("VolumeMonitorExecutions", 1.0);
        m.put("InstancesMonitored", (double) instancesMonitored);
        m.put("VolumesExpanded", (double) volumesExpanded);
        m.put("VolumeMonitorErrors", (double) errors);
        m.put("CloudWatchFallbacks", (double) fallbacks);
        return m;
    }
}
