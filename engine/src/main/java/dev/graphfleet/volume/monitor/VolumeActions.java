package dev.graphfleet.volume.monitor;

import dev.graphfleet.volume.ModificationRefusal;
import java.util.Optional;

/**
 * What the monitor can do to a volume: EC2 + SSM in AWS, the simulation in the local fleet. Decisions never
 * call these directly; the monitor does, and not at all in a dry run.
 */
public interface VolumeActions {

    /** The instance's data volume with its latest modification; empty when the provider knows none. */
    Optional<VolumeDescription> describe(WatchedInstance instance) throws VolumeActionException;

    /** Requests the volume to grow to {@code newSizeGb}. Refusals are classified in the exception. */
    void modify(String volumeId, long newSizeGb) throws VolumeActionException;

    /** Grows the instance's data filesystem into its volume (idempotent: nothing happens if it already fills it). */
    void growFilesystem(WatchedInstance instance) throws VolumeActionException;

    /** No provider: nothing is known and nothing can be done (URL-only nodes). */
    static VolumeActions none() {
        return NoVolumeActions.INSTANCE;
    }

    /** The implementation behind {@link #none()}. */
    enum NoVolumeActions implements VolumeActions {
        INSTANCE;

        @Override
        public Optional<VolumeDescription> describe(WatchedInstance instance) {
            return Optional.empty();
        }

        @Override
        public void modify(String volumeId, long newSizeGb) throws VolumeActionException {
            throw new VolumeActionException(ModificationRefusal.OTHER, "no volume provider configured");
        }

        @Override
        public void growFilesystem(WatchedInstance instance) throws VolumeActionException {
            throw new VolumeActionException(ModificationRefusal.OTHER, "no volume provider configured");
        }
    }
}
