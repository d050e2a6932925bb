package dev.graphfleet.volume.ops;

import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.monitor.VolumeActionException;
import java.util.List;
import java.util.Optional;

/** Looks volumes up by id, and finds the ones whose modification is in a given state (EC2 in AWS). */
public interface VolumeInventory {

    /** The volume with its attachment and latest modification; empty when it does not exist. */
    Optional<AttachedVolume> volume(String volumeId) throws VolumeActionException;

    /** Data volumes whose latest modification is in {@code state}, with the instance each is attached to. */
    List<AttachedVolume> withModification(ModificationState state) throws VolumeActionException;
}
