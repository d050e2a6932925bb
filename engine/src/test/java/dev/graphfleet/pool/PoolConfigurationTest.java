package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a tier's settings become the pool's: the buffer pool each database gets, which files are databases,
 * and the settings the pool refuses to start with. No engine: these decide what the engine is asked for.
 */
class PoolConfigurationTest {

    private static final long MIB = DatabaseDefaults.MIB;

    @TempDir
    Path dataDir;

    @Test
    void theBufferPoolIsMemoryPerDbWhenSetElseMaxMemoryElseTheOriginalsTwoGib() {
        assertThat(DatabaseDefaults.bufferPoolMb(1024, 14336)).isEqualTo(1024);
        assertThat(DatabaseDefaults.bufferPoolMb(1, 14336)).isEqualTo(1);
        assertThat(DatabaseDefaults.bufferPoolMb(0, 14336)).isEqualTo(14336);
        assertThat(DatabaseDefaults.bufferPoolMb(-1, 1)).isEqualTo(1);
        assertThat(DatabaseDefaults.bufferPoolMb(0, 0)).isEqualTo(2048);
    }

    @Test
    void aLargeRepositoryCheckpointsAtItsOwnThresholdAndEveryOtherAtTheDefault() {
        DatabaseDefaults defaults = DatabaseDefaults.writer().withCheckpointThresholds(512 * MIB, Map.of("sec", 128 * MIB));
        Path home = dataDir.resolve(".engine");
        DatabaseSpec sec = defaults.specFor("sec", dataDir.resolve("sec.kuzu"), home);
        DatabaseSpec other = defaults.specFor("other", dataDir.resolve("other.kuzu"), home);
        assertThat(sec.database().checkpointThresholdBytes()).isEqualTo(128 * MIB);
        assertThat(other.database().checkpointThresholdBytes()).isEqualTo(512 * MIB);
    }

    @Test
    void aSpecCarriesEveryTierSettingToTheEngine() {
        DatabaseDefaults defaults = DatabaseDefaults.writer().withBufferPoolBytes(64 * MIB).withReadOnly(true)
                .withMaxConnections(7).withConnectionTtl(Duration.ofHours(24)).withQueryTimeout(Duration.ofSeconds(9));
        Path home = dataDir.resolve(".engine");
        DatabaseSpec spec = defaults.specFor("sec", dataDir.resolve("sec.kuzu"), home);
        assertThat(spec.database()).isEqualTo(new DatabaseSettings(64 * MIB, DatabaseSettings.DEFAULT_MAX_DB_SIZE_BYTES,
                true, 512 * MIB));
        assertThat(spec.connection()).isEqualTo(new ConnectionSettings(Duration.ofSeconds(9), true, home));
        assertThat(spec.maxConnections()).isEqualTo(7);
        assertThat(spec.connectionTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(spec.readOnly()).isTrue();
        assertThat(spec.file()).isEqualTo(dataDir.resolve("sec.kuzu"));
    }

    @Test
    void theCatalogListsOnlyFilesWithTheExtensionAndAValidName() throws Exception {
        Files.createDirectories(dataDir);
        Files.write(dataDir.resolve("b_repo.kuzu"), new byte[0]);
        Files.write(dataDir.resolve("a.kuzu"), new byte[0]);
        Files.write(dataDir.resolve("Not-Valid.kuzu"), new byte[0]);
        Files.write(dataDir.resolve("notes.txt"), new byte[0]);
        Files.createDirectories(dataDir.resolve("dir.kuzu"));
        DirectoryCatalog catalog = new DirectoryCatalog(dataDir, ".kuzu", DatabaseDefaults.writer(), true);
        assertThat(catalog.names()).containsExactly("a", "b_repo");
        assertThat(new DirectoryCatalog(dataDir.resolve("missing"), ".kuzu", DatabaseDefaults.writer(), true).names())
                .isEmpty();
    }

    @Test
    void aMissingDatabaseIsCreatedOnlyByAWritableCatalogThatMayCreate() {
        Path dir = dataDir.resolve("data");
        DirectoryCatalog writer = new DirectoryCatalog(dir, ".kuzu", DatabaseDefaults.writer(), true);
        DatabaseSpec spec = writer.spec("fresh");
        assertThat(spec.file()).isEqualTo(dir.toAbsolutePath().resolve("fresh.kuzu"));
        assertThat(spec.connection().homeDirectory()).isEqualTo(dir.toAbsolutePath().resolve(".engine")).isDirectory();

        assertThatThrownBy(() -> new DirectoryCatalog(dir, ".kuzu", DatabaseDefaults.writer(), false).spec("fresh"))
                .isInstanceOf(UnknownDatabaseException.class).hasMessageContaining("no database fresh in");
        assertThatThrownBy(() -> new DirectoryCatalog(dir, ".kuzu", DatabaseDefaults.writer().withReadOnly(true), true)
                .spec("fresh")).as("a read-only node never creates").isInstanceOf(UnknownDatabaseException.class);
        assertThatThrownBy(() -> writer.spec("../etc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid database name");
    }

    @Test
    void thePoolRefusesTimingsItCouldNotKeep() {
        PoolSettings ok = PoolSettings.DEFAULTS;
        assertThatThrownBy(() -> ok.withAcquireTimeout(Duration.ZERO)).hasMessageContaining("acquire timeout must be positive");
        assertThatThrownBy(() -> ok.withAcquireTimeout(Duration.ofMillis(-1))).hasMessageContaining("acquire timeout");
        assertThatThrownBy(() -> new PoolSettings(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(1),
                Duration.ZERO, false)).hasMessageContaining("health check interval must be positive");
        assertThatThrownBy(() -> new PoolSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), null,
                Duration.ZERO, false)).hasMessageContaining("cleanup interval must be positive");
        assertThatThrownBy(() -> ok.withLeakDetectionThreshold(Duration.ofSeconds(-1)))
                .hasMessageContaining("leak detection threshold must be zero (off) or positive");
        assertThat(ok.withLeakDetectionThreshold(Duration.ZERO).leakDetectionThreshold()).isZero();
        assertThat(ok.withBackgroundMaintenance(false)).isEqualTo(new PoolSettings(Duration.ofSeconds(30),
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofSeconds(60), false));
    }

    @Test
    void aSpecRefusesNoConnectionsOrNoLifetime() {
        DatabaseSpec good = DatabaseDefaults.writer().specFor("db", dataDir.resolve("db.kuzu"), dataDir);
        assertThatThrownBy(() -> new DatabaseSpec("db", good.file(), good.database(), good.connection(), 0,
                Duration.ofMinutes(1))).hasMessageContaining("connection_pool_size for db must be at least 1, got 0");
        assertThatThrownBy(() -> new DatabaseSpec("db", good.file(), good.database(), good.connection(), 1,
                Duration.ZERO)).hasMessageContaining("connection TTL for db must be positive");
        assertThat(new DatabaseSpec("db", good.file(), good.database(), good.connection(), 1, Duration.ofNanos(1))
                .maxConnections()).isEqualTo(1);
    }
}
