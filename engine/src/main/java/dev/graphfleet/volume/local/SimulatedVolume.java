package dev.graphfleet.volume.local;

import dev.graphfleet.volume.ModificationState;
import java.time.Instant;
import java.util.Objects;

/**
 * One simulated EBS volume as a store keeps it. Its modification carries the instants at which it moves on,
 * so any process reading the store sees the same state at the same time.
 *
 * @param volumeId             the volume id
 * @param instanceId           the instance (local node) it is attached to
 * @param sizeGb               the EBS size: what it is, or is being modified to
 * @param filesystemGb         the filesystem on it; changes only when the filesystem is grown
 * @param modification         the latest modification; null when it was never modified
 * @param modifications        modifications accepted
 * @param modificationRequests modification requests received, refused ones included
 */
public record SimulatedVolume(String volumeId, String instanceId, long sizeGb, double filesystemGb,
                              Modification modification, int modifications, int modificationRequests) {

    public SimulatedVolume {
        Objects.requireNonNull(volumeId, "volumeId");
        Objects.requireNonNull(instanceId, "instanceId");
        if (sizeGb < 1) {
            throw new IllegalArgumentException("a volume is at least 1 GB, got " + sizeGb + " for " + volumeId);
        }
    }

    /**
     * A modification from {@code fromSizeGb} to {@code toSizeGb}: modifying from {@code startedAt}, optimizing
     * (the new size usable) from {@code optimizingAt}, completed from {@code completedAt}.
     */
    public record Modification(long fromSizeGb, long toSizeGb, Instant startedAt, Instant optimizingAt,
                               Instant completedAt) {

        public Modification {
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(optimizingAt, "optimizingAt");
            Objects.requireNonNull(completedAt, "completedAt");
        }

        public ModificationState stateAt(Instant now) {
            if (now.isBefore(optimizingAt)) {
                return ModificationState.MODIFYING;
            }
            return now.isBefore(completedAt) ? ModificationState.OPTIMIZING : ModificationState.COMPLETED;
        }
    }

    /** A volume never modified, whose filesystem fills it. */
    public static SimulatedVolume attached(String volumeId, String instanceId, long sizeGb) {
        return new SimulatedVolume(volumeId, instanceId, sizeGb, sizeGb, null, 0, 0);
    }

    SimulatedVolume withRequest() {
        return new SimulatedVolume(volumeId, instanceId, sizeGb, filesystemGb, modification, modifications,
                modificationRequests + 1);
    }

    SimulatedVolume withModification(Modification m) {
        return new SimulatedVolume(volumeId, instanceId, m.toSizeGb(), filesystemGb, m, modifications + 1,
                modificationRequests);
    }

    SimulatedVolume withFilesystemGb(double gb) {
        return new SimulatedVolume(volumeId, instanceId, sizeGb, gb, modification, modifications,
                modificationRequests);
    }
}
