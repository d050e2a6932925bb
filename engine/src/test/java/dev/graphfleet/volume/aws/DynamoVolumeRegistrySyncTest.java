package dev.graphfleet.volume.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.DynamoDbLocal;
import dev.graphfleet.volume.registry.VolumeRecord;
import dev.graphfleet.volume.registry.VolumeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The registry sync's writes and the full scan, on DynamoDB Local. */
class DynamoVolumeRegistrySyncTest {

    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration TTL = Duration.ofMinutes(15);

    static DynamoDbClient client;
    String table;
    DynamoVolumeRegistry registry;

    @BeforeAll
    static void start() {
        client = DynamoDbLocal.get().client();
    }

    @AfterAll
    static void stop() {
        client.close();
    }

    @BeforeEach
    void table() throws Exception {
        table = DynamoDbLocal.get().createTable(client, "volumes", "volume_id");
        registry = new DynamoVolumeRegistry(client, table);
    }

    @Test
    void allReadsEveryPageOfTheScan() {
        // rows of ~60 KB: 24 of them exceed the 1 MB a Scan page holds
        String padding = "x".repeat(60_000);
        for (int i = 0; i < 24; i++) {
            String id = "vol-" + (100 + i);
            client.putItem(b -> b.tableName(table).item(Map.of(
                    "volume_id", AttributeValue.fromS(id),
                    "instance_id", AttributeValue.fromS("i-1"),
                    "status", AttributeValue.fromS("attached"),
                    "databases", AttributeValue.fromS(padding))));
        }
        assertThat(client.scan(b -> b.tableName(table)).hasLastEvaluatedKey()).as("more than one page").isTrue();

        List<VolumeRecord> all = registry.all();

        assertThat(all).hasSize(24);
        assertThat(all).extracting(VolumeRecord::volumeId).doesNotHaveDuplicates();
    }

    @Test
    void markAvailableDropsTheInstanceKeepsOtherAttributesAndRecordsTheDetach() {
        registry.markAttached("vol-1", "i-1", 100, T0);
        client.updateItem(b -> b.tableName(table).key(Map.of("volume_id", AttributeValue.fromS("vol-1")))
                .updateExpression("SET databases = :d")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromSs(List.of("kg1", "kg2")))));

        assertThat(registry.markAvailable("vol-1", T0.plusSeconds(5))).isTrue();

        VolumeRecord r = registry.find("vol-1").orElseThrow();
        assertThat(r.status()).isEqualTo(VolumeStatus.AVAILABLE);
        assertThat(r.instanceId()).isNull();
        assertThat(r.sizeGb()).isEqualTo(100);
        Map<String, AttributeValue> item = raw("vol-1");
        assertThat(item.get("last_detached").s()).isEqualTo(T0.plusSeconds(5).toString());
        assertThat(item.get("databases").ss()).containsExactlyInAnyOrder("kg1", "kg2");
        assertThat(registry.findAttached("i-1")).isEmpty();
    }

    @Test
    void repointMovesTheVolumeAndSettlesIt() {
        registry.markAttached("vol-1", "i-old", 100, T0);
        registry.markAvailable("vol-1", T0.plusSeconds(1));

        assertThat(registry.repoint("vol-1", "i-new", 150, T0.plusSeconds(2))).isTrue();

        VolumeRecord r = registry.find("vol-1").orElseThrow();
        assertThat(r).extracting(VolumeRecord::instanceId, VolumeRecord::sizeGb, VolumeRecord::status,
                VolumeRecord::lastModified).containsExactly("i-new", 150L, VolumeStatus.ATTACHED, T0.plusSeconds(2));
        assertThat(registry.findAttached("i-new")).extracting(VolumeRecord::volumeId).containsExactly("vol-1");
    }

    @Test
    void markAvailableAndRepointNeverCreateARow() {
        assertThat(registry.markAvailable("vol-none", T0)).isFalse();
        assertThat(registry.repoint("vol-none", "i-1", 10, T0)).isFalse();
        assertThat(registry.find("vol-none")).isEmpty();
    }

    @Test
    void aHeldLockRefusesEverySyncWriteUntilItLapses() {
        registry.markAttached("vol-1", "i-1", 100, T0);
        registry.tryLock("vol-1", "monitor-a", T0, TTL).orElseThrow();
        Instant during = T0.plusSeconds(60);

        assertThat(registry.markAvailable("vol-1", during)).isFalse();
        assertThat(registry.repoint("vol-1", "i-2", 100, during)).isFalse();
        assertThat(registry.remove("vol-1", during)).isFalse();
        VolumeRecord untouched = registry.find("vol-1").orElseThrow();
        assertThat(untouched.instanceId()).isEqualTo("i-1");
        assertThat(untouched.status()).isEqualTo(VolumeStatus.ATTACHED);

        Instant after = T0.plus(TTL);
        assertThat(registry.repoint("vol-1", "i-2", 100, after)).isTrue();
        assertThat(registry.remove("vol-1", after)).isTrue();
        assertThat(registry.find("vol-1")).isEmpty();
    }

    @Test
    void removeOfAMissingRowSucceeds() {
        assertThat(registry.remove("vol-none", T0)).isTrue();
        assertThat(registry.all()).isEmpty();
    }

    private Map<String, AttributeValue> raw(String volumeId) {
        return client.getItem(b -> b.tableName(table).key(Map.of("volume_id", AttributeValue.fromS(volumeId)))
                .consistentRead(true)).item();
    }
}
