package dev.graphfleet.volume.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where volumes, their last modification and the expansion lock are recorded (DynamoDB in AWS).
 *
 * <p>The lock is what keeps two monitors from expanding one volume twice: only one can hold it, it lapses
 * on its own, and whoever takes it must re-read the row (the other may just have modified the volume).
 * Failures of the store surface as {@link RegistryException}.
 */
public interface VolumeRegistry {

    /** The row of a volume, read consistently. */
    Optional<VolumeRecord> find(String volumeId);

    /** The rows with status attached for an instance: the fallback when EC2 does not say which volume it has. */
    List<VolumeRecord> findAttached(String instanceId);

    /**
     * Takes the expansion lock of a volume for {@code ttl} if nobody holds it or the holder's lock has lapsed
     * (creating the row if needed). Atomic: of two monitors racing, exactly one gets it.
     */
    Optional<ExpansionLock> tryLock(String volumeId, String owner, Instant now, Duration ttl);

    /** Gives the lock back; false when it had lapsed and someone else holds it now (theirs is kept). */
    boolean release(ExpansionLock lock);

    /**
     * Records that a modification to {@code newSizeGb} was requested at {@code at}: status expanding and the start
     * of the volume's cooldown. Written even if the lock lapsed meanwhile, because the modification happened.
     */
    void recordExpansion(ExpansionLock lock, String instanceId, long newSizeGb, Instant at);

    /**
     * Marks a volume attached and settled at {@code sizeGb} (an expansion finished, or a sync). Refused (false)
     * while another monitor holds the lock, since it may be expanding the volume right now.
     */
    boolean markAttached(String volumeId, String instanceId, long sizeGb, Instant at);

    /** Every row (DynamoDB: a consistent Scan, all pages): what the registry sync compares with EC2. */
    List<VolumeRecord> all();

    /**
     * Marks a registered volume detached: status available, no instance, {@code last_detached} = {@code at}.
     * Refused (false) while another monitor holds the lock, or when the row is gone.
     */
    boolean markAvailable(String volumeId, Instant at);

    /**
     * Points a registered volume at the instance it is attached to now, settled at {@code sizeGb} (status
     * attached). Refused (false) while another monitor holds the lock, or when the row is gone.
     */
    boolean repoint(String volumeId, String instanceId, long sizeGb, Instant at);

    /** Deletes the row of a volume EC2 no longer has. Refused (false) while another monitor holds the lock. */
    boolean remove(String volumeId, Instant at);
}
