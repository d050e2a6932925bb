package dev.graphfleet.volume.monitor;

import dev.graphfleet.time.Sleeper;
import dev.graphfleet.volume.VolumePlanner;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.registry.InMemoryVolumeRegistry;
import dev.graphfleet.volume.registry.VolumeRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks the data volume of every instance of a fleet and acts on what the {@link VolumePlanner} decides.
 *
 * <p>Node reads are asynchronous and start together (at most {@link MonitorOptions#maxReadsInFlight()}), so a
 * dead node (up to three timed-out attempts) delays nobody else and dead nodes wait at the same time; the rest
 * of each check (CloudWatch fallback, describe, decide, act) runs on {@link MonitorOptions#parallelism()}
 * threads. A run ends within its budget: checks still reading at the action deadline are abandoned
 * (NOT_CHECKED), no action starts in the last {@link MonitorOptions#actionReserve()}, and a started action is
 * given that reserve to finish. A filesystem grow that must wait for EBS is left to the
 * next run, which finds the modification optimizing and grows then.
 */
public final class VolumeMonitor {

    /** What a check needs; one set per monitor. */
    record Parts(VolumePlanner planner, InstanceVolumeReader nodes, CloudWatchDiskMetrics cloudWatch,
                 VolumeActions actions, VolumeRegistry registry, UsageHistory history, Clock clock,
                 Sleeper sleeper, MonitorOptions options) {
    }

    private final Parts parts;
    private final MonitorSink sink;

    private VolumeMonitor(Parts parts, MonitorSink sink) {
        this.parts = parts;
        this.sink = sink;
    }

    public static Builder builder(VolumePolicy policy, InstanceVolumeReader nodes) {
        return new Builder(policy, nodes);
    }

    public MonitorOptions options() {
        return parts.options();
    }

    /** Checks the instances of {@code source}; a failure to list them fails the run. */
    public MonitorReport run(InstanceSource source, boolean alarm, boolean dryRun) throws Exception {
        return run(source.instances(), alarm, dryRun);
    }

    /**
     * Checks every instance (concurrently) and acts unless {@code dryRun}; {@code alarm} selects the lower
     * threshold. Returns one report row per instance, in order. Never takes longer than the budget.
     */
    public MonitorReport run(List<WatchedInstance> instances, boolean alarm, boolean dryRun) {
        Instant startedAt = parts.clock().instant();
        long start = System.nanoTime();
        long deadline = start + parts.options().budget().toNanos();
        long actDeadline = deadline - parts.options().actionReserve().toNanos();

        List<InstanceCheck> checks = new ArrayList<>();
        for (WatchedInstance instance : instances) {
            checks.add(new InstanceCheck(parts, instance, alarm, dryRun, actDeadline));
        }
        List<InstanceReport> reports = new ArrayList<>();
        ExecutorService pool = newPool(parts.options().parallelism());
        try {
            startReads(checks, pool, actDeadline);
            for (InstanceCheck check : checks) {
                reports.add(await(check, actDeadline, deadline));
            }
        } finally {
            pool.shutdownNow();
        }
        MonitorReport report = new MonitorReport(startedAt, Duration.ofNanos(System.nanoTime() - start), alarm,
                dryRun, reports);
        publish(report);
        return report;
    }

    /** Tells the sink (alerts, metrics); its failures are logged by it and never change the report. */
    private void publish(MonitorReport report) {
        try {
            MonitorSink.all(List.of(sink)).publish(report);
        } catch (Exception e) {
            throw new IllegalStateException("MonitorSink.all never throws", e);
        }
    }

    /** Starts every node read, at most maxReadsInFlight at a time; a read not started by the deadline is dropped. */
    private void startReads(List<InstanceCheck> checks, ExecutorService pool, long actDeadline) {
        Semaphore reads = new Semaphore(parts.options().maxReadsInFlight());
        for (InstanceCheck check : checks) {
            boolean permitted;
            try {
                permitted = reads.tryAcquire(Math.max(0, actDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                permitted = false;
            }
            if (!permitted) {
                check.abandon("the run's time budget ran out before its read started; the next run checks it");
                continue;
            }
            check.start(pool, reads::release);
        }
    }

    /**
     * Waits for one check: one still reading at the action deadline is abandoned (it could not act anyway);
     * one that is acting gets until the end of the budget.
     */
    private static InstanceReport await(InstanceCheck check, long actDeadline, long deadline) {
        try {
            try {
                return check.result().get(Math.max(0, actDeadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException readsTooLong) {
                if (check.abandon("the run's time budget ran out while reading; the next run checks it")) {
                    return check.result().join();
                }
                return check.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException actionTooLong) {
            return InstanceReport.failed(check.instance(), MetricsSource.NONE, null, null, Outcome.FAILED,
                    "an action did not finish within the run's time budget; the next run looks again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            check.abandon("the monitor was interrupted");
            return notChecked(check, "the monitor was interrupted");
        } catch (ExecutionException e) {
            return InstanceReport.failed(check.instance(), MetricsSource.NONE, null, null, Outcome.FAILED,
                    InstanceCheck.describe(e.getCause()));
        }
    }

    private static InstanceReport notChecked(InstanceCheck check, String why) {
        return InstanceReport.failed(check.instance(), MetricsSource.NONE, null, null, Outcome.NOT_CHECKED, why);
    }

    private static ExecutorService newPool(int threads) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "volume-check-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                factory);
    }

    /** Assembles a monitor; everything but the policy and the node reader has a default. */
    public static final class Builder {
        private final VolumePolicy policy;
        private final InstanceVolumeReader nodes;
        private CloudWatchDiskMetrics cloudWatch = CloudWatchDiskMetrics.unavailable("no AWS source");
        private VolumeActions actions = VolumeActions.none();
        private VolumeRegistry registry = new InMemoryVolumeRegistry();
        private UsageHistory history = new InMemoryUsageHistory(Duration.ofHours(24), 2_000);
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private MonitorOptions options = MonitorOptions.defaults();
        private MonitorSink sink = MonitorSink.none();

        private Builder(VolumePolicy policy, InstanceVolumeReader nodes) {
            this.policy = Objects.requireNonNull(policy, "policy");
            this.nodes = Objects.requireNonNull(nodes, "nodes");
        }

        public Builder cloudWatch(CloudWatchDiskMetrics v) { cloudWatch = Objects.requireNonNull(v); return this; }
        public Builder actions(VolumeActions v) { actions = Objects.requireNonNull(v); return this; }
        public Builder registry(VolumeRegistry v) { registry = Objects.requireNonNull(v); return this; }
        public Builder history(UsageHistory v) { history = Objects.requireNonNull(v); return this; }
        public Builder clock(Clock v) { clock = Objects.requireNonNull(v); return this; }
        public Builder sleeper(Sleeper v) { sleeper = Objects.requireNonNull(v); return this; }
        public Builder options(MonitorOptions v) { options = Objects.requireNonNull(v); return this; }
        /** Told of every finished run (SNS alerts, CloudWatch metrics); none by default. */
        public Builder sink(MonitorSink v) { sink = Objects.requireNonNull(v); return this; }

        public VolumeMonitor build() {
            return new VolumeMonitor(new Parts(new VolumePlanner(policy), nodes, cloudWatch, actions, registry,
                    history, clock, sleeper, options), sink);
        }
    }
}
