package dev.graphfleet.volume.aws;

import dev.graphfleet.volume.alert.RunMetrics;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.MonitorSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * Publishes a run's {@link RunMetrics} with one PutMetricData, stamped with the run's start and, when an
 * environment is given, the dimension {@code Environment}.
 */
public final class CloudWatchMonitorMetrics implements MonitorSink {

    public static final String DEFAULT_NAMESPACE = "Graphfleet/Volumes";

    private final CloudWatchClient cloudWatch;
    private final String namespace;
    private final String environment;

    /** {@code environment} may be null (no dimension). */
    public CloudWatchMonitorMetrics(CloudWatchClient cloudWatch, String namespace, String environment) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        if (namespace == null || namespace.isBlank() || namespace.startsWith("AWS/") || namespace.length() > 255) {
            throw new IllegalArgumentException("the metric namespace must be 1..255 characters and not start with "
                    + "'AWS/' (default " + DEFAULT_NAMESPACE + "), got '" + namespace + "'");
        }
        this.namespace = namespace;
        this.environment = environment == null || environment.isBlank() ? null : environment;
    }

    @Override
    public void publish(MonitorReport report) {
        List<MetricDatum> data = new ArrayList<>();
        for (Map.Entry<String, Double> m : RunMetrics.of(report).byName().entrySet()) {
            MetricDatum.Builder d = MetricDatum.builder().metricName(m.getKey()).value(m.getValue())
                    .unit(StandardUnit.COUNT).timestamp(report.startedAt());
            if (environment != null) {
                d.dimensions(Dimension.builder().name("Environment").value(environment).build());
            }
            data.add(d.build());
        }
        cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(data));
    }
}
