package dev.graphfleet.volume.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.testing.DynamoDbLocal;
import dev.graphfleet.volume.registry.ExpansionLock;
import dev.graphfleet.volume.registry.RegistryException;
import dev.graphfleet.volume.registry.VolumeRecord;
import dev.graphfleet.volume.registry.VolumeStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoVolumeRegistryTest {

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
    void aMissingVolumeIsEmpty() {
        assertThat(registry.find("vol-none")).isEmpty();
    }

    @Test
    void anExpansionIsRecordedThenMarkedAttached() {
        ExpansionLock lock = registry.tryLock("vol-1", "monitor-a", T0, TTL).orElseThrow();
        registry.recordExpansion(lock, "i-1", 150, T0.plusSeconds(1));
        VolumeRecord expanding = registry.find("vol-1").orElseThrow();
        assertThat(expanding.status()).isEqualTo(VolumeStatus.EXPANDING);
        assertThat(expanding.sizeGb()).isEqualTo(150);
        assertThat(expanding.instanceId()).isEqualTo("i-1");
        assertThat(expanding.lastModificationAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(expanding.lockOwner()).isEqualTo("monitor-a");

        assertThat(registry.markAttached("vol-1", "i-1", 150, T0.plusSeconds(2)))
                .as("refused while the lock is held").isFalse();
        assertThat(registry.release(lock)).isTrue();
        assertThat(registry.markAttached("vol-1", "i-1", 150, T0.plusSeconds(3))).isTrue();

        VolumeRecord attached = registry.find("vol-1").orElseThrow();
        assertThat(attached.status()).isEqualTo(VolumeStatus.ATTACHED);
        assertThat(attached.lastModified()).isEqualTo(T0.plusSeconds(3));
        assertThat(attached.lastModificationAt()).as("the cooldown start survives").isEqualTo(T0.plusSeconds(1));
        assertThat(attached.lockOwner()).isNull();
        assertThat(registry.findAttached("i-1")).extracting(VolumeRecord::volumeId).containsExactly("vol-1");
        assertThat(registry.findAttached("i-2")).isEmpty();
    }

    @Test
    void aHeldLockIsRefusedUntilItLapses() {
        ExpansionLock a = registry.tryLock("vol-1", "monitor-a", T0, TTL).orElseThrow();
        assertThat(registry.tryLock("vol-1", "monitor-b", T0.plus(TTL).minusMillis(1), TTL)).isEmpty();
        assertThat(registry.find("vol-1").orElseThrow().lockedAt(T0)).isTrue();

        // monitor-a died: at expiry the lock can be taken over, and a's late release keeps b's lock
        ExpansionLock b = registry.tryLock("vol-1", "monitor-b", T0.plus(TTL), TTL).orElseThrow();
        assertThat(registry.release(a)).isFalse();
        assertThat(registry.find("vol-1").orElseThrow().lockOwner()).isEqualTo("monitor-b");
        assertThat(registry.release(b)).isTrue();
        assertThat(registry.tryLock("vol-1", "monitor-c", T0.plus(TTL), TTL)).isPresent();
    }

    @Test
    void otherAttributesOnTheRowSurvive() {
        client.putItem(b -> b.tableName(table).item(Map.of(
                "volume_id", AttributeValue.fromS("vol-1"),
                "status", AttributeValue.fromS("attached"),
                "databases", AttributeValue.fromSs(List.of("kg1", "kg2")))));
        ExpansionLock lock = registry.tryLock("vol-1", "m", T0, TTL).orElseThrow();
        registry.recordExpansion(lock, "i-1", 200, T0);
        registry.release(lock);
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table)
                .key(Map.of("volume_id", AttributeValue.fromS("vol-1")))).item();
        assertThat(item.get("databases").ss()).containsExactlyInAnyOrder("kg1", "kg2");
    }

    @Test
    void twoMonitorsRacingForOneVolumeExactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 25; round++) {
                String volume = "vol-race-" + round;
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Optional<ExpansionLock>>> attempts = new ArrayList<>();
                for (String monitor : List.of("monitor-a", "monitor-b")) {
                    Callable<Optional<ExpansionLock>> attempt = () -> {
                        DynamoVolumeRegistry own = new DynamoVolumeRegistry(client, table);
                        together.await();
                        return own.tryLock(volume, monitor, T0, TTL);
                    };
                    attempts.add(pool.submit(attempt));
                }
                long winners = 0;
                for (Future<Optional<ExpansionLock>> f : attempts) {
                    winners += f.get().isPresent() ? 1 : 0;
                }
                assertThat(winners).as("winners of round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingTableIsAClearError() {
        DynamoVolumeRegistry wrong = new DynamoVolumeRegistry(client, "no-such-table");
        assertThatThrownBy(() -> wrong.find("vol-1"))
                .isInstanceOf(RegistryException.class)
                .hasMessageContaining("volume registry table 'no-such-table'");
    }

    @Test
    void aBlankTableNameNamesTheConfigKey() {
        assertThatThrownBy(() -> new DynamoVolumeRegistry(client, " "))
                .hasMessageContaining("registry.volume_table");
    }
}
