package dev.graphfleet.volume.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.DynamoDbLocal;
import dev.graphfleet.testing.FakeCloudWatch;
import dev.graphfleet.testing.FakeNodes;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.SilentNodes;
import dev.graphfleet.volume.VolumeDecision;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.aws.CloudWatchAgentDiskMetrics;
import dev.graphfleet.volume.aws.DynamoVolumeRegistry;
import dev.graphfleet.volume.local.SimulatedVolumes;
import dev.graphfleet.volume.registry.VolumeRecord;
import dev.graphfleet.volume.registry.VolumeStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The monitor end to end over real parts: nodes on loopback HTTP (some never answering), the CloudWatch fallback
 * through the SDK against a loopback CBOR endpoint, the registry on DynamoDB Local, and volumes that follow the
 * EBS rules in memory. Time is a hand-moved clock; nothing sleeps.
 */
class VolumeMonitorTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final double GIB = 1024.0 * 1024 * 1024;

    static DynamoDbClient dynamo;

    final SettableClock clock = new SettableClock(T0);
    final Map<String, Double> usedGb = new ConcurrentHashMap<>();
    FakeNodes nodes;
    SilentNodes silent;
    FakeCloudWatch cloudWatch;
    CloudWatchClient cloudWatchClient;
    DynamoVolumeRegistry registry;
    SimulatedVolumes volumes;
    String table;

    @BeforeAll
    static void startDynamo() {
        dynamo = DynamoDbLocal.get().client();
    }

    @AfterAll
    static void stopDynamo() {
        dynamo.close();
    }

    @BeforeEach
    void start() throws Exception {
        nodes = new FakeNodes(null, 4);
        silent = new SilentNodes();
        cloudWatch = new FakeCloudWatch();
        cloudWatchClient = CloudWatchClient.builder().endpointOverride(cloudWatch.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("fake", "fake")))
                .build();
        table = DynamoDbLocal.get().createTable(dynamo, "volumes", "volume_id");
        registry = new DynamoVolumeRegistry(dynamo, table);
        volumes = new SimulatedVolumes(clock, Duration.ZERO, Duration.ofHours(1), Duration.ofHours(6));
    }

    @AfterEach
    void stop() throws Exception {
        nodes.close();
        silent.close();
        cloudWatchClient.close();
        cloudWatch.close();
    }

    /** A node whose filesystem follows its simulated volume and whose used GB the test sets. */
    WatchedInstance node(String id, long sizeGb, double used) {
        volumes.attach(id, "vol-" + id, sizeGb);
        usedGb.put(id, used);
        URI uri = nodes.add(id, i -> new FakeNodes.Disk(volumes.filesystemSizeGb(i), usedGb.get(i)));
        return new WatchedInstance(id, "writer", uri, "/mnt/lbug-data");
    }

    /** An instance whose node accepts connections and never answers. */
    WatchedInstance deadNode(String id, long sizeGb) {
        volumes.attach(id, "vol-" + id, sizeGb);
        return new WatchedInstance(id, "shared_replica", silent.add(id), "/data");
    }

    void cloudWatchHas(String id, String path, double usedPercent, double totalGb) {
        Map<String, String> dims = Map.of("InstanceId", id, "path", path, "device", "nvme1n1", "fstype", "xfs");
        cloudWatch.put("CWAgent", "disk_used_percent", dims, clock.instant().minusSeconds(60), usedPercent);
        cloudWatch.put("CWAgent", "disk_total", dims, clock.instant().minusSeconds(60), totalGb * GIB);
    }

    VolumeMonitor.Builder monitor(String id, Duration nodeTimeout) {
        HttpInstanceVolumeReader reader = new HttpInstanceVolumeReader(HttpClient.newHttpClient(),
                new NodeReadOptions(nodeTimeout, 2, Duration.ZERO), null, RetryDelay.system());
        return VolumeMonitor.builder(VolumePolicy.defaults(), reader)
                .cloudWatch(new CloudWatchAgentDiskMetrics(cloudWatchClient, clock,
                        CloudWatchAgentDiskMetrics.Options.defaults()))
                .actions(volumes)
                .registry(registry)
                .clock(clock)
                .sleeper(d -> clock.advance(d))
                .options(MonitorOptions.defaults().withMonitorId(id));
    }

    VolumeMonitor monitor() {
        return monitor("monitor-a", Duration.ofSeconds(10)).build();
    }

    static InstanceReport only(MonitorReport report) {
        assertThat(report.instances()).hasSize(1);
        return report.instances().get(0);
    }

    @Test
    void expandsAFullVolumeAndGrowsItsFilesystemInOneRun() {
        WatchedInstance w1 = node("w1", 100, 85);

        InstanceReport r = only(monitor().run(List.of(w1), false, false));

        assertThat(r.source()).isEqualTo(MetricsSource.NODE);
        assertThat(r.outcome()).isEqualTo(Outcome.EXPANDED);
        assertThat(r.decision()).isInstanceOfSatisfying(VolumeDecision.Expand.class,
                e -> assertThat(e.newSizeGb()).isEqualTo(150));
        assertThat(volumes.sizeGb("vol-w1")).isEqualTo(150);
        assertThat(volumes.filesystemSizeGb("w1")).isEqualTo(150.0);
        VolumeRecord row = registry.find("vol-w1").orElseThrow();
        assertThat(row.status()).isEqualTo(VolumeStatus.ATTACHED);
        assertThat(row.sizeGb()).isEqualTo(150);
        assertThat(row.lastModificationAt()).isEqualTo(T0);
        assertThat(row.lockOwner()).isNull();
    }

    @Test
    void theSinkIsToldOfEveryFinishedRunAndItsFailureChangesNothing() {
        WatchedInstance w1 = node("w1", 100, 85);
        List<MonitorReport> told = new ArrayList<>();

        MonitorReport report = monitor("monitor-a", Duration.ofSeconds(10)).sink(told::add).build()
                .run(List.of(w1), false, false);
        MonitorReport second = monitor("monitor-b", Duration.ofSeconds(10))
                .sink(r -> { throw new IllegalStateException("SNS is down"); }).build()
                .run(List.of(w1), false, true);

        assertThat(told).containsExactly(report);
        assertThat(report.instances().get(0).outcome()).isEqualTo(Outcome.EXPANDED);
        assertThat(second.instances()).hasSize(1);
    }

    @Test
    void fallsBackToCloudWatchWhenTheNodeNeverAnswers() {
        WatchedInstance replica = deadNode("i-0dead", 100);
        cloudWatchHas("i-0dead", "/data", 90.0, 100);
        WatchedInstance healthy = node("w1", 100, 10);

        MonitorReport report = monitor("monitor-a", Duration.ofMillis(200)).build()
                .run(List.of(replica, healthy), false, false);

        InstanceReport r = report.instances().get(0);
        assertThat(r.source()).isEqualTo(MetricsSource.CLOUDWATCH);
        assertThat(r.fallbackReason()).contains("node:").contains("no answer after 3 attempts");
        assertThat(r.reading().usage()).isEqualTo(0.9);
        assertThat(r.outcome()).isEqualTo(Outcome.EXPANDED);
        assertThat(volumes.sizeGb("vol-i-0dead")).isEqualTo(150);
        assertThat(report.fallbacks()).isEqualTo(1);
        assertThat(report.instances().get(1).source()).isEqualTo(MetricsSource.NODE);
        assertThat(cloudWatch.operations()).containsExactly("ListMetrics", "GetMetricData");
    }

    @Test
    void bothSourcesFailingIsAnErrorAndNoAction() {
        WatchedInstance replica = deadNode("i-0dead", 100);

        MonitorReport report = monitor("monitor-a", Duration.ofMillis(200)).build()
                .run(List.of(replica), false, false);

        InstanceReport r = only(report);
        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.source()).isEqualTo(MetricsSource.NONE);
        assertThat(r.error()).startsWith("no metrics: node: ").contains("; cloudwatch: no CloudWatch metric");
        assertThat(r.decision()).isNull();
        assertThat(volumes.modificationRequests("vol-i-0dead")).isZero();
        assertThat(report.ok()).isFalse();
        assertThat(report.attention()).containsExactly(r);
    }

    @Test
    void aDeadInstanceDoesNotHoldUpTheOthersAndTheRunKeepsItsBudget() {
        List<WatchedInstance> fleet = new ArrayList<>();
        fleet.add(deadNode("i-0dead", 100)); // first in line, and its reads would take 3 × 60 s
        for (int i = 0; i < 6; i++) {
            fleet.add(node("w" + i, 100, 85));
        }
        VolumeMonitor m = monitor("monitor-a", Duration.ofSeconds(60))
                .options(MonitorOptions.defaults().withMonitorId("monitor-a").withParallelism(2, 2)
                        .withBudget(Duration.ofSeconds(4), Duration.ofSeconds(1)))
                .build();

        MonitorReport report = m.run(fleet, false, false);

        assertThat(report.instances().get(0).outcome()).isEqualTo(Outcome.NOT_CHECKED);
        assertThat(report.instances().get(0).error()).contains("time budget ran out while reading");
        assertThat(report.instances().subList(1, 7)).allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.EXPANDED));
        assertThat(report.took()).isLessThan(Duration.ofSeconds(60)); // abandoned, not waited for
    }

    @Test
    void aDryRunPlansAndChangesNothing() {
        WatchedInstance w1 = node("w1", 100, 85);

        InstanceReport r = only(monitor().run(List.of(w1), false, true));

        assertThat(r.outcome()).isEqualTo(Outcome.PLANNED);
        assertThat(r.detail()).startsWith("dry run: would expand 100 -> 150 GB");
        assertThat(volumes.modificationRequests("vol-w1")).isZero();
        assertThat(volumes.filesystemSizeGb("w1")).isEqualTo(100.0);
        assertThat(registry.find("vol-w1")).isEmpty();
    }

    @Test
    void anAlarmRunExpandsAtTheLowerThreshold() {
        WatchedInstance w1 = node("w1", 100, 75);
        assertThat(only(monitor().run(List.of(w1), false, false)).outcome()).isEqualTo(Outcome.NONE);
        assertThat(only(monitor().run(List.of(w1), true, false)).outcome()).isEqualTo(Outcome.EXPANDED);
    }

    @Test
    void theCooldownIsRecordedAndHonouredAcrossRuns() {
        WatchedInstance w1 = node("w1", 100, 85);
        assertThat(only(monitor().run(List.of(w1), false, false)).outcome()).isEqualTo(Outcome.EXPANDED);

        clock.advance(Duration.ofHours(2));
        usedGb.put("w1", 130.0); // 86.7 % of 150
        InstanceReport second = only(monitor().run(List.of(w1), false, false));
        assertThat(second.outcome()).isEqualTo(Outcome.SKIPPED);
        assertThat(second.decision()).isInstanceOfSatisfying(VolumeDecision.Skip.class,
                s -> assertThat(s.retryAfter()).isEqualTo(T0.plus(Duration.ofHours(6))));
        assertThat(volumes.modificationRequests("vol-w1")).isEqualTo(1);

        clock.advance(Duration.ofHours(4));
        InstanceReport third = only(monitor().run(List.of(w1), false, false));
        assertThat(third.outcome()).isEqualTo(Outcome.EXPANDED);
        assertThat(volumes.modificationRequests("vol-w1")).isEqualTo(2);
    }

    @Test
    void aModificationThatOutlastsTheRunIsFinishedByTheNextRun() {
        volumes = new SimulatedVolumes(clock, Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(6));
        WatchedInstance w1 = node("w1", 100, 85);
        VolumeMonitor impatient = monitor("monitor-a", Duration.ofSeconds(10))
                .options(MonitorOptions.defaults().withMonitorId("monitor-a")
                        .withModificationWait(Duration.ZERO, Duration.ofSeconds(10)))
                .build();

        InstanceReport first = only(impatient.run(List.of(w1), false, false));
        assertThat(first.outcome()).isEqualTo(Outcome.EXPANSION_PENDING);
        assertThat(first.detail()).contains("still MODIFYING").contains("resumes on the next run");
        assertThat(registry.find("vol-w1").orElseThrow().status()).isEqualTo(VolumeStatus.EXPANDING);
        assertThat(volumes.filesystemSizeGb("w1")).isEqualTo(100.0);

        clock.advance(Duration.ofMinutes(11)); // now optimizing: the new size is usable
        InstanceReport second = only(impatient.run(List.of(w1), false, false));
        assertThat(second.outcome()).isEqualTo(Outcome.FILESYSTEM_GROWN);
        assertThat(second.decision()).isInstanceOfSatisfying(VolumeDecision.GrowFilesystem.class,
                g -> assertThat(g.cause()).isEqualTo(VolumeDecision.GrowCause.MODIFICATION_OPTIMIZING));
        assertThat(volumes.filesystemSizeGb("w1")).isEqualTo(150.0);
        assertThat(registry.find("vol-w1").orElseThrow().status()).isEqualTo(VolumeStatus.ATTACHED);
        assertThat(volumes.modificationRequests("vol-w1")).isEqualTo(1);
    }

    @Test
    void aModificationThatNeverCompletesIsGivenUpCleanlyRunAfterRun() {
        volumes = new SimulatedVolumes(clock, Duration.ofDays(365), Duration.ofHours(1), Duration.ofHours(6));
        WatchedInstance w1 = node("w1", 100, 85);
        VolumeMonitor m = monitor();
        List<Outcome> outcomes = new ArrayList<>();
        for (int run = 0; run < 8; run++) { // two days of runs every six hours; the volume stays "modifying"
            Instant started = clock.instant();
            InstanceReport r = only(m.run(List.of(w1), false, false));
            outcomes.add(r.outcome());
            assertThat(Duration.between(started, clock.instant())).as("each run stops waiting within its budget")
                    .isLessThanOrEqualTo(Duration.ofMinutes(2));
            assertThat(volumes.sizeGb("vol-w1")).isBetween(100L, VolumePolicy.EBS_MAX_GB);
            clock.advance(Duration.ofHours(6));
        }
        assertThat(outcomes.get(0)).isEqualTo(Outcome.EXPANSION_PENDING);
        assertThat(outcomes.subList(1, outcomes.size())).containsOnly(Outcome.SKIPPED);
        assertThat(volumes.modificationRequests("vol-w1")).as("never a second modification on top").isEqualTo(1);
        assertThat(volumes.filesystemSizeGb("w1")).as("nothing grown into space that never arrived").isEqualTo(100.0);
        // No run left its lock behind: another monitor can take it at once.
        assertThat(registry.tryLock("vol-w1", "monitor-z", clock.instant(), Duration.ofMinutes(15))).isPresent();
    }

    @Test
    void aWaitWithinTheRunPollsUntilOptimizing() {
        volumes = new SimulatedVolumes(clock, Duration.ofSeconds(25), Duration.ofHours(1), Duration.ofHours(6));
        WatchedInstance w1 = node("w1", 100, 85);

        InstanceReport r = only(monitor().run(List.of(w1), false, false)); // waits up to 60 s, polling every 10 s

        assertThat(r.outcome()).isEqualTo(Outcome.EXPANDED);
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(30)); // three polls of the moved clock
        assertThat(volumes.filesystemSizeGb("w1")).isEqualTo(150.0);
    }

    @Test
    void aRowLeftExpandingByADeadMonitorIsSettled() {
        WatchedInstance w1 = node("w1", 150, 60);
        // a monitor requested 100 -> 150 an hour ago, died before growing and never released its lock
        var lock = registry.tryLock("vol-w1", "monitor-dead", T0.minus(Duration.ofHours(1)), Duration.ofMinutes(15))
                .orElseThrow();
        registry.recordExpansion(lock, "w1", 150, T0.minus(Duration.ofHours(1)));

        InstanceReport r = only(monitor().run(List.of(w1), false, false));

        assertThat(r.outcome()).isEqualTo(Outcome.NONE);
        assertThat(r.detail()).endsWith("registry: expanding -> attached");
        assertThat(registry.find("vol-w1").orElseThrow().status()).isEqualTo(VolumeStatus.ATTACHED);
    }

    @Test
    void aModificationStuckOptimizingGetsAFilesystemGrowAndAttention() throws Exception {
        volumes = new SimulatedVolumes(clock, Duration.ZERO, Duration.ofHours(5), Duration.ofHours(6));
        WatchedInstance w1 = node("w1", 100, 85);
        volumes.modify("vol-w1", 150); // someone else's modification, whose grow never ran
        clock.advance(Duration.ofMinutes(31));

        MonitorReport report = monitor().run(List.of(w1), false, false);

        InstanceReport r = only(report);
        assertThat(r.outcome()).isEqualTo(Outcome.FILESYSTEM_GROWN);
        assertThat(r.decision()).isInstanceOfSatisfying(VolumeDecision.GrowFilesystem.class,
                g -> assertThat(g.cause()).isEqualTo(VolumeDecision.GrowCause.STUCK_OPTIMIZING));
        assertThat(volumes.filesystemSizeGb("w1")).isEqualTo(150.0);
        assertThat(report.attention()).containsExactly(r);
    }

    @Test
    void atTheMaximumSizeItAlerts() {
        WatchedInstance w1 = node("w1", 16_384, 16_000);
        MonitorReport report = monitor().run(List.of(w1), false, false);
        assertThat(only(report).outcome()).isEqualTo(Outcome.ALERT);
        assertThat(report.attention()).hasSize(1);
        assertThat(volumes.modificationRequests("vol-w1")).isZero();
    }

    @Test
    void withoutAVolumeProviderItAlertsWithThePlanInsteadOfActing() {
        URI full = nodes.add("n1", 100, 85);
        URI fine = nodes.add("n2", 100, 50);
        VolumeMonitor m = monitor("monitor-a", Duration.ofSeconds(10)).actions(VolumeActions.none()).build();

        MonitorReport report = m.run(List.of(WatchedInstance.ofNode(full), WatchedInstance.ofNode(fine)), false, false);

        assertThat(report.instances().get(0).outcome()).isEqualTo(Outcome.ALERT);
        assertThat(report.instances().get(0).detail()).contains("no EBS volume is known").contains("100 -> 150 GB");
        assertThat(report.instances().get(1).outcome()).isEqualTo(Outcome.NONE);
    }

    @Test
    void twoMonitorsRacingForOneVolumeExpandItOnce() throws Exception {
        WatchedInstance w1 = node("w1", 100, 85);
        // Both monitors read the volume before either takes the lock, so both decide to expand.
        CyclicBarrier bothDecided = new CyclicBarrier(2);
        List<VolumeMonitor> monitors = List.of(
                monitor("monitor-a", Duration.ofSeconds(10)).actions(firstDescribeWaitsFor(bothDecided))
                        .registry(new DynamoVolumeRegistry(DynamoDbLocal.get().client(), table)).build(),
                monitor("monitor-b", Duration.ofSeconds(10)).actions(firstDescribeWaitsFor(bothDecided))
                        .registry(new DynamoVolumeRegistry(DynamoDbLocal.get().client(), table)).build());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<InstanceReport> reports = new ArrayList<>();
        try {
            List<Future<MonitorReport>> runs = new ArrayList<>();
            for (VolumeMonitor m : monitors) {
                runs.add(pool.submit(() -> m.run(List.of(w1), false, false)));
            }
            for (Future<MonitorReport> run : runs) {
                reports.add(only(run.get(60, TimeUnit.SECONDS)));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(volumes.modificationRequests("vol-w1")).isEqualTo(1);
        assertThat(volumes.sizeGb("vol-w1")).isEqualTo(150);
        assertThat(reports).extracting(InstanceReport::outcome)
                .containsOnlyOnce(Outcome.EXPANDED)
                .allMatch(o -> o == Outcome.EXPANDED || o == Outcome.LOCKED || o == Outcome.SKIPPED);
    }

    /** The simulated volumes, with the first describe of this monitor held until both monitors got there. */
    VolumeActions firstDescribeWaitsFor(CyclicBarrier barrier) {
        return new VolumeActions() {
            private boolean first = true;

            @Override
            public synchronized Optional<VolumeDescription> describe(WatchedInstance instance)
                    throws VolumeActionException {
                Optional<VolumeDescription> d = volumes.describe(instance);
                if (first) {
                    first = false;
                    try {
                        barrier.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other monitor never arrived", e);
                    }
                }
                return d;
            }

            @Override
            public void modify(String volumeId, long newSizeGb) throws VolumeActionException {
                volumes.modify(volumeId, newSizeGb);
            }

            @Override
            public void growFilesystem(WatchedInstance instance) throws VolumeActionException {
                volumes.growFilesystem(instance);
            }
        };
    }
}
