package dev.graphfleet.volume.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the volume registry. Fields other than the id may be null on a row that only a lock created.
 *
 * @param volumeId           the EBS volume id (the key)
 * @param instanceId         the instance it is attached to
 * @param sizeGb             the size last recorded (0 when unknown)
 * @param status             expanding, attached or available
 * @param lastModified       when the row last changed
 * @param lastModificationAt when a modification of the volume was last requested: the start of its EBS cooldown
 * @param lockOwner          the monitor holding the expansion lock, if any
 * @param lockExpiresAt      when that lock lapses
 */
public record VolumeRecord(
        String volumeId,
        String instanceId,
        long sizeGb,
        VolumeStatus status,
        Instant lastModified,
        Instant lastModificationAt,
        String lockOwner,
        Instant lockExpiresAt) {

    public VolumeRecord {
        Objects.requireNonNull(volumeId, "volumeId");
    }

    /** True when a monitor holds a lock that has not lapsed at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockOwner != null && lockExpiresAt != null && lockExpiresAt.isAfter(now);
    }
}
