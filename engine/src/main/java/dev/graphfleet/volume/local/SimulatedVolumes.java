package dev.graphfleet.volume.local;

import dev.graphfleet.volume.ModificationRefusal;
import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.VolumeModification;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.monitor.VolumeActionException;
import dev.graphfleet.volume.monitor.VolumeActions;
import dev.graphfleet.volume.monitor.VolumeDescription;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Volumes that behave like EBS, kept in a {@link SimulatedVolumeStore}: in memory to drive the monitor end to
 * end, or in the local fleet's file (directories with a simulated capacity). A modification is "modifying" for
 * {@link SimulatedTimings#modifyingFor()}, then "optimizing" (the new size is usable from here on), then
 * "completed". A second modification is refused while one is active (IncorrectModificationState) and within
 * the cooldown after the last (VolumeModificationRateExceeded), with the provider's words so the same
 * classifier applies. The filesystem grows only when asked to ({@link #growFilesystem}).
 */
public final class SimulatedVolumes implements VolumeActions {

    private final SimulatedVolumeStore store;
    private final Clock clock;
    private final SimulatedTimings timings;
    private volatile InstanceIndex index = new InstanceIndex(Map.of(), Map.of());

    /** Volumes in memory, with these timings. */
    public SimulatedVolumes(Clock clock, Duration modifyingFor, Duration optimizingFor, Duration cooldown) {
        this(new InMemoryVolumeStore(), clock, new SimulatedTimings(modifyingFor, optimizingFor, cooldown));
    }

    public SimulatedVolumes(SimulatedVolumeStore store, Clock clock, SimulatedTimings timings) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    public SimulatedTimings timings() {
        return timings;
    }

    /** Attaches a new volume of {@code sizeGb} whose filesystem fills it (replacing one of the same id). */
    public void attach(String instanceId, String volumeId, long sizeGb) {
        SimulatedVolume fresh = SimulatedVolume.attached(volumeId, instanceId, sizeGb);
        store.update(volumes -> with(volumes, fresh));
    }

    /** Attaches a volume of {@code sizeGb} to each instance in one change: a fleet of thousands set up at once. */
    public void attachAll(Map<String, String> volumeByInstance, long sizeGb) {
        store.update(volumes -> {
            Map<String, SimulatedVolume> changed = new HashMap<>(volumes);
            volumeByInstance.forEach((instanceId, volumeId) ->
                    changed.put(volumeId, SimulatedVolume.attached(volumeId, instanceId, sizeGb)));
            return changed;
        });
    }

    /** Like {@link #attach}, but a volume that already exists keeps its size and history (a restarted fleet). */
    public void attachIfAbsent(String instanceId, String volumeId, long sizeGb) {
        SimulatedVolume fresh = SimulatedVolume.attached(volumeId, instanceId, sizeGb);
        store.update(volumes -> volumes.containsKey(volumeId) ? volumes : with(volumes, fresh));
    }

    /** The volume as stored; empty when there is none of that id. */
    public Optional<SimulatedVolume> volume(String volumeId) {
        return Optional.ofNullable(store.read().get(volumeId));
    }

    /** The filesystem's size on the instance's volume (what its node reports). */
    public double filesystemSizeGb(String instanceId) {
        return volumeOf(store.read(), instanceId)
                .orElseThrow(() -> new NoSuchElementException("no volume attached to " + instanceId)).filesystemGb();
    }

    public long sizeGb(String volumeId) {
        return existing(volumeId).sizeGb();
    }

    /** Modifications accepted for the volume. */
    public int modifications(String volumeId) {
        return existing(volumeId).modifications();
    }

    /** Modification requests received for the volume, refused ones included. */
    public int modificationRequests(String volumeId) {
        return existing(volumeId).modificationRequests();
    }

    /** The state of the volume's latest modification now (NONE when it was never modified). */
    public ModificationState modificationState(String volumeId) {
        SimulatedVolume.Modification m = existing(volumeId).modification();
        return m == null ? ModificationState.NONE : m.stateAt(clock.instant());
    }

    @Override
    public Optional<VolumeDescription> describe(WatchedInstance instance) throws VolumeActionException {
        return volumeOf(read(), instance.instanceId())
                .map(v -> new VolumeDescription(v.volumeId(), v.sizeGb(), modification(v, clock.instant())));
    }

    @Override
    public void modify(String volumeId, long newSizeGb) throws VolumeActionException {
        AtomicReference<VolumeActionException> refused = new AtomicReference<>();
        update(volumes -> {
            refused.set(null);
            SimulatedVolume v = volumes.get(volumeId);
            if (v == null) {
                refused.set(refusal("InvalidVolume.NotFound", "The volume '" + volumeId + "' does not exist."));
                return volumes;
            }
            Instant now = clock.instant();
            VolumeActionException refusal = refusalOf(v, newSizeGb, now);
            refused.set(refusal);
            SimulatedVolume requested = v.withRequest();
            return with(volumes, refusal != null ? requested : requested.withModification(
                    new SimulatedVolume.Modification(v.sizeGb(), newSizeGb, now, now.plus(timings.modifyingFor()),
                            now.plus(timings.modifyingFor()).plus(timings.optimizingFor()))));
        });
        if (refused.get() != null) {
            throw refused.get();
        }
    }

    @Override
    public void growFilesystem(WatchedInstance instance) throws VolumeActionException {
        AtomicBoolean found = new AtomicBoolean();
        update(volumes -> {
            Optional<SimulatedVolume> attached = volumeOf(volumes, instance.instanceId());
            found.set(attached.isPresent());
            if (attached.isEmpty()) {
                return volumes;
            }
            SimulatedVolume v = attached.get();
            // the device only shows the new size from optimizing on
            SimulatedVolume.Modification m = v.modification();
            boolean modifying = m != null && m.stateAt(clock.instant()) == ModificationState.MODIFYING;
            return with(volumes, v.withFilesystemGb(modifying ? m.fromSizeGb() : v.sizeGb()));
        });
        if (!found.get()) {
            throw refusal("InvalidInstanceID.NotFound", "no volume attached to " + instance.instanceId());
        }
    }

    private VolumeActionException refusalOf(SimulatedVolume v, long newSizeGb, Instant now) {
        SimulatedVolume.Modification last = v.modification();
        if (last != null && last.stateAt(now).active()) {
            return refusal("IncorrectModificationState", "Cannot modify volume " + v.volumeId()
                    + " as it is currently in the state: " + last.stateAt(now).name());
        }
        if (last != null && now.isBefore(last.startedAt().plus(timings.cooldown()))) {
            return refusal("VolumeModificationRateExceeded", "You've reached the maximum modification rate per "
                    + "volume limit. Wait at least " + human(timings.cooldown())
                    + " between modifications per EBS volume.");
        }
        if (newSizeGb <= v.sizeGb() || newSizeGb > VolumePolicy.EBS_MAX_GB) {
            return refusal("InvalidParameterValue", "New size " + newSizeGb + " must be above " + v.sizeGb()
                    + " and at most " + VolumePolicy.EBS_MAX_GB);
        }
        return null;
    }

    private static VolumeModification modification(SimulatedVolume v, Instant now) {
        SimulatedVolume.Modification m = v.modification();
        if (m == null) {
            return VolumeModification.none();
        }
        ModificationState state = m.stateAt(now);
        // EC2 reports the start time while active and the end time once completed
        return VolumeModification.of(state, state == ModificationState.COMPLETED ? m.completedAt() : m.startedAt(),
                m.toSizeGb());
    }

    private Map<String, SimulatedVolume> read() throws VolumeActionException {
        try {
            return store.read();
        } catch (UncheckedIOException e) {
            throw new VolumeActionException(ModificationRefusal.OTHER, "simulated volumes: " + e.getMessage());
        }
    }

    private void update(UnaryOperator<Map<String, SimulatedVolume>> change)
            throws VolumeActionException {
        try {
            store.update(change);
        } catch (UncheckedIOException e) {
            throw new VolumeActionException(ModificationRefusal.OTHER, "simulated volumes: " + e.getMessage());
        }
    }

    private SimulatedVolume existing(String volumeId) {
        SimulatedVolume v = store.read().get(volumeId);
        if (v == null) {
            throw new NoSuchElementException("no simulated volume " + volumeId);
        }
        return v;
    }

    /**
     * The volume attached to an instance, through an index of the map the store last handed out: a scan
     * per look-up made a check of 10,000 instances cost 10,000² comparisons (the bench's volume scan spent
     * half its CPU there). The store hands out a new map on every change, so the index follows by identity.
     */
    private Optional<SimulatedVolume> volumeOf(Map<String, SimulatedVolume> volumes, String instanceId) {
        InstanceIndex current = index;
        if (current.volumes() != volumes) {
            current = InstanceIndex.of(volumes);
            index = current;
        }
        return Optional.ofNullable(current.byInstance().get(instanceId));
    }

    /** Instance id → its volume, for one map of volumes (the first met, as a scan would find it). */
    private record InstanceIndex(Map<String, SimulatedVolume> volumes, Map<String, SimulatedVolume> byInstance) {
        static InstanceIndex of(Map<String, SimulatedVolume> volumes) {
            Map<String, SimulatedVolume> byInstance = new HashMap<>();
            for (SimulatedVolume v : volumes.values()) {
                byInstance.putIfAbsent(v.instanceId(), v);
            }
            return new InstanceIndex(volumes, byInstance);
        }
    }

    private static Map<String, SimulatedVolume> with(Map<String, SimulatedVolume> volumes, SimulatedVolume v) {
        Map<String, SimulatedVolume> changed = new HashMap<>(volumes);
        changed.put(v.volumeId(), v);
        return changed;
    }

    private static String human(Duration d) {
        return d.toHours() >= 1 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0 ? d.toHours() + " hours"
                : d.toSeconds() + " seconds";
    }

    private static VolumeActionException refusal(String code, String message) {
        return new VolumeActionException(ModificationRefusal.classify(code, message), code + ": " + message);
    }
}
