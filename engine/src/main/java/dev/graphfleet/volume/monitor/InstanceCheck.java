package dev.graphfleet.volume.monitor;

import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.UsageSample;
import dev.graphfleet.volume.VolumeDecision;
import dev.graphfleet.volume.VolumeDecision.Alert;
import dev.graphfleet.volume.VolumeDecision.Expand;
import dev.graphfleet.volume.VolumeDecision.GrowFilesystem;
import dev.graphfleet.volume.VolumeDecision.NoAction;
import dev.graphfleet.volume.VolumeDecision.Skip;
import dev.graphfleet.volume.VolumeModification;
import dev.graphfleet.volume.VolumeState;
import dev.graphfleet.volume.registry.ExpansionLock;
import dev.graphfleet.volume.registry.VolumeRecord;
import dev.graphfleet.volume.registry.VolumeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one instance: read its disk (node, else CloudWatch), describe its volume, decide, and (unless a dry run)
 * act. Every step that can fail ends the check with the failure in the report; nothing is half-done: a
 * modification is recorded in the registry as soon as it is requested, and the filesystem grow that follows it
 * is picked up by a later run if this one runs out of time.
 */
final class InstanceCheck {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceCheck.class);

    private final VolumeMonitor.Parts parts;
    private final WatchedInstance instance;
    private final boolean alarm;
    private final boolean dryRun;
    private final long actDeadlineNanos;

    // READING until an action starts (ACTING) or the monitor gives up on it (ABANDONED); never both
    private static final int READING = 0;
    private static final int ACTING = 1;
    private static final int ABANDONED = 2;
    private final AtomicInteger phase = new AtomicInteger(READING);
    private final CompletableFuture<InstanceReport> result = new CompletableFuture<>();
    private volatile CompletableFuture<DiskReading> nodeRead;
    private volatile Future<?> work;

    // what the check has learnt so far, for the report
    private MetricsSource source = MetricsSource.NONE;
    private DiskReading reading;
    private String fallbackReason;
    private String volumeId;
    private long volumeSizeGb;
    private VolumeDecision decision;

    InstanceCheck(VolumeMonitor.Parts parts, WatchedInstance instance, boolean alarm, boolean dryRun,
                  long actDeadlineNanos) {
        this.parts = parts;
        this.instance = instance;
        this.alarm = alarm;
        this.dryRun = dryRun;
        this.actDeadlineNanos = actDeadlineNanos;
    }

    WatchedInstance instance() {
        return instance;
    }

    CompletableFuture<InstanceReport> result() {
        return result;
    }

    /**
     * Starts the node read (which holds no thread while the node keeps it waiting); the rest of the check runs
     * on {@code pool} once the read is over. {@code readDone} runs when the read is over, however it ends.
     */
    void start(ExecutorService pool, Runnable readDone) {
        CompletableFuture<DiskReading> read;
        try {
            read = parts.nodes().readAsync(instance, pool);
        } catch (RuntimeException e) {
            read = CompletableFuture.failedFuture(e);
        }
        nodeRead = read;
        read.whenComplete((nodeReading, nodeFailure) -> {
            readDone.run();
            if (phase.get() == ABANDONED) {
                return;
            }
            try {
                work = pool.submit(() -> result.complete(run(nodeReading, nodeFailure)));
            } catch (RejectedExecutionException runIsOver) {
                result.complete(report(Outcome.NOT_CHECKED, "", "the run ended before this instance was checked"));
            }
        });
    }

    /**
     * Gives up on a check that has not started acting (its read is cancelled, its work interrupted) and reports
     * it NOT_CHECKED. Returns false when it is acting: an action once started is allowed to finish.
     */
    boolean abandon(String why) {
        if (!phase.compareAndSet(READING, ABANDONED)) {
            return phase.get() == ABANDONED;
        }
        CompletableFuture<DiskReading> read = nodeRead;
        if (read != null) {
            read.cancel(true);
        }
        Future<?> w = work;
        if (w != null) {
            w.cancel(true);
        }
        result.complete(InstanceReport.failed(instance, MetricsSource.NONE, null, null, Outcome.NOT_CHECKED, why));
        return true;
    }

    private InstanceReport run(DiskReading nodeReading, Throwable nodeFailure) {
        try {
            return check(nodeReading, nodeFailure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report(Outcome.NOT_CHECKED, "", "interrupted: the run's time budget ran out");
        } catch (Exception e) {
            LOG.warn("{}: check failed", instance.instanceId(), e);
            return report(Outcome.FAILED, "", describe(e));
        }
    }

    private InstanceReport check(DiskReading nodeReading, Throwable nodeFailure) throws Exception {
        if (!readDisk(nodeReading, nodeFailure)) {
            return report(Outcome.FAILED, "", "no metrics: " + fallbackReason);
        }
        Optional<VolumeDescription> description;
        try {
            description = parts.actions().describe(instance);
        } catch (VolumeActionException e) {
            return report(Outcome.FAILED, "", "could not describe the data volume: " + e.getMessage());
        }
        VolumeRecord record = description.flatMap(d -> parts.registry().find(d.volumeId())).orElse(null);
        Instant now = parts.clock().instant();
        parts.history().record(instance.instanceId(), new UsageSample(now, reading.usedGb()));
        VolumeState state = state(description, record, now);
        decision = parts.planner().decide(state);
        return act(state, description.orElse(null), record);
    }

    /** The node's reading if it answered, else CloudWatch's. False when neither answered. */
    private boolean readDisk(DiskReading nodeReading, Throwable nodeFailure) throws InterruptedException {
        if (nodeFailure == null && nodeReading != null) {
            reading = nodeReading;
            source = MetricsSource.NODE;
            return true;
        }
        fallbackReason = "node: " + describe(unwrap(nodeFailure));
        try {
            reading = parts.cloudWatch().read(instance);
            source = MetricsSource.CLOUDWATCH;
            LOG.info("{}: node did not answer ({}); using CloudWatch", instance.instanceId(), fallbackReason);
            return true;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception cloudWatchFailure) {
            fallbackReason = fallbackReason + "; cloudwatch: " + describe(cloudWatchFailure);
            return false;
        }
    }

    private VolumeState state(Optional<VolumeDescription> description, VolumeRecord record, Instant now) {
        // Without a provider the filesystem total is all there is; it stands in for the volume size.
        volumeId = description.map(VolumeDescription::volumeId).orElse(null);
        volumeSizeGb = description.map(VolumeDescription::sizeGb)
                .orElse(Math.max(1, (long) Math.ceil(reading.sizeGb() - 1e-9)));
        VolumeModification modification = description.map(VolumeDescription::modification)
                .orElse(VolumeModification.none());
        return new VolumeState(volumeId, volumeSizeGb, reading.sizeGb(), reading.usage(), modification,
                record == null ? null : record.lastModificationAt(),
                parts.history().samples(instance.instanceId()), alarm, now);
    }

    private InstanceReport act(VolumeState state, VolumeDescription description, VolumeRecord record)
            throws InterruptedException {
        if (decision instanceof Alert) {
            return report(Outcome.ALERT, decision.summary(), null);
        }
        if (decision instanceof NoAction || decision instanceof Skip) {
            Outcome outcome = decision instanceof Skip ? Outcome.SKIPPED : Outcome.NONE;
            return report(outcome, decision.summary() + settleRegistry(state, record), null);
        }
        if (dryRun) {
            return report(Outcome.PLANNED, "dry run: would " + decision.summary(), null);
        }
        if (System.nanoTime() > actDeadlineNanos) {
            return report(Outcome.DEFERRED, "too little of the run's budget left to " + decision.summary(), null);
        }
        if (!phase.compareAndSet(READING, ACTING)) {
            return report(Outcome.NOT_CHECKED, "", "the run's time budget ran out before acting");
        }
        if (decision instanceof GrowFilesystem) {
            return growFilesystem(state.effectiveVolumeSizeGb(), decision.summary());
        }
        return expand((Expand) decision);
    }

    private InstanceReport expand(Expand planned) throws InterruptedException {
        Instant now = parts.clock().instant();
        Optional<ExpansionLock> lock = parts.registry().tryLock(volumeId, parts.options().monitorId(), now,
                parts.options().lockTtl());
        if (lock.isEmpty()) {
            String holder = parts.registry().find(volumeId)
                    .map(r -> r.lockOwner() + " until " + r.lockExpiresAt()).orElse("another monitor");
            return report(Outcome.LOCKED, "another monitor is expanding this volume (lock held by " + holder + ")",
                    null);
        }
        Expand expansion;
        VolumeActionException refusal = null;
        try {
            // Re-read under the lock: the monitor that held it before may just have modified this volume.
            VolumeDescription fresh;
            try {
                fresh = parts.actions().describe(instance).orElse(null);
            } catch (VolumeActionException e) {
                return report(Outcome.FAILED, "", "could not re-read the volume under the lock: " + e.getMessage());
            }
            VolumeRecord freshRecord = parts.registry().find(volumeId).orElse(null);
            VolumeDecision again = parts.planner().decide(
                    state(Optional.ofNullable(fresh), freshRecord, parts.clock().instant()));
            if (!(again instanceof Expand)) {
                decision = again;
                return report(Outcome.SKIPPED, "re-checked under the lock: " + again.summary(), null);
            }
            expansion = (Expand) again;
            decision = expansion;
            try {
                parts.actions().modify(volumeId, expansion.newSizeGb());
                parts.registry().recordExpansion(lock.get(), instance.instanceId(), expansion.newSizeGb(),
                        parts.clock().instant());
                LOG.info("{}: volume {} modification requested {} -> {} GB", instance.instanceId(), volumeId,
                        expansion.fromSizeGb(), expansion.newSizeGb());
            } catch (VolumeActionException refused) {
                refusal = refused;
            }
        } finally {
            parts.registry().release(lock.get());
        }
        // after the release: a filesystem grow marks the row attached, which a held lock refuses
        return refusal == null ? awaitAndGrow(expansion) : refused(refusal, expansion);
    }

    /** Waits (within the budget) for the modification to reach optimizing, then grows the filesystem. */
    private InstanceReport awaitAndGrow(Expand expansion) throws InterruptedException {
        String requested = "requested " + expansion.fromSizeGb() + " -> " + expansion.newSizeGb() + " GB";
        // The wait is counted in the sleeper's polls, not read from System.nanoTime(): with an injected
        // sleeper (tests, a simulated fleet) no wall time passes, and a nanoTime deadline never came.
        Duration poll = parts.options().pollInterval();
        Duration waited = Duration.ZERO;
        while (true) {
            ModificationState state;
            try {
                state = parts.actions().describe(instance).map(d -> d.modification().state())
                        .orElse(ModificationState.NONE);
            } catch (VolumeActionException e) {
                state = null; // transient: look again
                LOG.debug("{}: describe while waiting failed: {}", instance.instanceId(), e.getMessage());
            }
            if (state == ModificationState.FAILED) {
                return report(Outcome.FAILED, requested, "the volume modification failed (EBS); it is retried after "
                        + "the cooldown");
            }
            if (state == ModificationState.OPTIMIZING || state == ModificationState.COMPLETED
                    || state == ModificationState.NONE) {
                InstanceReport grown = growFilesystem(expansion.newSizeGb(), requested);
                return grown.outcome() == Outcome.FILESYSTEM_GROWN
                        ? withOutcome(grown, Outcome.EXPANDED) : grown;
            }
            if (waited.plus(poll).compareTo(parts.options().modificationWait()) > 0
                    || System.nanoTime() + poll.toNanos() > actDeadlineNanos) {
                return report(Outcome.EXPANSION_PENDING, requested + "; the modification is still " + state
                        + ", the filesystem grow resumes on the next run", null);
            }
            parts.sleeper().sleep(poll);
            waited = waited.plus(poll);
        }
    }

    private InstanceReport growFilesystem(long settledSizeGb, String what) {
        try {
            parts.actions().growFilesystem(instance);
        } catch (VolumeActionException e) {
            return report(Outcome.FAILED, what, "filesystem grow failed: " + e.getMessage());
        }
        String registryNote = "";
        if (volumeId != null && !parts.registry().markAttached(volumeId, instance.instanceId(), settledSizeGb,
                parts.clock().instant())) {
            registryNote = "; registry not updated (another monitor holds the lock)";
        }
        LOG.info("{}: filesystem grown ({})", instance.instanceId(), what);
        return report(Outcome.FILESYSTEM_GROWN, what + "; filesystem grown" + registryNote, null);
    }

    private InstanceReport refused(VolumeActionException e, Expand expansion) {
        switch (e.refusal()) {
            case STUCK_OPTIMIZING:
                // The last modification is stuck optimizing: its space is usable, so grow into it.
                return growFilesystem(volumeSizeGb, "modification refused, the last one is stuck optimizing");
            case IN_PROGRESS:
                return report(Outcome.SKIPPED, "modification refused: another is in progress (" + e.getMessage() + ")",
                        null);
            case COOLDOWN:
                return report(Outcome.SKIPPED, "modification refused: EBS cooldown (" + e.getMessage() + ")", null);
            default:
                return report(Outcome.FAILED, "requested " + expansion.fromSizeGb() + " -> " + expansion.newSizeGb()
                        + " GB", "volume modification failed: " + e.getMessage());
        }
    }

    /** An "expanding" row whose volume has settled is set back to attached, so no row stays expanding forever. */
    private String settleRegistry(VolumeState state, VolumeRecord record) {
        if (dryRun || record == null || record.status() != VolumeStatus.EXPANDING
                || state.modification().state().active() || parts.planner().filesystemBehind(state)) {
            return "";
        }
        boolean done = parts.registry().markAttached(volumeId, instance.instanceId(), state.volumeSizeGb(),
                parts.clock().instant());
        return done ? "; registry: expanding -> attached" : "";
    }

    private InstanceReport report(Outcome outcome, String detail, String error) {
        return new InstanceReport(instance, source, reading, fallbackReason, volumeId, volumeSizeGb, decision,
                outcome, detail, error);
    }

    private static InstanceReport withOutcome(InstanceReport r, Outcome outcome) {
        return new InstanceReport(r.instance(), r.source(), r.reading(), r.fallbackReason(), r.volumeId(),
                r.volumeSizeGb(), r.decision(), outcome, r.detail(), r.error());
    }

    private static Throwable unwrap(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    static String describe(Throwable e) {
        if (e == null) {
            return "no answer";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
