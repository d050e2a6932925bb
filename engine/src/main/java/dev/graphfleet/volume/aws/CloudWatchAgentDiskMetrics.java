package dev.graphfleet.volume.aws;

import dev.graphfleet.volume.monitor.CloudWatchDiskMetrics;
import dev.graphfleet.volume.monitor.DiskReading;
import dev.graphfleet.volume.monitor.MetricsSource;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

/**
 * The CloudWatch agent's disk metrics for an instance's data mount: the fallback when the node does not answer.
 *
 * <p>A metric is identified by all its dimensions, and the agent adds some the monitor cannot guess (device,
 * fstype, sometimes ImageId/InstanceType). So it first lists the agent's {@code disk_used_percent} metrics
 * filtered on {@code InstanceId} and {@code path}, takes that metric's exact dimensions, and asks
 * {@code GetMetricData} for the latest {@code disk_used_percent} and {@code disk_total} (bytes) with them.
 */
public final class CloudWatchAgentDiskMetrics implements CloudWatchDiskMetrics {

    /**
     * @param namespace     the agent's namespace (CWAgent)
     * @param usedPercent   the used-percent metric (disk_used_percent; the original renamed it DISK_USED_PERCENT)
     * @param total         the total-size metric, in bytes (disk_total)
     * @param lookback      how far back to look for the latest datapoint
     * @param periodSeconds the statistic's period
     */
    public record Options(String namespace, String usedPercent, String total, Duration lookback, int periodSeconds) {
        public Options {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(usedPercent, "usedPercent");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(lookback, "lookback");
            if (periodSeconds < 1) {
                throw new IllegalArgumentException("periodSeconds must be at least 1");
            }
        }

        public static Options defaults() {
            return new Options("CWAgent", "disk_used_percent", "disk_total", Duration.ofMinutes(15), 60);
        }
    }

    private static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;

    private final CloudWatchClient cloudWatch;
    private final Clock clock;
    private final Options options;

    public CloudWatchAgentDiskMetrics(CloudWatchClient cloudWatch, Clock clock, Options options) {
        this.cloudWatch = Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public DiskReading read(WatchedInstance instance) {
        try {
            List<Dimension> dimensions = dimensionsOf(instance);
            Instant end = clock.instant();
            GetMetricDataResponse data = cloudWatch.getMetricData(b -> b
                    .startTime(end.minus(options.lookback()))
                    .endTime(end)
                    .scanBy(ScanBy.TIMESTAMP_DESCENDING)
                    .metricDataQueries(query("used", options.usedPercent(), dimensions),
                            query("total", options.total(), dimensions)));
            double usedPercent = latest(data, "used", instance);
            double totalBytes = latest(data, "total", instance);
            double sizeGb = totalBytes / BYTES_PER_GB;
            double usage = usedPercent / 100.0;
            return new DiskReading(sizeGb, usage * sizeGb, usage, instance.dataMount(), MetricsSource.CLOUDWATCH);
        } catch (SdkException e) {
            throw new IllegalStateException("CloudWatch: " + e.getMessage(), e);
        }
    }

    /** The full dimensions of the agent's metric for this instance and mount. */
    private List<Dimension> dimensionsOf(WatchedInstance instance) {
        List<Metric> metrics = cloudWatch.listMetrics(b -> b
                .namespace(options.namespace())
                .metricName(options.usedPercent())
                .dimensions(DimensionFilter.builder().name("InstanceId").value(instance.instanceId()).build(),
                        DimensionFilter.builder().name("path").value(instance.dataMount()).build()))
                .metrics();
        if (metrics.isEmpty()) {
            throw new IllegalStateException("no CloudWatch metric " + options.namespace() + "/" + options.usedPercent()
                    + " for " + instance.instanceId() + " at path " + instance.dataMount()
                    + " (is the CloudWatch agent collecting disk metrics for that mount?)");
        }
        return metrics.get(0).dimensions();
    }

    private MetricDataQuery query(String id, String metricName, List<Dimension> dimensions) {
        return MetricDataQuery.builder().id(id).returnData(true)
                .metricStat(MetricStat.builder()
                        .metric(Metric.builder().namespace(options.namespace()).metricName(metricName)
                                .dimensions(dimensions).build())
                        .period(options.periodSeconds())
                        .stat("Average")
                        .build())
                .build();
    }

    private double latest(GetMetricDataResponse data, String id, WatchedInstance instance) {
        MetricDataResult result = data.metricDataResults().stream()
                .filter(r -> id.equals(r.id()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("CloudWatch returned no '" + id + "' series for "
                        + instance.instanceId()));
        if (result.values().isEmpty()) {
            String metric = id.equals("used") ? options.usedPercent() : options.total();
            throw new IllegalStateException("no datapoint of " + metric + " for " + instance.instanceId()
                    + " in the last " + options.lookback().toMinutes() + " min");
        }
        // ScanBy TimestampDescending: the first value is the latest
        return result.values().get(0);
    }
}
