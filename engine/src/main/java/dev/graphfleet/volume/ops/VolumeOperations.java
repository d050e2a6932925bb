package dev.graphfleet.volume.ops;

import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.VolumePlanner;
import dev.graphfleet.volume.monitor.VolumeActionException;
import dev.graphfleet.volume.monitor.VolumeActions;
import dev.graphfleet.volume.monitor.WatchedInstance;
import dev.graphfleet.volume.registry.ExpansionLock;
import dev.graphfleet.volume.registry.VolumeRecord;
import dev.graphfleet.volume.registry.VolumeRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The actions an operator (or a direct Lambda invocation) asks for by name: expand one volume, grow one
 * instance's filesystem, grow the filesystems of volumes stuck optimizing. The same rules as the monitor hold:
 * the planner's limits for a manual size, the registry's lock so a monitor and an operator never modify one
 * volume at once, and the registry records the modification so the cooldown is kept.
 */
public final class VolumeOperations {

    private static final Logger LOG = LoggerFactory.getLogger(VolumeOperations.class);

    private final VolumePlanner planner;
    private final VolumeActions actions;
    private final VolumeInventory inventory;
    private final VolumeRegistry registry;
    private final Clock clock;
    private final String owner;
    private final Duration lockTtl;

    public VolumeOperations(VolumePlanner planner, VolumeActions actions, VolumeInventory inventory,
                            VolumeRegistry registry, Clock clock, String owner, Duration lockTtl) {
        this.planner = Objects.requireNonNull(planner, "planner");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.inventory = Objects.requireNonNull(inventory, "inventory");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.lockTtl = Objects.requireNonNull(lockTtl, "lockTtl");
    }

    /**
     * Modifies {@code volumeId} to {@code sizeGb} if the planner's rules allow it (never shrink, at most the
     * maximum, no modification in progress, cooldown over). The filesystem grow follows once the modification is
     * optimizing: the next monitor run does it, or {@link #growFilesystem}.
     */
    public OperationResult expand(String volumeId, long sizeGb, boolean dryRun) {
        Optional<AttachedVolume> found;
        try {
            found = inventory.volume(volumeId);
        } catch (VolumeActionException e) {
            return OperationResult.of(OperationResult.Status.FAILED, e.getMessage());
        }
        if (found.isEmpty()) {
            return OperationResult.of(OperationResult.Status.NOT_FOUND, "volume " + volumeId + " does not exist");
        }
        Optional<String> refusal = refusal(found.get(), sizeGb);
        if (refusal.isPresent()) {
            return OperationResult.of(OperationResult.Status.REFUSED, volumeId + ": " + refusal.get());
        }
        String change = volumeId + " " + found.get().sizeGb() + " -> " + sizeGb + " GB";
        if (dryRun) {
            return OperationResult.of(OperationResult.Status.NOTHING_TO_DO, "dry run: would modify " + change);
        }
        Optional<ExpansionLock> lock = registry.tryLock(volumeId, owner, clock.instant(), lockTtl);
        if (lock.isEmpty()) {
            return OperationResult.of(OperationResult.Status.REFUSED, volumeId + ": a monitor is expanding this "
                    + "volume right now (its registry lock is held); try again in a few minutes");
        }
        try {
            // under the lock, look again: a monitor may have modified it a moment ago
            AttachedVolume fresh = inventory.volume(volumeId).orElse(found.get());
            refusal = refusal(fresh, sizeGb);
            if (refusal.isPresent()) {
                return OperationResult.of(OperationResult.Status.REFUSED, volumeId + ": " + refusal.get());
            }
            actions.modify(volumeId, sizeGb);
            registry.recordExpansion(lock.get(), fresh.instanceId() == null ? "unattached" : fresh.instanceId(),
                    sizeGb, clock.instant());
            LOG.info("operator: modification of {} requested", change);
        } catch (VolumeActionException e) {
            return OperationResult.of(switch (e.refusal()) {
                case IN_PROGRESS, COOLDOWN, STUCK_OPTIMIZING -> OperationResult.Status.REFUSED;
                case NOT_FOUND -> OperationResult.Status.NOT_FOUND;
                default -> OperationResult.Status.FAILED;
            }, e.getMessage());
        } finally {
            registry.release(lock.get());
        }
        String next = found.get().instanceId() == null ? "the volume is not attached: grow its filesystem once it is"
                : "the filesystem is grown once the modification is optimizing (the next monitor run, or "
                        + "volumes grow-fs --instance " + found.get().instanceId() + ")";
        return OperationResult.of(OperationResult.Status.DONE, "requested " + change + "; " + next);
    }

