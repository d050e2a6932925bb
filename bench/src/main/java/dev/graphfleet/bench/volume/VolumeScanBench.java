package dev.graphfleet.bench.volume;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.harness.Stats;
import dev.graphfleet.bench.harness.Trials;
import dev.graphfleet.bench.results.Curve;
import dev.graphfleet.bench.results.Format;
import dev.graphfleet.bench.results.Goal;
import dev.graphfleet.bench.results.Section;
import dev.graphfleet.bench.results.Table;
import dev.graphfleet.testing.FakeCloudWatch;
import dev.graphfleet.testing.FakeNodes;
import dev.graphfleet.testing.SilentNodes;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.aws.CloudWatchAgentDiskMetrics;
import dev.graphfleet.volume.local.SimulatedVolumes;
import dev.graphfleet.volume.monitor.HttpInstanceVolumeReader;
import dev.graphfleet.volume.monitor.MonitorOptions;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.NodeReadOptions;
import dev.graphfleet.volume.monitor.RetryDelay;
import dev.graphfleet.volume.monitor.VolumeMonitor;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * DESIGN goal 4: the volume monitor scans 10,000 loopback instances, 10 % accepting connections but
 * never answering, within 1.2 × the slowest single instance (its timeouts and retries) + 1 s.
 * Baselines: that slowest single instance, and the original's serial scan. The serial scan of all
 * 10,000 would take ~1,000 × 3 timeouts (50 minutes) on its own, so it is measured up to 100 instances
 * and its curve shows it grows linearly; the 10,000 figure is that line extended, and says so.
 */
public final class VolumeScanBench implements Benchmark {

