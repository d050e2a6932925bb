package dev.graphfleet.volume.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The registry in this process, with the same rules as the DynamoDB one: for one monitor process (the local
 * fleet, a list of node URLs). Monitors in different processes need a shared store.
 */
public final class InMemoryVolumeRegistry implements VolumeRegistry {

    private final Map<String, Row> rows = new HashMap<>();

    private static final class Row {
        String instanceId;
        long sizeGb;
        VolumeStatus status;
        Instant lastModified;
        Instant lastModificationAt;
        Instant lastDetached;
        String lockOwner;
        String lockToken;
        Instant lockExpiresAt;

        boolean lockedAt(Instant now) {
            return lockToken != null && lockExpiresAt.isAfter(now);
        }
    }

    @Override
    public synchronized Optional<VolumeRecord> find(String volumeId) {
        Row r = rows.get(volumeId);
        return r == null ? Optional.empty() : Optional.of(toRecord(volumeId, r));
    }

    @Override
    public synchronized List<VolumeRecord> findAttached(String instanceId) {
        return rows.entrySet().stream()
                .filter(e -> instanceId.equals(e.getValue().instanceId) && e.getValue().status == VolumeStatus.ATTACHED)
                .map(e -> toRecord(e.getKey(), e.getValue()))
                .toList();
    }

    @Override
    public synchronized Optional<ExpansionLock> tryLock(String volumeId, String owner, Instant now, Duration ttl) {
        Row r = rows.computeIfAbsent(volumeId, id -> new Row());
        if (r.lockedAt(now)) {
            return Optional.empty();
        }
        ExpansionLock lock = new ExpansionLock(volumeId, owner, UUID.randomUUID().toString(), now.plus(ttl));
        r.lockOwner = owner;
        r.lockToken = lock.token();
        r.lockExpiresAt = lock.expiresAt();
        return Optional.of(lock);
    }

    @Override
    public synchronized boolean release(ExpansionLock lock) {
        Row r = rows.get(lock.volumeId());
        if (r == null || !lock.token().equals(r.lockToken)) {
            return false;
        }
        r.lockOwner = null;
        r.lockToken = null;
        r.lockExpiresAt = null;
        return true;
    }

    @Override
    public synchronized void recordExpansion(ExpansionLock lock, String instanceId, long newSizeGb, Instant at) {
        Row r = rows.computeIfAbsent(lock.volumeId(), id -> new Row());
        r.status = VolumeStatus.EXPANDING;
        r.sizeGb = newSizeGb;
        r.lastModified = at;
        r.lastModificationAt = at;
        if (instanceId != null) {
            r.instanceId = instanceId;
        }
    }

    @Override
    public synchronized boolean markAttached(String volumeId, String instanceId, long sizeGb, Instant at) {
        Row r = rows.computeIfAbsent(volumeId, id -> new Row());
        if (r.lockedAt(at)) {
            return false;
        }
        r.status = VolumeStatus.ATTACHED;
        r.sizeGb = sizeGb;
        r.lastModified = at;
        if (instanceId != null) {
            r.instanceId = instanceId;
        }
        return true;
    }

    @Override
    public synchronized List<VolumeRecord> all() {
        return rows.entrySet().stream().map(e -> toRecord(e.getKey(), e.getValue())).toList();
    }

    @Override
    public synchronized boolean markAvailable(String volumeId, Instant at) {
        Row r = rows.get(volumeId);
        if (r == null || r.lockedAt(at)) {
            return false;
        }
        r.status = VolumeStatus.AVAILABLE;
        r.instanceId = null;
        r.lastDetached = at;
        r.lastModified = at;
        return true;
    }

    @Override
    public synchronized boolean repoint(String volumeId, String instanceId, long sizeGb, Instant at) {
        Row r = rows.get(volumeId);
        if (r == null || r.lockedAt(at)) {
            return false;
        }
        r.status = VolumeStatus.ATTACHED;
        r.instanceId = instanceId;
        r.sizeGb = sizeGb;
        r.lastModified = at;
        return true;
    }

    @Override
    public synchronized boolean remove(String volumeId, Instant at) {
        Row r = rows.get(volumeId);
        if (r != null && r.lockedAt(at)) {
            return false;
        }
        rows.remove(volumeId);
        return true;
    }

    private static VolumeRecord toRecord(String volumeId, Row r) {
        return new VolumeRecord(volumeId, r.instanceId, r.sizeGb, r.status, r.lastModified, r.lastModificationAt,
                r.lockOwner, r.lockExpiresAt);
    }
}
