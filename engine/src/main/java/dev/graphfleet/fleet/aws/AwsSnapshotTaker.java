package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.snapshot.MasterChoice;
import dev.graphfleet.fleet.snapshot.SnapshotHistory;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import dev.graphfleet.time.Sleeper;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Takes a snapshot of the shared master serving a repository in three steps: {@link SnapshotPreflight} (no
 * pending snapshot, {@link MasterChoice} picks the master, its data volume must be encrypted), then for a dry
 * run {@link SnapshotPlan} (what would change), else {@link SnapshotExecution} (checkpoint, CreateSnapshot tagged
 * at creation, wait until completed, delete what {@link SnapshotHistory#retention} puts beyond {@code keep}).
 * One job at a time ({@link SnapshotJobs}, and no pending snapshot in the account).
 */
final class AwsSnapshotTaker {

    private final SnapshotPreflight preflight;
    private final SnapshotExecution execution;
    private final boolean checkpointing;
    private final String environment;
    private final Clock clock;

    AwsSnapshotTaker(Ec2Inventory inventory, Ec2Snapshots snapshots, SnapshotJobs jobs,
                     AwsReplicaOperations.Checkpoint checkpoint, AwsReplicaOperations.Settings settings, Clock clock,
                     Sleeper sleeper) {
        this.preflight = new SnapshotPreflight(inventory, snapshots, settings);
        this.execution = new SnapshotExecution(inventory, snapshots, jobs, checkpoint, settings, clock, sleeper);
        this.checkpointing = checkpoint != null;
        this.environment = settings.environment();
        this.clock = clock;
    }

    /**
     * Snapshots the master of {@code graphId} and keeps {@code keep} completed snapshots (the new one
     * included). Fails with a sentence naming the step and the fix.
     */
    AwsReplicaOperations.SnapshotOutcome snapshot(String graphId, int keep, String requestedBy, boolean dryRun,
                                    Consumer<String> progress) throws InterruptedException {
        SnapshotPreflight.Passed checked = preflight.check(graphId);
        if (dryRun) {
            List<String> changes = SnapshotPlan.changes(checked, keep, checkpointing, environment, clock.instant());
            return new AwsReplicaOperations.SnapshotOutcome(null, null, List.of(), changes);
        }
        return execution.run(checked, keep, requestedBy, progress);
    }
}
