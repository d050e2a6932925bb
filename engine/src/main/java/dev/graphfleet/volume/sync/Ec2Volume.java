package dev.graphfleet.volume.sync;

import java.util.Objects;

/**
 * What EC2 says about one volume, as the registry sync needs it.
 *
 * @param instanceId the instance it is attached to; null when detached
 * @param fleetData  attached to a fleet instance at a data device (only such volumes are registered by a sync)
 */
public record Ec2Volume(String volumeId, long sizeGb, String instanceId, boolean fleetData) {
    public Ec2Volume {
        Objects.requireNonNull(volumeId, "volumeId");
        if (fleetData && instanceId == null) {
            throw new IllegalArgumentException("a fleet data volume is attached: give its instance id");
        }
    }

    public static Ec2Volume detached(String volumeId, long sizeGb) {
        return new Ec2Volume(volumeId, sizeGb, null, false);
    }

    public boolean attached() {
        return instanceId != null;
    }
}
