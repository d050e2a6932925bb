package dev.graphfleet.volume.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.graphfleet.testing.FakeCloudWatch;
import dev.graphfleet.volume.monitor.DiskReading;
import dev.graphfleet.volume.monitor.MetricsSource;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

class CloudWatchAgentDiskMetricsTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final double GIB = 1024.0 * 1024 * 1024;
    static final Map<String, String> DIMS = Map.of("InstanceId", "i-0abc", "path", "/mnt/lbug-data",
            "device", "nvme1n1", "fstype", "xfs");

    FakeCloudWatch fake;
    CloudWatchClient client;
    CloudWatchAgentDiskMetrics metrics;
    final WatchedInstance instance = new WatchedInstance("i-0abc", "writer", null, "/mnt/lbug-data");

    @BeforeEach
    void start() throws Exception {
        fake = new FakeCloudWatch();
        client = CloudWatchClient.builder()
                .endpointOverride(fake.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                .build();
        metrics = new CloudWatchAgentDiskMetrics(client, Clock.fixed(NOW, ZoneOffset.UTC),
                CloudWatchAgentDiskMetrics.Options.defaults());
    }

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void readsTheLatestUsedPercentAndTotalWithTheAgentsFullDimensions() {
        fake.put("CWAgent", "disk_used_percent", DIMS, NOW.minusSeconds(240), 70.0);
        fake.put("CWAgent", "disk_used_percent", DIMS, NOW.minusSeconds(60), 85.0);
        fake.put("CWAgent", "disk_total", DIMS, NOW.minusSeconds(60), 100 * GIB);
        // another mount of the same instance, and another instance: neither may be picked up
        fake.put("CWAgent", "disk_used_percent", Map.of("InstanceId", "i-0abc", "path", "/", "device", "nvme0n1p1",
                "fstype", "xfs"), NOW.minusSeconds(60), 20.0);
        fake.put("CWAgent", "disk_used_percent", Map.of("InstanceId", "i-other", "path", "/mnt/lbug-data",
                "device", "nvme1n1", "fstype", "xfs"), NOW.minusSeconds(60), 99.0);

        DiskReading r = metrics.read(instance);

        assertThat(r.source()).isEqualTo(MetricsSource.CLOUDWATCH);
        assertThat(r.usage()).isCloseTo(0.85, within(1e-9));
        assertThat(r.sizeGb()).isCloseTo(100.0, within(1e-9));
        assertThat(r.usedGb()).isCloseTo(85.0, within(1e-9));
        assertThat(r.mountPoint()).isEqualTo("/mnt/lbug-data");
        assertThat(fake.operations()).containsExactly("ListMetrics", "GetMetricData");
    }

    @Test
    void noAgentMetricForTheMountIsAClearError() {
        fake.put("CWAgent", "disk_used_percent", Map.of("InstanceId", "i-0abc", "path", "/data"),
                NOW.minusSeconds(60), 50.0);
        assertThatThrownBy(() -> metrics.read(instance))
                .hasMessageContaining("no CloudWatch metric CWAgent/disk_used_percent for i-0abc at path /mnt/lbug-data");
    }

    @Test
    void staleDatapointsAreNotUsed() {
        fake.put("CWAgent", "disk_used_percent", DIMS, NOW.minusSeconds(3600), 85.0);
        fake.put("CWAgent", "disk_total", DIMS, NOW.minusSeconds(3600), 100 * GIB);
        assertThatThrownBy(() -> metrics.read(instance))
                .hasMessageContaining("no datapoint of disk_used_percent for i-0abc in the last 15 min");
    }

    @Test
    void serviceErrorsSurfaceWithTheirCode() {
        fake.put("CWAgent", "disk_used_percent", DIMS, NOW.minusSeconds(60), 85.0);
        fake.failNext(10);
        assertThatThrownBy(() -> metrics.read(instance))
                .hasMessageStartingWith("CloudWatch: ")
                .hasMessageContaining("injected failure");
    }
}
