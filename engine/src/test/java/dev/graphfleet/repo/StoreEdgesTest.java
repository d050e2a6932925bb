package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.repo.RepositoryException.Reason;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a publisher and a reader of the store see at the edges: what may be published, which version
 * number comes next, a pointer to a version that is not all there, ranges up to the last byte, and
 * where a message says the object is.
 */
class StoreEdgesTest {

    private static final RepositoryName SEC = RepositoryName.of("sec");

    @TempDir
    Path temp;
    private Path root;
    private FileRepositoryStore store;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));

    @BeforeEach
    void open() throws Exception {
        root = Files.createDirectory(temp.resolve("store"));
        store = new FileRepositoryStore(new StoreUri.Local(root), clock);
    }

    private Path database(long size, long seed) throws IOException {
        return TestFiles.random(temp.resolve("sec" + seed + ".kuzu"), size, seed);
    }

    @Test
    void anEmptyWriteAheadLogDoesNotStopAPublishButOneWithBytesDoes() throws Exception {
        Path file = database(1000, 1);
        Path wal = file.resolveSibling(file.getFileName() + ".wal");
        Files.write(wal, new byte[0]);

        assertThat(store.publish(SEC, file, "0.11.2").version()).isEqualTo(Version.FIRST);

        Files.write(wal, new byte[1]);
        assertThatThrownBy(() -> store.publish(SEC, file, "0.11.2"))
                .hasMessageContaining("uncheckpointed write-ahead log (" + wal.getFileName() + ", 1 bytes)");
    }

    @Test
    void aMissingEngineVersionIsNamedAsNone() throws Exception {
        Path file = database(1000, 2);

        assertThatThrownBy(() -> store.publish(SEC, file, null))
                .hasMessageStartingWith("engine version (none) is not valid");
        assertThatThrownBy(() -> store.publish(SEC, file, "0 11"))
                .hasMessageStartingWith("engine version '0 11' is not valid");
    }

    @Test
    void theNextVersionIsOnePastTheHighestEvenWhenItsManifestNeverLanded() throws Exception {
        Path file = database(1000, 3);
        store.publish(SEC, file, "0.11.2");
        store.publish(SEC, file, "0.11.2");
        Files.createDirectories(root.resolve("sec/v7"));
        Files.write(root.resolve("sec/v7/data.kuzu"), new byte[10]); // a publish that died after its upload
        Files.createDirectories(root.resolve("sec/v3"));
        Files.write(root.resolve("sec/v3/data.kuzu"), new byte[10]);

        assertThat(store.publish(SEC, file, "0.11.2").version()).isEqualTo(Version.parse("v8"));
    }

    @Test
    void aRepositoryNotInTheStoreSaysHowToPublishIt() {
        assertThatThrownBy(() -> store.current(RepositoryName.of("industry")))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND))
                .hasMessage("repository 'industry' is not in " + store.uri()
                        + " (no industry/manifest.json); publish it with graphfleet repo push");
        assertThat(store.uri()).isEqualTo(new StoreUri.Local(root));
    }

    @Test
    void aPointerToAVersionWhoseManifestIsGoneIsAnInvalidManifestNotAMissingRepository() throws Exception {
        store.publish(SEC, database(1000, 4), "0.11.2");
        Files.delete(root.resolve("sec/v1/manifest.json"));

        assertThatThrownBy(() -> store.current(SEC))
                .isInstanceOfSatisfying(RepositoryException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_MANIFEST))
                .hasMessageContaining("names v1, but that version is incomplete")
                .hasMessageContaining("publish again or restore the version");
    }

    @Test
    void aVersionManifestThatIsBrokenRatherThanMissingIsReportedAsItIs() throws Exception {
        store.publish(SEC, database(1000, 11), "0.11.2");
        Files.writeString(root.resolve("sec/v1/manifest.json"), "{not json");

        assertThatThrownBy(() -> store.current(SEC))
                .isInstanceOfSatisfying(RepositoryException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_MANIFEST))
                .hasMessageContaining("is not valid JSON")
                .hasMessageNotContaining("incomplete");
    }

    @Test
    void theListingSaysWhenThePointerNamesAVersionThatIsNotComplete() throws Exception {
        Path file = database(1000, 5);
        store.publish(SEC, file, "0.11.2");
        store.publish(SEC, file, "0.11.2");
        store.publish(RepositoryName.of("industry"), file, "0.11.2");
        Files.delete(root.resolve("sec/v2/data.kuzu"));

        List<RepositoryListing> listings = store.list();

        assertThat(listings).extracting(l -> l.name().value()).containsExactly("industry", "sec");
        RepositoryListing sec = listings.get(1);
        assertThat(sec.current()).contains(Version.parse("v2"));
        assertThat(sec.versions()).extracting(RepositoryListing.VersionEntry::version).containsExactly(Version.FIRST);
        assertThat(sec.problem()).contains("the current pointer names v2, which is not complete in the store");
        assertThat(listings.get(0).problem()).isEmpty();
    }

    @Test
    void aRangeMayEndAtTheLastByteButNotPastIt() throws Exception {
        Path file = database(1000, 6);
        Manifest sec = store.publish(SEC, file, "0.11.2");
        byte[] bytes = Files.readAllBytes(file);

        try (InputStream in = store.openRange(sec, 990, 10)) {
            assertThat(in.readAllBytes()).isEqualTo(Arrays.copyOfRange(bytes, 990, 1000));
        }
        try (InputStream in = store.openRange(sec, 1000, 0)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThatThrownBy(() -> store.openRange(sec, 991, 10)).hasMessage("range 991+10 is outside sec/v1/data.kuzu (1000 bytes)");
        assertThatThrownBy(() -> store.openRange(sec, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.openRange(sec, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoredObjectCutShortIsAnInvalidManifestWhenItIsRead() throws Exception {
        Manifest sec = store.publish(SEC, database(1000, 7), "0.11.2");
        try (var channel = java.nio.channels.FileChannel.open(root.resolve("sec/v1/data.kuzu"), StandardOpenOption.WRITE)) {
            channel.truncate(999);
        }

        assertThatThrownBy(() -> store.openRange(sec, 500, 500))
                .isInstanceOfSatisfying(RepositoryException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_MANIFEST))
                .hasMessageContaining("is 999 bytes, shorter than its manifest says");
        try (InputStream in = store.openRange(sec, 0, 999)) {
            assertThat(in.readAllBytes()).hasSize(999);
        }
    }

    @Test
    void aPointerOfExactlyTheManifestLimitIsReadAndOneByteMoreIsNot() throws Exception {
        Manifest sec = store.publish(SEC, database(1000, 8), "0.11.2");
        Path pointer = root.resolve("sec/manifest.json");
        byte[] json = Files.readAllBytes(pointer);
        byte[] padded = new byte[ManifestJson.MAX_BYTES];
        Arrays.fill(padded, (byte) ' ');
        System.arraycopy(json, 0, padded, 0, json.length);
        Files.write(pointer, padded);

        assertThat(store.current(SEC)).isEqualTo(sec);

        Files.write(pointer, new byte[] {' '}, StandardOpenOption.APPEND);
        assertThatThrownBy(() -> store.current(SEC)).hasMessageContaining("is larger than 65536 bytes; it is not a manifest");
    }

    @Test
    void aDatabaseThatChangesWhileItIsUploadedIsRefusedAndNoVersionAppears() throws Exception {
        Path file = database(1000, 9);
        MemoryStore changing = new MemoryStore(new StoreUri.Local(root), clock) {
            @Override
            protected void putFile(String key, Path source, long size) throws IOException {
                super.putFile(key, source, size);
                Files.write(source, new byte[] {1}, StandardOpenOption.APPEND); // a writer was still at work
            }
        };

        assertThatThrownBy(() -> changing.publish(SEC, file, "0.11.2"))
                .hasMessageContaining("changed while it was being published as sec v1")
                .hasMessageContaining("stop writers (or checkpoint) and publish again");
        assertThat(changing.objects.keySet()).containsExactly("sec/v1/data.kuzu");
    }

    @Test
    void messagesNameTheObjectUnderTheStoreRootWithOneSlash() throws Exception {
        MemoryStore atRoot = new MemoryStore(new StoreUri.Local(Path.of("/")), clock);
        MemoryStore below = new MemoryStore(new StoreUri.Local(Path.of("/repos")), clock);
        for (MemoryStore s : List.of(atRoot, below)) {
            s.publish(SEC, database(1000, 10), "0.11.2");
            s.objects.put("sec/v1/data.kuzu", new byte[999]);
        }

        assertThatThrownBy(() -> atRoot.current(SEC)).hasMessage("file:///sec/v1/data.kuzu is 999 bytes but its manifest says 1000");
        assertThatThrownBy(() -> below.current(SEC)).hasMessage("file:///repos/sec/v1/data.kuzu is 999 bytes but its manifest says 1000");
    }

    /** The shared store logic over a map of objects. */
    private static class MemoryStore extends AbstractRepositoryStore {
        final Map<String, byte[]> objects = new TreeMap<>();

        MemoryStore(StoreUri uri, Clock clock) {
            super(uri, clock);
        }

        @Override
        protected List<StoredObject> listObjects(String relativePrefix) {
            List<StoredObject> found = new ArrayList<>();
            objects.forEach((key, bytes) -> {
                if (key.startsWith(relativePrefix)) {
                    found.add(new StoredObject(key, bytes.length, Instant.EPOCH));
                }
            });
            return found;
        }

        @Override
        protected Optional<byte[]> readSmall(String key, int maxBytes) {
            return Optional.ofNullable(objects.get(key));
        }

        @Override
        protected Optional<Long> sizeOf(String key) {
            return Optional.ofNullable(objects.get(key)).map(b -> (long) b.length);
        }

        @Override
        protected void putFile(String key, Path file, long size) throws IOException {
            objects.put(key, Files.readAllBytes(file));
        }

        @Override
        protected void putBytes(String key, byte[] bytes) {
            objects.put(key, bytes.clone());
        }

        @Override
        protected InputStream openObjectRange(String key, long offset, long length) {
            return new ByteArrayInputStream(objects.get(key), (int) offset, (int) length);
        }

        @Override
        public void close() {
        }
    }
}
