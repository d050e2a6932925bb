package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.repo.RepositoryException.Reason;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.TestFiles;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileRepositoryStoreTest {

    private static final RepositoryName SEC = RepositoryName.of("sec");

    @TempDir
    Path temp;
    private Path root;
    private FileRepositoryStore store;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));

    @BeforeEach
    void open() throws Exception {
        root = Files.createDirectory(temp.resolve("store"));
        store = new FileRepositoryStore(new StoreUri.Local(root), clock);
    }

    @Test
    void publishWritesTheLayoutAndReadsBack() throws Exception {
        Path file = TestFiles.random(temp.resolve("sec.kuzu"), 100_000, 1);
        Manifest v1 = store.publish(SEC, file, "0.11.2");
        clock.advance(Duration.ofHours(1));
        Manifest v2 = store.publish(SEC, file, "0.11.2");

        assertThat(root.resolve("sec/v1/data.kuzu")).hasSameBinaryContentAs(file);
        assertThat(root.resolve("sec/manifest.json")).hasSameBinaryContentAs(root.resolve("sec/v2/manifest.json"));
        assertThat(v2.createdAt()).isEqualTo(Instant.parse("2026-11-21T11:00:00Z"));
        assertThat(store.current(SEC)).isEqualTo(v2);
        assertThat(store.manifest(SEC, Version.parse("v1"))).isEqualTo(v1);
        try (InputStream in = store.openRange(v2, 1000, 50)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(Files.readAllBytes(file), 1000, 1050));
        }
        try (var files = Files.walk(root)) {
            assertThat(files.filter(p -> p.toString().contains(".tmp-"))).isEmpty();
        }
    }

    @Test
    void versionsNeverReuseTheNumberOfAnInterruptedPublish() throws Exception {
        Path file = TestFiles.random(temp.resolve("sec.kuzu"), 1000, 2);
        store.publish(SEC, file, "0.11.2");
        // a publish that died after its upload: data, no manifest
        Files.createDirectories(root.resolve("sec/v2"));
        Files.copy(file, root.resolve("sec/v2/data.kuzu"));

        assertThat(store.publish(SEC, file, "0.11.2").version()).isEqualTo(Version.parse("v3"));
        RepositoryListing listing = store.list().get(0);
        assertThat(listing.versions()).extracting(v -> v.version().toString()).containsExactly("v1", "v3");
        assertThat(listing.current()).contains(Version.parse("v3"));
    }

    @Test
    void listExplainsARepositoryWithoutAPointer() throws Exception {
        store.publish(SEC, TestFiles.random(temp.resolve("a"), 10, 3), "0.11.2");
        store.publish(RepositoryName.of("industry"), TestFiles.random(temp.resolve("b"), 10, 4), "0.11.2");
        Files.delete(root.resolve("industry/manifest.json"));
        Files.writeString(root.resolve("README.txt"), "not a repository");

        List<RepositoryListing> listing = store.list();

        assertThat(listing).extracting(l -> l.name().value()).containsExactly("industry", "sec");
        assertThat(listing.get(0).current()).isEmpty();
        assertThat(listing.get(0).problem()).hasValueSatisfying(p -> assertThat(p).contains("no current pointer"));
        assertThat(listing.get(1).problem()).isEmpty();
    }

    @Test
    void refusesFilesThatAreNotCheckpointedDatabases() throws Exception {
        Path file = TestFiles.random(temp.resolve("db.kuzu"), 1000, 5);
        Files.write(temp.resolve("db.kuzu.wal"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> store.publish(SEC, file, "0.11.2"))
                .hasMessageContaining("uncheckpointed write-ahead log (db.kuzu.wal, 3 bytes)")
                .hasMessageContaining("checkpoint the database");
        assertThatThrownBy(() -> store.publish(SEC, temp.resolve("missing.kuzu"), "0.11.2"))
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> store.publish(SEC, Files.createFile(temp.resolve("empty.kuzu")), "0.11.2"))
                .hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> store.publish(SEC, file, "0.11.2 && rm"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("engine version");
        try (var files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aPointerThatDisagreesWithItsVersionIsRejected() throws Exception {
        Path file = TestFiles.random(temp.resolve("sec.kuzu"), 1000, 6);
        store.publish(SEC, file, "0.11.2");
        store.publish(SEC, file, "0.11.2");
        Files.copy(root.resolve("sec/v1/manifest.json"), root.resolve("sec/v2/manifest.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> store.current(SEC))
                .hasMessageContaining("sec/v2/manifest.json says version v1 but is stored under v2");

        Files.walk(root.resolve("sec/v2")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        assertThatThrownBy(() -> store.current(SEC))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("names v2, but that version is incomplete")
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.INVALID_MANIFEST);
    }

    @Test
    void aDataObjectOfTheWrongSizeIsCaughtBeforeDownloading() throws Exception {
        store.publish(SEC, TestFiles.random(temp.resolve("sec.kuzu"), 1000, 7), "0.11.2");
        Files.write(root.resolve("sec/v1/data.kuzu"), new byte[10]);
        assertThatThrownBy(() -> store.current(SEC))
                .hasMessageContaining("sec/v1/data.kuzu is 10 bytes but its manifest says 1000");
    }

    @Test
    void aMissingStoreDirectoryIsNamed() {
        FileRepositoryStore missing = new FileRepositoryStore(new StoreUri.Local(temp.resolve("nope")));
        assertThatThrownBy(missing::list).hasMessageContaining("store directory " + temp.resolve("nope") + " does not exist");
    }
}
