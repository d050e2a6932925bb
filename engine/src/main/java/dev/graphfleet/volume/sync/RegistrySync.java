package dev.graphfleet.volume.sync;

import dev.graphfleet.volume.registry.VolumeRecord;
import dev.graphfleet.volume.registry.VolumeRegistry;
import dev.graphfleet.volume.registry.VolumeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Brings the volume registry in line with EC2: detached volumes marked available, moved ones re-pointed, deleted
 * ones removed, unregistered fleet data volumes registered. {@link #plan} decides; {@link #apply} writes, each
 * write refused by the registry if a monitor took the lock since the plan was made.
 */
public final class RegistrySync {

    private RegistrySync() {
    }

    /** What one change came to. */
    public record Result(SyncChange change, boolean applied) {
    }

    /**
     * @param registry every row of the registry
     * @param ec2      what EC2 says about the registered volumes and the fleet's data volumes (a registered id
     *                 missing here no longer exists)
     * @param now      to tell a held lock from a lapsed one
     */
    public static SyncPlan plan(List<VolumeRecord> registry, List<Ec2Volume> ec2, Instant now) {
        Objects.requireNonNull(now, "now");
        Map<String, Ec2Volume> byId = new LinkedHashMap<>();
        ec2.forEach(v -> byId.put(v.volumeId(), v));
        List<SyncChange> changes = new ArrayList<>();
        List<SyncPlan.Skipped> skipped = new ArrayList<>();
        for (VolumeRecord row : registry) {
            change(row, byId.get(row.volumeId())).ifPresent(c -> {
                if (row.lockedAt(now)) {
                    skipped.add(new SyncPlan.Skipped(c, row.lockOwner(), row.lockExpiresAt()));
                } else {
                    changes.add(c);
                }
            });
        }
        Set<String> registered = registry.stream().map(VolumeRecord::volumeId).collect(Collectors.toSet());
        for (Ec2Volume v : byId.values()) {
            if (v.fleetData() && !registered.contains(v.volumeId())) {
                changes.add(new SyncChange.Register(v.volumeId(), v.instanceId(), v.sizeGb()));
            }
        }
        return new SyncPlan(changes, skipped);
    }

    private static Optional<SyncChange> change(VolumeRecord row, Ec2Volume v) {
        if (v == null) {
            return Optional.of(new SyncChange.Remove(row.volumeId()));
        }
        if (!v.attached()) {
            return row.status() == VolumeStatus.AVAILABLE ? Optional.empty()
                    : Optional.of(new SyncChange.MarkAvailable(row.volumeId()));
        }
        // attached: moved to another instance, or back on one after being available
        if (!v.instanceId().equals(row.instanceId()) || row.status() == VolumeStatus.AVAILABLE) {
            return Optional.of(new SyncChange.Repoint(row.volumeId(), row.instanceId(), v.instanceId(), v.sizeGb()));
        }
        return Optional.empty();
    }

    /** Writes the plan's changes in order; a change the registry refuses (locked meanwhile) is not applied. */
    public static List<Result> apply(SyncPlan plan, VolumeRegistry registry, Instant now) {
        List<Result> results = new ArrayList<>();
        for (SyncChange c : plan.changes()) {
            results.add(new Result(c, write(c, registry, now)));
        }
        return results;
    }

    private static boolean write(SyncChange c, VolumeRegistry registry, Instant now) {
        if (c instanceof SyncChange.MarkAvailable m) {
            return registry.markAvailable(m.volumeId(), now);
        }
        if (c instanceof SyncChange.Repoint r) {
            return registry.repoint(r.volumeId(), r.toInstance(), r.sizeGb(), now);
        }
        if (c instanceof SyncChange.Remove r) {
            return registry.remove(r.volumeId(), now);
        }
        SyncChange.Register r = (SyncChange.Register) c;
        return registry.markAttached(r.volumeId(), r.instanceId(), r.sizeGb(), now);
    }
}
