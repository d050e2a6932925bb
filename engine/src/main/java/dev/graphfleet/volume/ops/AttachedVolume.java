package dev.graphfleet.volume.ops;

import dev.graphfleet.volume.VolumeModification;
import java.util.Objects;

/**
 * A data volume as the provider describes it, looked up by id.
 *
 * @param volumeId     the volume
 * @param sizeGb       its size
 * @param instanceId   the instance it is attached to as the data device; null when detached
 * @param modification its latest modification
 */
public record AttachedVolume(String volumeId, long sizeGb, String instanceId, VolumeModification modification) {
    public AttachedVolume {
        Objects.requireNonNull(volumeId, "volumeId");
        modification = modification == null ? VolumeModification.none() : modification;
    }
}
