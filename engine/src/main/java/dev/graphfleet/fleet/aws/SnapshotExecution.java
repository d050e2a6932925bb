package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.fleet.snapshot.DataSnapshot;
import dev.graphfleet.fleet.snapshot.RetentionPlan;
import dev.graphfleet.fleet.snapshot.SnapshotHistory;
import dev.graphfleet.fleet.snapshot.SnapshotJob;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import dev.graphfleet.time.Sleeper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes the snapshot the preflight checked, as a {@link SnapshotJobs} job: a checkpoint first, CreateSnapshot
 * tagged at creation (graph id, environment, job id), wait until completed, then delete what
 * {@link SnapshotHistory#retention} puts beyond {@code keep}. A failed step fails the job with its sentence.
 */
final class SnapshotExecution {

    private final Ec2Inventory inventory;
    private final Ec2Snapshots snapshots;
    private final SnapshotJobs jobs;
    private final AwsReplicaOperations.Checkpoint checkpoint;
    private final AwsReplicaOperations.Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    SnapshotExecution(Ec2Inventory inventory, Ec2Snapshots snapshots, SnapshotJobs jobs,
                      AwsReplicaOperations.Checkpoint checkpoint, AwsReplicaOperations.Settings settings, Clock clock,
                      Sleeper sleeper) {
        this.inventory = inventory;
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.checkpoint = checkpoint;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    AwsReplicaOperations.SnapshotOutcome run(SnapshotPreflight.Passed checked, int keep, String requestedBy,
                                             Consumer<String> progress) throws InterruptedException {
        String graphId = checked.graphId();
        DiscoveredInstance master = checked.master();
        String volume = checked.volume();
        SnapshotJobs.Start start = jobs.start(graphId, settings.environment(), requestedBy);
        if (start instanceof SnapshotJobs.Start.AlreadyRunning running) {
            throw new IllegalStateException(running.message());
        }
        SnapshotJob job = start.job();
        try {
            progress.accept("job " + job.id() + ": snapshot " + graphId + " of shared master " + master.id()
                    + ", volume " + volume);
            if (checkpoint != null) {
                AwsErrors.step("checkpoint on " + master.id(), () -> checkpoint.checkpoint(master, graphId));
                progress.accept("checkpointed " + graphId + " on " + master.id());
            }
            String id = AwsErrors.step("CreateSnapshot of " + volume, () -> snapshots.create(volume,
                    "Graphfleet " + graphId + " (" + settings.environment() + "), job " + job.id(),
                    job.snapshotTags(checked.serviceTag())));
            progress.accept("snapshot " + id + " started");
            awaitCompleted(id, progress);
            RetentionPlan plan = SnapshotHistory.of(inventory.snapshots(settings.environment(), graphId), graphId,
                    settings.environment()).retention(keep, checked.inUse());
            List<String> deleted = new ArrayList<>();
            for (String old : plan.deleteIds()) {
                AwsErrors.step("DeleteSnapshot " + old, () -> snapshots.delete(old));
                deleted.add(old);
                progress.accept("deleted " + old + " (beyond keep " + keep + ")");
            }
            SnapshotJob done = jobs.succeeded(job.id(), id);
            return new AwsReplicaOperations.SnapshotOutcome(done, id, deleted, List.of());
        } catch (RuntimeException | InterruptedException e) {
            jobs.failed(job.id(), e.getMessage());
            throw e;
        }
    }

    private void awaitCompleted(String snapshotId, Consumer<String> progress) throws InterruptedException {
        Instant deadline = clock.instant().plus(settings.snapshotTimeout());
        String last = null;
        while (true) {
            DataSnapshot s = snapshots.describe(snapshotId).orElseThrow(() -> new IllegalStateException(
                    "waiting for " + snapshotId + ": it disappeared"));
            if (s.isCompleted()) {
                progress.accept("snapshot " + snapshotId + " completed");
                return;
            }
            if (s.state() == DataSnapshot.State.ERROR) {
                throw new IllegalStateException("waiting for " + snapshotId + ": EBS reports state error; take it again");
            }
            if (s.progress() != null && !s.progress().equals(last)) {
                progress.accept("snapshot " + snapshotId + " " + s.progress());
                last = s.progress();
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new IllegalStateException("waiting for " + snapshotId + ": not completed within "
                        + settings.snapshotTimeout().toMinutes() + " min (it goes on in EBS; refresh once it completes)");
            }
            sleeper.sleep(settings.poll());
        }
    }
}
