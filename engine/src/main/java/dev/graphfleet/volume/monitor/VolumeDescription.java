package dev.graphfleet.volume.monitor;

import dev.graphfleet.volume.VolumeModification;
import java.util.Objects;

/**
 * What the provider (EC2, or the local fleet's simulation) says about an instance's data volume.
 *
 * @param volumeId     the volume id
 * @param sizeGb       the volume's size (what sizing uses)
 * @param modification its latest modification
 */
public record VolumeDescription(String volumeId, long sizeGb, VolumeModification modification) {
    public VolumeDescription {
        Objects.requireNonNull(volumeId, "volumeId");
        modification = modification == null ? VolumeModification.none() : modification;
    }
}
