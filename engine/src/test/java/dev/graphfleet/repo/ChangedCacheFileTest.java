package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.repo.RepositoryException.Reason;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.TestFiles;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached repository file that changed after it was verified is never served as it is: it is hashed
 * again, and a copy that no longer matches is fetched afresh (or refused while attached). The same
 * byte count and the same modified time do not hide a change: the change time (ctime) cannot be set back.
 */
class ChangedCacheFileTest {

    private static final long PART = 64 * 1024;

    @TempDir
    Path temp;
    private FileRepositoryStore store;
    private RepositoryCache cache;
    private final Set<VersionRef> pinned = new HashSet<>();
    private Manifest sec;
    private Path stored;

    @BeforeEach
    void fetchOnce() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
        store = new FileRepositoryStore(new StoreUri.Local(Files.createDirectory(temp.resolve("store"))), clock);
        cache = new RepositoryCache(temp.resolve("cache"), 1L << 30, () -> Set.copyOf(pinned), clock);
        sec = store.publish(RepositoryName.of("sec"), TestFiles.random(temp.resolve("sec.kuzu"), 5 * PART + 3, 7), "0.11.2");
        stored = temp.resolve("store/sec/v1/data.kuzu");
        assertThat(fetch(new ArrayList<>()).fromCache()).isFalse();
    }

    private FetchResult fetch(List<FetchProgress.Phase> phases) throws Exception {
        return new RepositoryFetcher(store, cache, FetchOptions.defaults().withPartSize(PART).withParallelism(2)
                .withRetry(RetryPolicy.immediate(2))).fetch(sec, new FetchListener() {
                    @Override
                    public void onProgress(FetchProgress progress) {
                        phases.add(progress.phase());
                    }
                });
    }

    @Test
    void anUnchangedFileIsServedWithoutReadingItAgain() throws Exception {
        List<FetchProgress.Phase> phases = new ArrayList<>();
        FetchResult hit = fetch(phases);
        assertThat(hit.fromCache()).isTrue();
        assertThat(phases).as("no hashing on a hit").containsExactly(FetchProgress.Phase.DONE);
    }

    @Test
    void aByteFlippedWithSizeAndModifiedTimeKeptIsCaughtAndFetchedAgain() throws Exception {
        Path data = cache.dataFile(sec.ref());
        flipAByteKeepingSizeAndModifiedTime(data);

        List<FetchProgress.Phase> phases = new ArrayList<>();
        FetchResult result = fetch(phases);

        assertThat(result.fromCache()).as("the changed copy is not served").isFalse();
        assertThat(result.bytesDownloaded()).isEqualTo(sec.sizeBytes());
        assertThat(data).hasSameBinaryContentAs(stored);
        assertThat(phases).contains(FetchProgress.Phase.VERIFYING);
        assertThat(fetch(new ArrayList<>()).fromCache()).as("the fresh copy is trusted again").isTrue();
    }

    @Test
    void aChangedFileThatIsAttachedIsRefusedNotServed() throws Exception {
        Path data = cache.dataFile(sec.ref());
        flipAByteKeepingSizeAndModifiedTime(data);
        pinned.add(sec.ref());

        assertThatThrownBy(() -> fetch(new ArrayList<>()))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("changed since it was verified")
                .hasMessageContaining("detach it")
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
    }

    @Test
    void aSameSizeReplacementWithTheOldModifiedTimeIsCaught() throws Exception {
        Path data = cache.dataFile(sec.ref());
        FileTime modified = Files.getLastModifiedTime(data);
        byte[] bytes = Files.readAllBytes(data);
        bytes[0] ^= 0x01;
        Path replacement = Files.write(data.resolveSibling("replacement"), bytes);
        Files.setLastModifiedTime(replacement, modified);
        Files.move(replacement, data, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThat(fetch(new ArrayList<>()).fromCache()).isFalse();
        assertThat(data).hasSameBinaryContentAs(stored);
    }

    @Test
    void aCopyWithoutAStampIsHashedOnceThenTrusted() throws Exception {
        Files.delete(cache.stampFile(sec.ref()));

        List<FetchProgress.Phase> first = new ArrayList<>();
        assertThat(fetch(first).fromCache()).isTrue();
        assertThat(first).contains(FetchProgress.Phase.VERIFYING);
        assertThat(cache.stampFile(sec.ref())).exists();

        List<FetchProgress.Phase> second = new ArrayList<>();
        assertThat(fetch(second).fromCache()).isTrue();
        assertThat(second).containsExactly(FetchProgress.Phase.DONE);
    }

    /**
     * Flips one byte in place, then sets the modified time back. Waits first (a bounded poll, not a
     * sleep) until the file system's clock has moved past the file's change time, so the change is
     * visible in ctime even where it ticks coarsely (tmpfs).
     */
    private void flipAByteKeepingSizeAndModifiedTime(Path data) throws Exception {
        FileTime modified = Files.getLastModifiedTime(data);
        long size = Files.size(data);
        awaitChangeTimeAfter(data);
        try (FileChannel channel = FileChannel.open(data, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, PART + 11);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            channel.write(one, PART + 11);
        }
        Files.setLastModifiedTime(data, modified);
        assertThat(Files.size(data)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(data)).isEqualTo(modified);
        assertThat(Files.mismatch(data, stored)).isEqualTo(PART + 11);
    }

    private static void awaitChangeTimeAfter(Path file) throws Exception {
        Object before = Files.getAttribute(file, "unix:ctime");
        Path probe = file.resolveSibling("ctime-probe");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            Files.write(probe, new byte[] {1});
            if (Files.getAttribute(probe, "unix:ctime").equals(before) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                continue;
            }
            break;
        }
        Files.delete(probe);
    }
}
