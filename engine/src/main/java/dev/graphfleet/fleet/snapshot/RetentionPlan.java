package dev.graphfleet.fleet.snapshot;

import java.util.List;

/**
 * Which snapshots of a repository stay and which go. Only snapshots tagged with the repository and
 * environment are ever in a plan; anything else in the account is not ours to delete.
 */
public record RetentionPlan(List<Kept> kept, List<DataSnapshot> delete) {

    /** Why a snapshot stays. */
    public enum Reason {
        /** The newest completed snapshot: what replicas boot from. */
        LATEST,
        /** One of the {@code keep - 1} before it: there to roll back to. */
        ROLLBACK,
        /** An instance's volume or the launch template still names it. */
        IN_USE,
        /** Still being taken. */
        IN_PROGRESS
    }

    public record Kept(DataSnapshot snapshot, Reason reason) {
    }

    public RetentionPlan {
        kept = List.copyOf(kept);
        delete = List.copyOf(delete);
    }

    public List<String> deleteIds() {
        return delete.stream().map(DataSnapshot::id).toList();
    }

    public List<String> keptIds() {
        return kept.stream().map(k -> k.snapshot().id()).toList();
    }
}
