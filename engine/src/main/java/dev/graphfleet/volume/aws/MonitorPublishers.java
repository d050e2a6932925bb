package dev.graphfleet.volume.aws;

import dev.graphfleet.volume.alert.AlertComposer;
import dev.graphfleet.volume.alert.AlertMessage;
import dev.graphfleet.volume.alert.RunMetrics;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.MonitorSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a volume monitor run is told, the same for every entry point (the Lambda, {@code volumes check
 * --source aws}): its figures to CloudWatch under a namespace, its alerts to an SNS topic.
 *
 * @param metrics  the CloudWatch publisher, or null without a namespace ({@code namespace} null too)
 * @param sns      the alert publisher, or null without a topic ({@code topicArn} null too); the Lambda also
 *                 sends its fix-stuck report there
 * @param composer what the alerts say
 */
public record MonitorPublishers(CloudWatchMonitorMetrics metrics, String namespace, SnsAlertPublisher sns,
                                String topicArn, AlertComposer composer) {

    /**
     * @param metricsNamespace CloudWatch namespace of the run's figures; null publishes none
     * @param alertTopicArn    SNS topic of the run's alerts; null sends none
     * @param environment      the fleet's Environment: the metrics' dimension and the alerts' subject
     */
    public static MonitorPublishers of(VolumeClients clients, String metricsNamespace, String alertTopicArn,
                                       String environment) {
        AlertComposer composer = new AlertComposer(environment);
        return new MonitorPublishers(
                metricsNamespace == null ? null : new CloudWatchMonitorMetrics(clients.cloudWatch(), metricsNamespace,
                        environment), metricsNamespace,
                alertTopicArn == null ? null : new SnsAlertPublisher(clients.sns(), alertTopicArn, composer),
                alertTopicArn, composer);
    }

    /** For a monitor that publishes as part of its run (the Lambda): a failure is logged, the run stands. */
    public MonitorSink sink() {
        List<MonitorSink> sinks = new ArrayList<>();
        if (metrics != null) {
            sinks.add(metrics);
        }
        if (sns != null) {
            sinks.add(sns);
        }
        return sinks.isEmpty() ? MonitorSink.none() : MonitorSink.all(sinks);
    }

    /** Publishes a finished run and says what reached where, one line each; a failure is a line, not an exception. */
    public Published publish(MonitorReport report) {
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        if (metrics != null) {
            int figures = RunMetrics.of(report).byName().size();
            try {
                metrics.publish(report);
                lines.add("CloudWatch namespace " + namespace + ": " + figures + " figures published");
            } catch (RuntimeException e) {
                ok = false;
                lines.add("CloudWatch namespace " + namespace + ": NOT published (" + e.getMessage() + ")");
            }
        }
        if (sns != null) {
            List<AlertMessage> messages = composer.compose(report);
            int sent = sns.send(messages);
            ok &= sent == messages.size();
            lines.add("SNS topic " + topicArn + ": " + (messages.isEmpty() ? "nothing to tell"
                    : sent + " of " + messages.size() + " alert(s) sent"
                    + (sent == messages.size() ? "" : " (the others failed; see the log)")));
        }
        return new Published(ok, lines);
    }

    /** Whether any publisher is configured. */
    public boolean any() {
        return metrics != null || sns != null;
    }

    /** @param ok every figure and alert reached its destination */
    public record Published(boolean ok, List<String> lines) {
    }
}
