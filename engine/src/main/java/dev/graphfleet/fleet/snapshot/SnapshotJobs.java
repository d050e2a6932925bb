package dev.graphfleet.fleet.snapshot;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The single-flight guard of snapshot jobs: at most one runs at a time. A second request while one
 * runs does not start anything; it gets the running job back, so the caller can report or follow it.
 * (The original's sensor could start a snapshot job per materialisation in a burst.)
 *
 * <p>One guard per process holds the line within it (the console, the engine). Thread-safe.
 */
public final class SnapshotJobs {

    /** Finished jobs remembered for display. */
    static final int HISTORY = 20;

    private final Clock clock;
    private final Supplier<UUID> ids;
    private final Deque<SnapshotJob> finished = new ArrayDeque<>();
    private SnapshotJob running;

    public SnapshotJobs(Clock clock) {
        this(clock, UUID::randomUUID);
    }

    /** @param ids job ids; must never repeat (tests pass a fixed sequence) */
    public SnapshotJobs(Clock clock, Supplier<UUID> ids) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** What a request to start a job got. */
    public sealed interface Start {
        SnapshotJob job();

        /** A new job, now running; the caller must {@link #succeeded} or {@link #failed} it. */
        record Started(SnapshotJob job) implements Start {
        }

        /** Nothing started: {@code job} is the one already running. */
        record AlreadyRunning(SnapshotJob job) implements Start {
            public String message() {
                return "snapshot job " + job.id() + " (" + job.graphId() + " in " + job.environment()
                        + ") has been running since " + job.startedAt()
                        + (job.requestedBy() == null ? "" : ", started by " + job.requestedBy())
                        + "; only one snapshot job runs at a time: wait for it to finish";
            }
        }
    }

    /** Starts a job unless one is running. */
    public synchronized Start start(String graphId, String environment, String requestedBy) {
        if (running != null) {
            return new Start.AlreadyRunning(running);
        }
        running = new SnapshotJob(ids.get(), graphId, environment, requestedBy, clock.instant(),
                SnapshotJob.Status.RUNNING, null, null, null);
        return new Start.Started(running);
    }

    public synchronized Optional<SnapshotJob> running() {
        return Optional.ofNullable(running);
    }

    /** Finished jobs, newest first (the last {@value #HISTORY}). */
    public synchronized List<SnapshotJob> finished() {
        return List.copyOf(finished);
    }

    public synchronized SnapshotJob succeeded(UUID jobId, String snapshotId) {
        Objects.requireNonNull(snapshotId, "snapshotId");
        return finish(jobId, SnapshotJob.Status.SUCCEEDED, snapshotId, null);
    }

    public synchronized SnapshotJob failed(UUID jobId, String error) {
        return finish(jobId, SnapshotJob.Status.FAILED, null, error == null ? "failed" : error);
    }

    private SnapshotJob finish(UUID jobId, SnapshotJob.Status status, String snapshotId, String error) {
        if (running == null || !running.id().equals(jobId)) {
            throw new IllegalStateException("snapshot job " + jobId + " is not the running job ("
                    + (running == null ? "none is running" : running.id() + " is") + ")");
        }
        SnapshotJob done = running.finished(status, clock.instant(), snapshotId, error);
        running = null;
        finished.addFirst(done);
        while (finished.size() > HISTORY) {
            finished.removeLast();
        }
        return done;
    }
}
