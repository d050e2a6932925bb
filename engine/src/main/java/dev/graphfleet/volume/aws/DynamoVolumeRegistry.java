package dev.graphfleet.volume.aws;

import dev.graphfleet.volume.registry.ExpansionLock;
import dev.graphfleet.volume.registry.RegistryException;
import dev.graphfleet.volume.registry.VolumeRecord;
import dev.graphfleet.volume.registry.VolumeRegistry;
import dev.graphfleet.volume.registry.VolumeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The volume registry in a DynamoDB table (name from config, key {@code volume_id}, string).
 *
 * <p>Attributes: {@code instance_id}, {@code size_gb} (N), {@code status} (expanding|attached|available),
 * {@code last_modified}, {@code last_modification_at} and {@code last_detached} (ISO-8601 instants), and the
 * lock: {@code lock_owner}, {@code lock_token}, {@code lock_expires_at} (N, epoch milliseconds, so the condition
 * can compare it). Every write but the sync's removal of a deleted volume is an UpdateItem, so attributes other
 * tools keep on the row (the original's {@code databases}) survive.
 */
public final class DynamoVolumeRegistry implements VolumeRegistry {

    static final String KEY = "volume_id";
    /** Nobody holds the lock, or the holder's has lapsed ({@code :now} in epoch milliseconds). */
    private static final String UNLOCKED = "attribute_not_exists(lock_token) OR lock_expires_at <= :now";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoVolumeRegistry(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("registry.volume_table is not set: name the DynamoDB volume registry "
                    + "table (for example graphfleet-prod-volume-registry)");
        }
        this.table = table;
    }

    @Override
    public Optional<VolumeRecord> find(String volumeId) {
        try {
            GetItemResponse r = dynamo.getItem(b -> b.tableName(table).key(key(volumeId)).consistentRead(true));
            return r.hasItem() && !r.item().isEmpty() ? Optional.of(toRecord(r.item())) : Optional.empty();
        } catch (SdkException e) {
            throw failure("read volume " + volumeId, e);
        }
    }

    @Override
    public List<VolumeRecord> findAttached(String instanceId) {
        return scan("instance_id = :i AND #s = :attached", Map.of("#s", "status"),
                Map.of(":i", s(instanceId), ":attached", s(VolumeStatus.ATTACHED.wireName())),
                "scan for the volumes of " + instanceId);
    }

    @Override
    public Optional<ExpansionLock> tryLock(String volumeId, String owner, Instant now, Duration ttl) {
        ExpansionLock lock = new ExpansionLock(volumeId, owner, UUID.randomUUID().toString(), now.plus(ttl));
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(volumeId))
                    .updateExpression("SET lock_owner = :o, lock_token = :t, lock_expires_at = :exp")
                    .conditionExpression("attribute_not_exists(lock_token) OR lock_expires_at <= :now")
                    .expressionAttributeValues(Map.of(
                            ":o", s(owner), ":t", s(lock.token()),
                            ":exp", n(lock.expiresAt().toEpochMilli()), ":now", n(now.toEpochMilli())))
                    .build());
            return Optional.of(lock);
        } catch (ConditionalCheckFailedException held) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("lock volume " + volumeId, e);
        }
    }

    @Override
    public boolean release(ExpansionLock lock) {
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(lock.volumeId()))
                    .updateExpression("REMOVE lock_owner, lock_token, lock_expires_at")
                    .conditionExpression("lock_token = :t")
                    .expressionAttributeValues(Map.of(":t", s(lock.token())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException takenOver) {
            return false;
        } catch (SdkException e) {
            throw failure("release the lock of volume " + lock.volumeId(), e);
        }
    }

    @Override
    public void recordExpansion(ExpansionLock lock, String instanceId, long newSizeGb, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", s(VolumeStatus.EXPANDING.wireName()));
        values.put(":size", n(newSizeGb));
        values.put(":at", s(at.toString()));
        String set = "SET #s = :s, size_gb = :size, last_modified = :at, last_modification_at = :at";
        if (instanceId != null) {
            set += ", instance_id = :i";
            values.put(":i", s(instanceId));
        }
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(lock.volumeId()))
                    .updateExpression(set)
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(values)
                    .build());
        } catch (SdkException e) {
            throw failure("record the expansion of volume " + lock.volumeId(), e);
        }
    }

    @Override
    public boolean markAttached(String volumeId, String instanceId, long sizeGb, Instant at) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":s", s(VolumeStatus.ATTACHED.wireName()));
        values.put(":size", n(sizeGb));
        values.put(":at", s(at.toString()));
        values.put(":now", n(at.toEpochMilli()));
        String set = "SET #s = :s, size_gb = :size, last_modified = :at";
        if (instanceId != null) {
            set += ", instance_id = :i";
            values.put(":i", s(instanceId));
        }
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(volumeId))
                    .updateExpression(set)
                    .conditionExpression("attribute_not_exists(lock_token) OR lock_expires_at <= :now")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(values)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException locked) {
            return false;
        } catch (SdkException e) {
            throw failure("mark volume " + volumeId + " attached", e);
        }
    }

    @Override
    public List<VolumeRecord> all() {
        return scan(null, Map.of(), Map.of(), "scan the table");
    }

    @Override
    public boolean markAvailable(String volumeId, Instant at) {
        return updateUnlocked(volumeId, at, "SET #s = :s, last_detached = :at, last_modified = :at REMOVE instance_id",
                Map.of(":s", s(VolumeStatus.AVAILABLE.wireName())), "mark volume " + volumeId + " available");
    }

    @Override
    public boolean repoint(String volumeId, String instanceId, long sizeGb, Instant at) {
        return updateUnlocked(volumeId, at, "SET #s = :s, instance_id = :i, size_gb = :size, last_modified = :at",
                Map.of(":s", s(VolumeStatus.ATTACHED.wireName()), ":i", s(instanceId), ":size", n(sizeGb)),
                "re-point volume " + volumeId + " to " + instanceId);
    }

    @Override
    public boolean remove(String volumeId, Instant at) {
        try {
            dynamo.deleteItem(DeleteItemRequest.builder().tableName(table).key(key(volumeId))
                    .conditionExpression(UNLOCKED)
                    .expressionAttributeValues(Map.of(":now", n(at.toEpochMilli())))
                    .build());
            return true;
        } catch (ConditionalCheckFailedException locked) {
            return false;
        } catch (SdkException e) {
            throw failure("remove volume " + volumeId, e);
        }
    }

    /** An update of an existing row that nobody holds the lock of; false when the condition fails. */
    private boolean updateUnlocked(String volumeId, Instant at, String update, Map<String, AttributeValue> values,
            String what) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":at", s(at.toString()));
        all.put(":now", n(at.toEpochMilli()));
        try {
            dynamo.updateItem(UpdateItemRequest.builder().tableName(table).key(key(volumeId))
                    .updateExpression(update)
                    .conditionExpression("attribute_exists(" + KEY + ") AND (" + UNLOCKED + ")")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(all)
                    .build());
            return true;
        } catch (ConditionalCheckFailedException lockedOrGone) {
            return false;
        } catch (SdkException e) {
            throw failure(what, e);
        }
    }

    /** All pages of a consistent Scan (the original read only the first 1 MB page). */
    private List<VolumeRecord> scan(String filter, Map<String, String> names, Map<String, AttributeValue> values,
            String what) {
        List<VolumeRecord> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        try {
            do {
                ScanRequest.Builder scan = ScanRequest.builder().tableName(table).consistentRead(true);
                if (filter != null) {
                    scan.filterExpression(filter).expressionAttributeNames(names).expressionAttributeValues(values);
                }
                if (start != null) {
                    scan.exclusiveStartKey(start);
                }
                ScanResponse page = dynamo.scan(scan.build());
                page.items().forEach(item -> found.add(toRecord(item)));
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey() : null;
            } while (start != null);
            return found;
        } catch (SdkException e) {
            throw failure(what, e);
        }
    }

    private RegistryException failure(String what, SdkException e) {
        return new RegistryException("volume registry table '" + table + "': could not " + what + ": "
                + e.getMessage(), e);
    }

    private static VolumeRecord toRecord(Map<String, AttributeValue> item) {
        return new VolumeRecord(
                str(item, KEY),
                str(item, "instance_id"),
                item.containsKey("size_gb") ? Long.parseLong(item.get("size_gb").n()) : 0,
                VolumeStatus.fromWire(str(item, "status")),
                instant(item, "last_modified"),
                instant(item, "last_modification_at"),
                str(item, "lock_owner"),
                item.containsKey("lock_expires_at")
                        ? Instant.ofEpochMilli(Long.parseLong(item.get("lock_expires_at").n())) : null);
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String v = str(item, name);
        return v == null ? null : Instant.parse(v);
    }

    private static Map<String, AttributeValue> key(String volumeId) {
        return Map.of(KEY, s(volumeId));
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
