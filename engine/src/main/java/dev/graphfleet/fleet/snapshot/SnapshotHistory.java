package dev.graphfleet.fleet.snapshot;

import dev.graphfleet.fleet.FleetTags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The snapshots of one repository in one environment (tags {@code GraphId} and {@code Environment}),
 * newest first: the one to boot from, the one to roll back to, and what to keep.
 *
 * <p>Replicas boot only from a completed, encrypted snapshot. The latest completed snapshot is the
 * one to use; when it is not encrypted the choice is refused rather than quietly falling back to an
 * older one (that would serve stale data while looking fine).
 */
public final class SnapshotHistory {

    /** Newest first; ties (same start time) by id so the order never depends on the listing. */
    private static final Comparator<DataSnapshot> NEWEST_FIRST = Comparator
            .comparing(DataSnapshot::startedAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed()
            .thenComparing(DataSnapshot::id, Comparator.reverseOrder());

    private final String graphId;
    private final String environment;
    private final List<DataSnapshot> snapshots;

    private SnapshotHistory(String graphId, String environment, List<DataSnapshot> snapshots) {
        this.graphId = graphId;
        this.environment = environment;
        this.snapshots = snapshots;
    }

    /** The snapshots among {@code listed} tagged with {@code graphId} and {@code environment}. */
    public static SnapshotHistory of(Collection<DataSnapshot> listed, String graphId, String environment) {
        Objects.requireNonNull(graphId, "graphId");
        Objects.requireNonNull(environment, "environment");
        List<DataSnapshot> ours = listed.stream().filter(s -> s.isOf(graphId, environment))
                .sorted(NEWEST_FIRST).toList();
        return new SnapshotHistory(graphId, environment, ours);
    }

    /** Every snapshot of the repository, newest first, whatever its state. */
    public List<DataSnapshot> all() {
        return snapshots;
    }

    public List<DataSnapshot> completed() {
        return snapshots.stream().filter(DataSnapshot::isCompleted).toList();
    }

    public Optional<DataSnapshot> find(String snapshotId) {
        return snapshots.stream().filter(s -> s.id().equals(snapshotId)).findFirst();
    }

    /** The snapshot replicas should boot from: the newest completed one, which must be encrypted. */
    public SnapshotChoice latest() {
        List<DataSnapshot> completed = completed();
        if (completed.isEmpty()) {
            Optional<DataSnapshot> pending = snapshots.stream()
                    .filter(s -> s.state() == DataSnapshot.State.PENDING).findFirst();
            if (pending.isPresent()) {
                return new SnapshotChoice.Refused("the only snapshot of " + what() + ", " + pending.get().id()
                        + ", is still being taken" + progress(pending.get()) + "; wait for it to complete");
            }
            return new SnapshotChoice.Refused("no completed snapshot is tagged " + tags()
                    + "; take one first (the snapshot job tags it with both)");
        }
        DataSnapshot latest = completed.get(0);
        if (!latest.encrypted()) {
            return new SnapshotChoice.Refused(unencrypted(latest));
        }
        return new SnapshotChoice.Chosen(latest);
    }

    /**
     * The snapshot to roll back to from {@code currentId}: the newest completed, encrypted snapshot
     * taken before it. Unencrypted snapshots are never a target.
     */
    public SnapshotChoice rollbackFrom(String currentId) {
        List<DataSnapshot> completed = completed();
        int at = -1;
        for (int i = 0; i < completed.size(); i++) {
            if (completed.get(i).id().equals(currentId)) {
                at = i;
            }
        }
        if (at < 0) {
            return new SnapshotChoice.Refused(currentId + " is not a completed snapshot of " + what()
                    + " (tags " + tags() + "); pass the snapshot the replicas run now");
        }
        for (DataSnapshot older : completed.subList(at + 1, completed.size())) {
            if (older.encrypted()) {
                return new SnapshotChoice.Chosen(older);
            }
        }
        return new SnapshotChoice.Refused("no encrypted snapshot of " + what() + " older than " + currentId
                + " is left to roll back to; keep more snapshots (replicas.<group>.snapshot.keep)");
    }

    /**
     * What to keep: the {@code keep} newest completed snapshots (the latest and {@code keep - 1} to roll
     * back to), every snapshot still being taken, and every snapshot in {@code inUse} (named by a running
     * instance's volume or the launch template). Everything else of this repository is to be deleted,
     * failed snapshots included, so snapshots no longer pile up forever.
     *
     * @param keep how many completed snapshots to keep, the latest included ({@code snapshot.keep}, ≥ 1)
     */
    public RetentionPlan retention(int keep, Set<String> inUse) {
        if (keep < 1) {
            throw new IllegalArgumentException("snapshot keep must be at least 1, the latest snapshot (found "
                    + keep + "); set replicas.<group>.snapshot.keep to 2 or more to be able to roll back");
        }
        List<RetentionPlan.Kept> kept = new ArrayList<>();
        List<DataSnapshot> delete = new ArrayList<>();
        int completedSeen = 0;
        for (DataSnapshot s : snapshots) {
            if (s.isCompleted() && completedSeen < keep) {
                kept.add(new RetentionPlan.Kept(s, completedSeen == 0
                        ? RetentionPlan.Reason.LATEST : RetentionPlan.Reason.ROLLBACK));
                completedSeen++;
            } else if (inUse.contains(s.id())) {
                kept.add(new RetentionPlan.Kept(s, RetentionPlan.Reason.IN_USE));
            } else if (s.state() == DataSnapshot.State.PENDING || s.state() == DataSnapshot.State.RECOVERING) {
                kept.add(new RetentionPlan.Kept(s, RetentionPlan.Reason.IN_PROGRESS));
            } else {
                delete.add(s);
            }
        }
        return new RetentionPlan(kept, delete);
    }

    private String what() {
        return graphId + " in " + environment;
    }

    private String tags() {
        return FleetTags.GRAPH_ID + "=" + graphId + ", " + FleetTags.ENVIRONMENT + "=" + environment;
    }

    private static String progress(DataSnapshot s) {
        return s.progress() == null ? "" : " (" + s.progress() + ")";
    }

    private String unencrypted(DataSnapshot s) {
        return "the latest snapshot of " + what() + ", " + s.id() + ", is not encrypted, and replicas boot only from"
                + " encrypted snapshots; make an encrypted copy (aws ec2 copy-snapshot --encrypted"
                + " --source-snapshot-id " + s.id() + ", then tag the copy " + tags() + ")"
                + " or encrypt the master's data volume and take a new snapshot";
    }
}