    @Override
    public String name() {
        return "volume";
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        int[] sizes = config.quick() ? new int[] {50, 100, 200} : new int[] {100, 1000, 2500, 5000, 10_000};
        int[] serialSizes = config.quick() ? new int[] {10, 20} : new int[] {20, 50, 100};
        int iterations = config.pick(2, 3);
        Duration timeout = Duration.ofMillis(config.pick(200, 1000));
        NodeReadOptions read = new NodeReadOptions(timeout, 2, Duration.ofMillis(20));
        int largest = sizes[sizes.length - 1];

        try (FakeNodes nodes = new FakeNodes("bench-key", 16);
             SilentNodes silent = new SilentNodes();
             FakeCloudWatch cloudWatch = new FakeCloudWatch();
             CloudWatchClient cw = CloudWatchClient.builder().endpointOverride(cloudWatch.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("f", "f")))
                     .build()) {
            Clock clock = Clock.systemUTC();
            SimulatedVolumes volumes = new SimulatedVolumes(clock, Duration.ZERO, Duration.ofHours(1), Duration.ofHours(6));
            List<WatchedInstance> fleet = new ArrayList<>();
            WatchedInstance aDeadOne = null;
            Map<String, String> volumeByInstance = new LinkedHashMap<>();
            for (int i = 0; i < largest; i++) {
                volumeByInstance.put("i-" + i, "vol-" + i);
            }
            volumes.attachAll(volumeByInstance, 500);
            for (int i = 0; i < largest; i++) {
                String id = "i-" + i;
                if (i % 10 == 5) { // every prefix of ten has one that never answers: 10 %
                    WatchedInstance dead = new WatchedInstance(id, "shared_replica", silent.add(id), "/data");
                    Map<String, String> dims = Map.of("InstanceId", id, "path", "/data");
                    cloudWatch.put("CWAgent", "disk_used_percent", dims, clock.instant().minusSeconds(30), 40.0);
                    cloudWatch.put("CWAgent", "disk_total", dims, clock.instant().minusSeconds(30), 500.0 * (1L << 30));
                    fleet.add(dead);
                    aDeadOne = dead;
                } else {
                    fleet.add(new WatchedInstance(id, "writer", nodes.add(id, 500, 200), "/mnt/lbug-data"));
                }
            }
            HttpInstanceVolumeReader reader = new HttpInstanceVolumeReader(HttpClient.newHttpClient(), read,
                    "bench-key", RetryDelay.system());
            CloudWatchAgentDiskMetrics fallback = new CloudWatchAgentDiskMetrics(cw, clock,
                    CloudWatchAgentDiskMetrics.Options.defaults());
            MonitorOptions defaults = MonitorOptions.defaults();
            VolumeMonitor concurrent = monitor(reader, fallback, volumes, defaults.parallelism(), defaults.maxReadsInFlight());
            VolumeMonitor serial = monitor(reader, fallback, volumes, 1, 1);

            concurrent.run(fleet.subList(0, Math.min(200, largest)), false, true); // JIT, connections, the SDK
            WatchedInstance dead = aDeadOne;
            Stats slowest = Trials.run(0, iterations, i -> seconds(serial.run(List.of(dead), false, true)));

            Map<Integer, Stats> concurrentBySize = new LinkedHashMap<>();
            for (int n : sizes) {
                List<WatchedInstance> some = fleet.subList(0, n);
                concurrentBySize.put(n, Trials.run(0, iterations, i -> {
                    MonitorReport report = concurrent.run(some, false, true);
                    check(report, n);
                    return seconds(report);
                }));
            }
            Map<Integer, Stats> serialBySize = new LinkedHashMap<>();
            for (int n : serialSizes) {
                List<WatchedInstance> some = fleet.subList(0, n);
                serialBySize.put(n, Trials.run(0, 1, i -> {
                    MonitorReport report = serial.run(some, false, true);
                    check(report, n);
                    return seconds(report);
                }));
            }
            int lastSerial = serialSizes[serialSizes.length - 1];
            double serialPerInstance = serialBySize.get(lastSerial).median() / lastSerial;
            double serialLargest = serialPerInstance * largest;
            Stats atLargest = concurrentBySize.get(largest);

            Table.Builder table = Table.builder("Scan wall time, seconds (median, min–max of " + iterations + ")",
                    "instances (10 % silent)", "concurrent scan", "serial scan (original's loop)");
            java.util.SortedSet<Integer> all = new java.util.TreeSet<>(concurrentBySize.keySet());
            all.addAll(serialBySize.keySet());
            for (int n : all) {
                Stats c = concurrentBySize.get(n);
                Stats s = serialBySize.get(n);
                table.row(String.format("%,d", n), c != null ? Format.stats(c) : "—",
                        s != null ? Format.stats(s) : n == largest
                                ? Format.number(serialLargest) + " (extended from " + lastSerial + ")" : "—");
            }
            table.row("1 silent instance alone", "", Format.stats(slowest));

            double limit = 1.2 * slowest.median() + 1.0;
            Goal goal = Goal.atMost(String.format("%,d instances, 10 %% silent: scan ≤ 1.2 × slowest single + 1 s", largest),
                    String.format("concurrent scan %s s; slowest single %s s", Format.number(atLargest.median()),
                            Format.number(slowest.median())),
                    atLargest.median(), limit, "s", "slowest single instance", atLargest.median() / slowest.median());

            Curve.SeriesBuilder conc = new Curve.SeriesBuilder("concurrent");
            concurrentBySize.forEach((n, s) -> conc.add(Curve.Point.of(n, s)));
            Curve.SeriesBuilder ser = new Curve.SeriesBuilder("serial");
            serialBySize.forEach((n, s) -> ser.add(Curve.Point.of(n, s)));
            Curve.SeriesBuilder goalLine = new Curve.SeriesBuilder("goal (1.2 × slowest + 1 s)");
            goalLine.add(Curve.Point.exact(sizes[0], limit)).add(Curve.Point.exact(largest, limit));
            Curve curve = new Curve("volume-scan", "Volume scan time vs instances (10 % silent)", "instances",
                    "seconds", true, true, List.of(conc.build(), ser.build(), goalLine.build()));

            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("node read timeout", timeout.toMillis() + " ms");
            settings.put("attempts", String.valueOf(read.retries() + 1));
            settings.put("concurrent", defaults.maxReadsInFlight() + " reads in flight, " + defaults.parallelism() + " threads");
            settings.put("iterations", iterations + " after a 200-instance warm-up scan");
            List<String> notes = List.of(String.format("Serial/concurrent at %,d instances: %.0f× (the serial figure "
                    + "extends the measured serial line: %.3f s per instance over %d instances).", largest,
                    serialLargest / atLargest.median(), serialPerInstance, lastSerial));
            return new Section(name(), String.format("Volume monitor: %,d instances, 10 %% never answering", largest),
                    "Loopback nodes answer /metrics over real HTTP (FakeNodes, 16 threads); the silent ones accept the "
                            + "connection and never answer (SilentNodes), then fall back to CloudWatch (a loopback "
                            + "endpoint speaking its protocol). Dry run: no volume is modified.",
                    settings, List.of(table.build()), List.of(goal), List.of(curve), notes, null, 0, "", config.quick());
        }
    }

    private static void check(MonitorReport report, int n) {
        if (report.fallbacks() != n / 10 || !report.ok()) {
            throw new IllegalStateException("scan of " + n + " fell back " + report.fallbacks() + " times (want "
                    + n / 10 + "), ok=" + report.ok());
        }
    }

    private static VolumeMonitor monitor(HttpInstanceVolumeReader reader, CloudWatchAgentDiskMetrics fallback,
                                         SimulatedVolumes volumes, int threads, int reads) {
        return VolumeMonitor.builder(VolumePolicy.defaults(), reader)
                .cloudWatch(fallback)
                .actions(volumes)
                .options(MonitorOptions.defaults().withParallelism(threads, reads)
                        .withBudget(Duration.ofSeconds(900), Duration.ofSeconds(30)))
                .build();
    }

    private static double seconds(MonitorReport report) {
        return report.took().toNanos() / 1e9;
    }
}
