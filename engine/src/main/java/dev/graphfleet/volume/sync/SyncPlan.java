package dev.graphfleet.volume.sync;

import java.time.Instant;
import java.util.List;

/**
 * The changes a sync would make, and those it leaves alone because a monitor holds the volume's expansion lock
 * (it may be modifying the volume right now; the next sync catches up).
 */
public record SyncPlan(List<SyncChange> changes, List<Skipped> skipped) {

    public SyncPlan {
        changes = List.copyOf(changes);
        skipped = List.copyOf(skipped);
    }

    /** A change not made because {@code lockOwner} holds the lock until {@code lockExpiresAt}. */
    public record Skipped(SyncChange change, String lockOwner, Instant lockExpiresAt) {
    }
}
