package dev.graphfleet.volume.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.FakeCloudWatch;
import dev.graphfleet.testing.FakeNodes;
import dev.graphfleet.testing.SilentNodes;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.aws.CloudWatchAgentDiskMetrics;
import dev.graphfleet.volume.local.SimulatedVolumes;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * DESIGN goal: 1,000 instances, 10 % accepting connections but never answering: the whole scan within
 * 1.2 × the time the slowest single instance needs + 1 s (dead instances overlap; a serial scan sums them).
 * Run with {@code mvn -Pbench -pl engine test -Dtest=VolumeScanBench}.
 */
@Tag("bench")
class VolumeScanBench {

    static final int INSTANCES = 1_000;
    /**
     * Shorter than production (10 s) so the serial scan takes minutes, not hours (about 100 × 3 attempts × the
     * timeout); long enough that the fixed cost of 1,000 checks on a busy 2-core machine (1-2 s of CPU,
     * the loopback servers included) does not dominate. {@code -Dbench.nodeTimeoutMs=} changes it.
     */
    static final NodeReadOptions READ = new NodeReadOptions(
            Duration.ofMillis(Long.getLong("bench.nodeTimeoutMs", 1000)), 2, Duration.ofMillis(20));

    @Test
    void concurrentScanOverlapsDeadInstances() throws Exception {
        try (FakeNodes nodes = new FakeNodes("bench-key", 16);
             SilentNodes silent = new SilentNodes();
             FakeCloudWatch cloudWatch = new FakeCloudWatch();
             CloudWatchClient cw = CloudWatchClient.builder().endpointOverride(cloudWatch.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("f", "f")))
                     .build()) {
            Clock clock = Clock.systemUTC();
            SimulatedVolumes volumes = new SimulatedVolumes(clock, Duration.ZERO, Duration.ofHours(1),
                    Duration.ofHours(6));
            List<FleetInstance> fleet = new ArrayList<>();
            FleetInstance aDeadOne = null;
            for (int i = 0; i < INSTANCES; i++) {
                String id = "i-" + i;
                volumes.attach(id, "vol-" + i, 500);
                if (i % 10 == 5) {
                    FleetInstance dead = new FleetInstance(id, "shared_replica", silent.add(id), "/data");
                    Map<String, String> dims = Map.of("InstanceId", id, "path", "/data");
                    cloudWatch.put("CWAgent", "disk_used_percent", dims, clock.instant().minusSeconds(30), 40.0);
                    cloudWatch.put("CWAgent", "disk_total", dims, clock.instant().minusSeconds(30), 500.0 * (1L << 30));
                    fleet.add(dead);
                    aDeadOne = dead;
                } else {
                    fleet.add(new FleetInstance(id, "writer", nodes.add(id, 500, 200), "/mnt/lbug-data"));
                }
            }
            HttpInstanceVolumeReader reader = new HttpInstanceVolumeReader(HttpClient.newHttpClient(), READ,
                    "bench-key", RetryDelay.system());
            CloudWatchAgentDiskMetrics fallback = new CloudWatchAgentDiskMetrics(cw, clock,
                    CloudWatchAgentDiskMetrics.Options.defaults());

            MonitorOptions defaults = MonitorOptions.defaults();
            VolumeMonitor concurrent = monitor(reader, fallback, volumes, defaults.parallelism(),
                    defaults.maxReadsInFlight());
            VolumeMonitor serial = monitor(reader, fallback, volumes, 1, 1);

            concurrent.run(fleet.subList(0, 200), false, true); // warm up: JIT, connections, the SDK
            MonitorReport single = serial.run(List.of(aDeadOne), false, true);

            MonitorReport parallel = concurrent.run(fleet, false, true);
            MonitorReport oneByOne = serial.run(fleet, false, true);

            double slowest = seconds(single.took());
            double concurrentS = seconds(parallel.took());
            double serialS = seconds(oneByOne.took());
            double goal = 1.2 * slowest + 1.0;
            System.out.printf(Locale.ROOT, "volume scan of %d instances (%d never answering, node read %s x %d "
                            + "attempts): slowest single %.3f s; concurrent (%d reads in flight, %d threads) %.3f s; serial %.3f s; "
                            + "serial/concurrent %.1fx; goal %.3f s (concurrent/goal %.2f)%n",
                    INSTANCES, INSTANCES / 10, READ.timeout(), READ.retries() + 1, slowest,
                    concurrent.options().maxReadsInFlight(), concurrent.options().parallelism(), concurrentS, serialS, serialS / concurrentS, goal,
                    concurrentS / goal);

            assertThat(parallel.fallbacks()).as("only the dead fall back").isEqualTo(INSTANCES / 10);
            assertThat(parallel.ok()).isTrue();
            assertThat(oneByOne.fallbacks()).isEqualTo(INSTANCES / 10);
            assertThat(concurrentS).isLessThanOrEqualTo(goal);
        }
    }

    static VolumeMonitor monitor(HttpInstanceVolumeReader reader, CloudWatchAgentDiskMetrics fallback,
                                 SimulatedVolumes volumes, int threads, int reads) {
        return VolumeMonitor.builder(VolumePolicy.defaults(), reader)
                .cloudWatch(fallback)
                .actions(volumes)
                .options(MonitorOptions.defaults().withParallelism(threads, reads)
                        .withBudget(Duration.ofSeconds(900), Duration.ofSeconds(30)))
                .build();
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
