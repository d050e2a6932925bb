package dev.graphfleet.console.service;

import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.NodeSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a {@link FleetSource} on its own thread, again and again: every {@code interval} while the
 * source answers, backing off while it does not. Each read becomes one immutable
 * {@link ConsoleState} handed to the listener on this thread; the console's listener prepares it for
 * the views here (every row's texts, each list's order) and forwards that to the FX thread. Nothing here
 * runs on, or waits for, the FX thread.
 */
public final class FleetPoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetPoller.class);

    private final FleetSource source;
    private final NodeDetailReader details;
    private final VolumeWatch volumes;
    private final Backoff backoff;
    private final Clock clock;
    private final Consumer<ConsoleState> listener;
    private final ScheduledExecutorService scheduler;
    /** Built on the refresh thread at the first refresh: it parses the instance-type catalogue (YAML), which
     *  must not hold up the FX thread that builds the window. */
    private MemoryCheck memoryCheck;
    private final KnownNodes knownNodes = new KnownNodes();

    private volatile boolean detailsWanted = true;
    private volatile boolean volumesWanted = true;
    /** Touched only on the scheduler thread. */
    private int consecutiveFailures;
    private ScheduledFuture<?> next;

    /**
     * @param details reads node details for the detail views; null to read the fleet model only
     */
    public FleetPoller(FleetSource source, NodeDetailReader details, Backoff backoff, Clock clock,
                       Consumer<ConsoleState> listener) {
        this(source, details, null, backoff, clock, listener);
    }

    /**
     * @param details reads node details for the detail views; null to read the fleet model only
     * @param volumes reads volume facts (CloudWatch fallback, modifications) for the Volumes view; null for none
     */
    public FleetPoller(FleetSource source, NodeDetailReader details, VolumeWatch volumes, Backoff backoff, Clock clock,
                       Consumer<ConsoleState> listener) {
        this.source = Objects.requireNonNull(source, "source");
        this.details = details;
        this.volumes = volumes;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "console-refresh");
            t.setDaemon(true);
            return t;
        });
    }

    public String sourceName() {
        return source.name();
    }

    /** Starts refreshing now, then on schedule. */
    public void start() {
        scheduler.execute(this::refreshAndReschedule);
    }

    /** One refresh now, outside the schedule; completes with what was published. */
    public CompletableFuture<ConsoleState> refreshNow() {
        return CompletableFuture.supplyAsync(this::refresh, scheduler);
    }

    /** Node details cost one more request per node; the app reads them only while a detail view shows. */
    public void setDetailsWanted(boolean wanted) {
        detailsWanted = wanted;
    }

    /** Volume facts cost a describe (and maybe a CloudWatch read) per instance: read only while the Volumes view shows. */
    public void setVolumesWanted(boolean wanted) {
        volumesWanted = wanted;
    }

    private void refreshAndReschedule() {
        ConsoleState state = refresh();
        if (!scheduler.isShutdown()) {
            next = scheduler.schedule(this::refreshAndReschedule, state.refresh().nextIn().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private ConsoleState refresh() {
        long started = System.nanoTime();
        FleetSnapshot fleet = knownNodes.fill(readSource());
        Map<String, NodeDetail> nodeDetails = detailsWanted && details != null && fleet.sourceReachable()
                ? details.read(fleet) : Map.of();
        Map<String, VolumeFacts> volumeFacts = volumesWanted && volumes != null && fleet.sourceReachable()
                ? volumes.read(fleet) : Map.of();
        consecutiveFailures = fleet.sourceReachable() ? 0 : consecutiveFailures + 1;
        RefreshStatus status = new RefreshStatus(clock.instant(), Duration.ofNanos(System.nanoTime() - started),
                consecutiveFailures, backoff.delayAfter(consecutiveFailures));
        ConsoleState state = new ConsoleState(fleet, nodeDetails, memoryVerdicts(fleet, nodeDetails), status,
                volumeFacts);
        try {
            listener.accept(state);
        } catch (RuntimeException e) {
            LOG.error("publishing a refresh failed", e);
        }
        return state;
    }

    private Map<String, MemoryCheck.MemoryVerdict> memoryVerdicts(FleetSnapshot fleet, Map<String, NodeDetail> nodes) {
        if (memoryCheck == null) {
            memoryCheck = new MemoryCheck();
        }
        Map<String, MemoryCheck.MemoryVerdict> verdicts = new HashMap<>();
        for (FleetInstance instance : fleet.instances()) {
            NodeSummary.BufferPool pool = instance.node() == null ? null : instance.node().bufferPool();
            if (pool != null) {
                NodeDetail detail = nodes.get(instance.id());
                List<Long> open = detail != null && !detail.bufferPools().isEmpty()
                        ? List.copyOf(detail.bufferPools().values())
                        : openPoolsFromSummary(pool);
                verdicts.put(instance.id(), memoryCheck.check(instance.instanceType(),
                        detail == null ? null : detail.ramBytes(), pool.memoryBudgetBytes(), open, pool.overBudget()));
            }
        }
        return verdicts;
    }

    /** Without details only the sum is known: one entry per open database, the sum split evenly. */
    private static List<Long> openPoolsFromSummary(NodeSummary.BufferPool pool) {
        int n = pool.openDatabases();
        return n == 0 ? List.of() : Collections.nCopies(n, pool.configuredTotalBytes() / n);
    }

    /** The source promises not to throw; if one does anyway, that is an unreachable source, not a dead loop. */
    private FleetSnapshot readSource() {
        try {
            return source.snapshot();
        } catch (RuntimeException e) {
            LOG.warn("reading {} failed", source.name(), e);
            return FleetSnapshot.unreachable(null, Instant.now(clock), source.name(),
                    "reading the source failed: " + e.getClass().getSimpleName());
        }
    }

    /** Stops refreshing and closes the source. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        ScheduledFuture<?> pending = next;
        if (pending != null) {
            pending.cancel(false);
        }
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        source.close();
    }
}
