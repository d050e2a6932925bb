package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.FleetTags;
import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.fleet.snapshot.DataSnapshot;
import dev.graphfleet.fleet.snapshot.MasterChoice;
import dev.graphfleet.fleet.snapshot.RetentionPlan;
import dev.graphfleet.fleet.snapshot.SnapshotHistory;
import dev.graphfleet.fleet.snapshot.SnapshotJob;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import dev.graphfleet.repo.Sleeper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Takes a snapshot of the shared master serving a repository: {@link MasterChoice} picks the master, its
 * data volume must be encrypted, a checkpoint first, CreateSnapshot tagged at creation (graph id,
 * environment, job id), wait until completed, then delete what {@link SnapshotHistory#retention} puts
 * beyond {@code keep}. One job at a time ({@link SnapshotJobs}, and no pending snapshot in the account).
 */
final class AwsSnapshotTaker {

    private final Ec2Inventory inventory;
    private final Ec2Snapshots snapshots;
    private final SnapshotJobs jobs;
    private final AwsReplicaOperations.Checkpoint checkpoint;
    private final AwsReplicaOperations.Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    AwsSnapshotTaker(Ec2Inventory inventory, Ec2Snapshots snapshots, SnapshotJobs jobs,
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

    /**
     * Snapshots the master of {@code graphId} and keeps {@code keep} completed snapshots (the new one
     * included). Fails with a sentence naming the step and the fix.
     */
    AwsReplicaOperations.SnapshotOutcome snapshot(String graphId, int keep, String requestedBy, boolean dryRun,
                                    Consumer<String> progress) throws InterruptedException {
        SnapshotHistory history = SnapshotHistory.of(inventory.snapshots(settings.environment(), graphId), graphId,
                settings.environment());
        Optional<DataSnapshot> pending = history.all().stream()
                .filter(s -> s.state() == DataSnapshot.State.PENDING).findFirst();
        if (pending.isPresent()) {
            throw new IllegalStateException("snapshot " + pending.get().id() + " of " + graphId + " is still being taken"
                    + Optional.ofNullable(pending.get().tag(FleetTags.JOB_ID)).map(j -> " by job " + j).orElse("")
                    + "; only one snapshot job runs at a time: wait for it to complete");
        }
        List<DiscoveredInstance> running = inventory.instances(settings.environment(), settings.service());
        MasterChoice.Chosen chosen = MasterChoice.choose(running, graphId);
        if (chosen.isRefused()) {
            throw new IllegalStateException("choosing the master: " + chosen.refusal());
        }
        DiscoveredInstance master = chosen.master();
        String volume = master.dataVolumeId();
        boolean encrypted = snapshots.volumeEncrypted(volume).orElseThrow(() -> new IllegalStateException(
                "the data volume " + volume + " of " + master.id() + " no longer exists"));
        if (!encrypted) {
            throw new IllegalStateException(MasterChoice.unencryptedVolume(master.id(), volume));
        }
        Set<String> inUse = inUse(running);
        if (dryRun) {
            List<String> changes = new ArrayList<>();
            changes.add("checkpoint " + graphId + " on shared master " + master.id()
                    + (checkpoint == null ? " (skipped: no checkpoint configured)" : ""));
            changes.add("snapshot its data volume " + volume + " (encrypted), tagged " + FleetTags.GRAPH_ID + "=" + graphId
                    + ", " + FleetTags.ENVIRONMENT + "=" + settings.environment() + ", " + FleetTags.SERVICE + "="
                    + serviceTag(master) + ", " + FleetTags.JOB_ID + "=<new job id>");
            DataSnapshot next = new DataSnapshot("(new)", volume, DataSnapshot.State.COMPLETED, null, true,
                    clock.instant(), null, java.util.Map.of(FleetTags.GRAPH_ID, graphId,
                    FleetTags.ENVIRONMENT, settings.environment()));
            List<DataSnapshot> after = new ArrayList<>(history.all());
            after.add(next);
            RetentionPlan plan = SnapshotHistory.of(after, graphId, settings.environment()).retention(keep, inUse);
            changes.add(plan.delete().isEmpty() ? "delete no snapshot (keep " + keep + ")"
                    : "then delete " + String.join(", ", plan.deleteIds()) + " (beyond keep " + keep + ")");
            return new AwsReplicaOperations.SnapshotOutcome(null, null, List.of(), changes);
        }
        SnapshotJobs.Start start = jobs.start(graphId, settings.environment(), requestedBy);
        if (start instanceof SnapshotJobs.Start.AlreadyRunning running1) {
            throw new IllegalStateException(running1.message());
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
                    job.snapshotTags(serviceTag(master))));
            progress.accept("snapshot " + id + " started");
            awaitCompleted(id, progress);
            RetentionPlan plan = SnapshotHistory.of(inventory.snapshots(settings.environment(), graphId), graphId,
                    settings.environment()).retention(keep, inUse);
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

    /** The snapshot's Service: --service, else its master's own Service tag, else the default. */
    private String serviceTag(DiscoveredInstance master) {
        if (settings.service() != null && !settings.service().isBlank()) {
            return settings.service();
        }
        String own = master.tags() == null ? null : master.tags().get(FleetTags.SERVICE);
        return own == null || own.isBlank() ? FleetTags.DEFAULT_SERVICE : own;
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

    /** Snapshots the running instances' data volumes came from: never deleted. */
    private Set<String> inUse(List<DiscoveredInstance> running) {
        List<String> volumes = running.stream().map(DiscoveredInstance::dataVolumeId).filter(Objects::nonNull).toList();
        Set<String> used = new HashSet<>(inventory.volumeSnapshots(volumes).values());
        used.remove("");
        return used;
    }
}
