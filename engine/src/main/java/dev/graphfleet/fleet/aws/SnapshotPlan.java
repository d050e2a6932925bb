package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.FleetTags;
import dev.graphfleet.fleet.snapshot.DataSnapshot;
import dev.graphfleet.fleet.snapshot.RetentionPlan;
import dev.graphfleet.fleet.snapshot.SnapshotHistory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a snapshot would change, one line each, for a dry run: the checkpoint, the snapshot and its tags, and the
 * snapshots retention would then delete (counting the new one as completed).
 */
final class SnapshotPlan {

    private SnapshotPlan() {
    }

    /**
     * @param checkpointing whether a checkpoint is configured
     * @param now           when the new snapshot would be taken
     */
    static List<String> changes(SnapshotPreflight.Passed checked, int keep, boolean checkpointing, String environment,
                                Instant now) {
        String graphId = checked.graphId();
        List<String> changes = new ArrayList<>();
        changes.add("checkpoint " + graphId + " on shared master " + checked.master().id()
                + (checkpointing ? "" : " (skipped: no checkpoint configured)"));
        changes.add("snapshot its data volume " + checked.volume() + " (encrypted), tagged " + FleetTags.GRAPH_ID + "="
                + graphId + ", " + FleetTags.ENVIRONMENT + "=" + environment + ", " + FleetTags.SERVICE + "="
                + checked.serviceTag() + ", " + FleetTags.JOB_ID + "=<new job id>");
        DataSnapshot next = new DataSnapshot("(new)", checked.volume(), DataSnapshot.State.COMPLETED, null, true,
                now, null, Map.of(FleetTags.GRAPH_ID, graphId, FleetTags.ENVIRONMENT, environment));
        List<DataSnapshot> after = new ArrayList<>(checked.history().all());
        after.add(next);
        RetentionPlan plan = SnapshotHistory.of(after, graphId, environment).retention(keep, checked.inUse());
        changes.add(plan.delete().isEmpty() ? "delete no snapshot (keep " + keep + ")"
                : "then delete " + String.join(", ", plan.deleteIds()) + " (beyond keep " + keep + ")");
        return changes;
    }
}