    /** Grows the instance's data filesystem into its volume (harmless when it already fills it). */
    public OperationResult growFilesystem(WatchedInstance instance) {
        try {
            actions.growFilesystem(instance);
        } catch (VolumeActionException e) {
            return OperationResult.of(OperationResult.Status.FAILED, instance.instanceId() + ": " + e.getMessage());
        }
        return OperationResult.of(OperationResult.Status.DONE, instance.instanceId() + ": filesystem at "
                + instance.dataMount() + " grown");
    }

    /**
     * Grows the filesystem of every data volume optimizing for longer than the stuck limit, so its new space is
     * used. {@code fleetInstance} maps an instance id to the fleet's instance, or null for an instance that is not
     * ours, which is left alone (the original ran SSM on any instance in the region).
     */
    public OperationResult fixStuck(Function<String, WatchedInstance> fleetInstance, boolean dryRun) {
        List<AttachedVolume> optimizing;
        try {
            optimizing = inventory.withModification(ModificationState.OPTIMIZING);
        } catch (VolumeActionException e) {
            return OperationResult.of(OperationResult.Status.FAILED, "could not list volume modifications: "
                    + e.getMessage());
        }
        Instant now = clock.instant();
        List<String> fixed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (AttachedVolume v : optimizing) {
            Duration age = v.modification().age(now);
            if (age.compareTo(planner.policy().stuckOptimizingAfter()) <= 0) {
                continue;
            }
            String what = v.volumeId() + " (optimizing for " + VolumePlanner.human(age) + ", target "
                    + v.modification().targetSizeGb() + " GB)";
            WatchedInstance instance = v.instanceId() == null ? null : fleetInstance.apply(v.instanceId());
            if (instance == null) {
                lines.add("skipped " + what + ": " + (v.instanceId() == null ? "not attached"
                        : v.instanceId() + " is not a fleet instance"));
                continue;
            }
            if (dryRun) {
                lines.add("would grow " + instance.instanceId() + " for " + what);
                continue;
            }
            OperationResult grown = growFilesystem(instance);
            (grown.ok() ? fixed : failed).add(what + " on " + instance.instanceId()
                    + (grown.ok() ? "" : ": " + grown.message()));
            lines.add((grown.ok() ? "fixed " : "failed ") + what + " on " + instance.instanceId());
        }
        if (!failed.isEmpty()) {
            return new OperationResult(OperationResult.Status.FAILED, fixed.size() + " stuck volume(s) fixed, "
                    + failed.size() + " failed", lines);
        }
        if (fixed.isEmpty()) {
            return new OperationResult(OperationResult.Status.NOTHING_TO_DO, dryRun && !lines.isEmpty()
                    ? "dry run: nothing changed" : "no fleet volume is stuck optimizing", lines);
        }
        return new OperationResult(OperationResult.Status.DONE, fixed.size() + " stuck volume(s) fixed", lines);
    }

    /** The fixed and failed lines of a fix-stuck result, for the alert ({@code fixed ...} / {@code failed ...}). */
    public static List<String> linesStarting(OperationResult result, String prefix) {
        return result.lines().stream().filter(l -> l.startsWith(prefix + " ")).map(l -> l.substring(prefix.length() + 1))
                .toList();
    }

    private Optional<String> refusal(AttachedVolume v, long sizeGb) {
        Instant recorded = registry.find(v.volumeId()).map(VolumeRecord::lastModificationAt).orElse(null);
        return planner.refuseManualExpansion(v.sizeGb(), sizeGb, v.modification(), recorded, clock.instant());
    }
}
