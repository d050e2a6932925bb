package dev.graphfleet.volume.local;

import dev.graphfleet.volume.ModificationRefusal;
import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.VolumeModification;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.monitor.FleetInstance;
import dev.graphfleet.volume.monitor.VolumeActionException;
import dev.graphfleet.volume.monitor.VolumeActions;
import dev.graphfleet.volume.monitor.VolumeDescription;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Volumes that behave like EBS, in memory: for the local fleet (directories with a simulated capacity) and for
 * driving the monitor end to end. A modification is "modifying" for {@code modifyingFor}, then "optimizing"
 * for {@code optimizingFor} (the new size is usable from optimizing on), then "completed". A second
 * modification is refused while one is active (IncorrectModificationState) and within the cooldown after the
 * last (VolumeModificationRateExceeded), with the provider's words so the same classifier applies.
 */
public final class SimulatedVolumes implements VolumeActions {

    private final Clock clock;
    private final Duration modifyingFor;
    private final Duration optimizingFor;
    private final Duration cooldown;
    private final Map<String, Volume> byId = new HashMap<>();
    private final Map<String, String> volumeOfInstance = new HashMap<>();

    private static final class Volume {
        final String id;
        long sizeGb;
        long previousSizeGb;
        double filesystemGb;
        Instant requestedAt;
        int accepted;
        int requests;

        Volume(String id, long sizeGb) {
            this.id = id;
            this.sizeGb = sizeGb;
            this.previousSizeGb = sizeGb;
            this.filesystemGb = sizeGb;
        }
    }

    public SimulatedVolumes(Clock clock, Duration modifyingFor, Duration optimizingFor, Duration cooldown) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.modifyingFor = Objects.requireNonNull(modifyingFor, "modifyingFor");
        this.optimizingFor = Objects.requireNonNull(optimizingFor, "optimizingFor");
        this.cooldown = Objects.requireNonNull(cooldown, "cooldown");
    }

    /** Attaches a volume of {@code sizeGb} whose filesystem fills it. */
    public synchronized void attach(String instanceId, String volumeId, long sizeGb) {
        byId.put(volumeId, new Volume(volumeId, sizeGb));
        volumeOfInstance.put(instanceId, volumeId);
    }

    /** The filesystem's size on the instance's volume (what its node reports). */
    public synchronized double filesystemSizeGb(String instanceId) {
        return volumeOf(instanceId).filesystemGb;
    }

    public synchronized long sizeGb(String volumeId) {
        return byId.get(volumeId).sizeGb;
    }

    /** Modifications accepted for the volume. */
    public synchronized int modifications(String volumeId) {
        return byId.get(volumeId).accepted;
    }

    /** Modification requests received for the volume, refused ones included. */
    public synchronized int modificationRequests(String volumeId) {
        return byId.get(volumeId).requests;
    }

    @Override
    public synchronized Optional<VolumeDescription> describe(FleetInstance instance) {
        String id = volumeOfInstance.get(instance.instanceId());
        if (id == null) {
            return Optional.empty();
        }
        Volume v = byId.get(id);
        return Optional.of(new VolumeDescription(v.id, v.sizeGb, modification(v)));
    }

    @Override
    public synchronized void modify(String volumeId, long newSizeGb) throws VolumeActionException {
        Volume v = byId.get(volumeId);
        if (v == null) {
            throw refusal("InvalidVolume.NotFound", "The volume '" + volumeId + "' does not exist.");
        }
        v.requests++;
        VolumeModification m = modification(v);
        if (m.state().active()) {
            throw refusal("IncorrectModificationState", "Cannot modify volume " + volumeId
                    + " as it is currently in the state: " + m.state().name());
        }
        if (v.requestedAt != null && clock.instant().isBefore(v.requestedAt.plus(cooldown))) {
            throw refusal("VolumeModificationRateExceeded", "You've reached the maximum modification rate per "
                    + "volume limit. Wait at least 6 hours between modifications per EBS volume.");
        }
        if (newSizeGb <= v.sizeGb || newSizeGb > VolumePolicy.EBS_MAX_GB) {
            throw refusal("InvalidParameterValue", "New size " + newSizeGb + " must be above " + v.sizeGb
                    + " and at most " + VolumePolicy.EBS_MAX_GB);
        }
        v.previousSizeGb = v.sizeGb;
        v.sizeGb = newSizeGb;
        v.requestedAt = clock.instant();
        v.accepted++;
    }

    @Override
    public synchronized void growFilesystem(FleetInstance instance) throws VolumeActionException {
        Volume v = volumeOf(instance.instanceId());
        if (v == null) {
            throw refusal("InvalidInstanceID.NotFound", "no volume attached to " + instance.instanceId());
        }
        // the device only shows the new size from optimizing on
        v.filesystemGb = modification(v).state() == ModificationState.MODIFYING ? v.previousSizeGb : v.sizeGb;
    }

    private VolumeModification modification(Volume v) {
        if (v.requestedAt == null) {
            return VolumeModification.none();
        }
        Instant optimizingAt = v.requestedAt.plus(modifyingFor);
        Instant completedAt = optimizingAt.plus(optimizingFor);
        Instant now = clock.instant();
        if (now.isBefore(optimizingAt)) {
            return VolumeModification.of(ModificationState.MODIFYING, v.requestedAt, v.sizeGb);
        }
        if (now.isBefore(completedAt)) {
            return VolumeModification.of(ModificationState.OPTIMIZING, v.requestedAt, v.sizeGb);
        }
        return VolumeModification.of(ModificationState.COMPLETED, completedAt, v.sizeGb);
    }

    private Volume volumeOf(String instanceId) {
        String id = volumeOfInstance.get(instanceId);
        return id == null ? null : byId.get(id);
    }

    private static VolumeActionException refusal(String code, String message) {
        return new VolumeActionException(ModificationRefusal.classify(code, message), code + ": " + message);
    }
}
