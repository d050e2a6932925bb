package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.repo.RepositoryException.Reason;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.TestFiles;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher and the cache over a real file store: crash leftovers, corruption, budget, locking. */
class RepositoryFetcherTest {

    private static final long PART = 64 * 1024;

    @TempDir
    Path temp;
    private FileRepositoryStore store;
    private RepositoryCache cache;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final Set<VersionRef> pinned = new HashSet<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @BeforeEach
    void open() throws Exception {
        store = new FileRepositoryStore(new StoreUri.Local(Files.createDirectory(temp.resolve("store"))), clock);
        cache = cacheWithBudget(1L << 30);
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private RepositoryCache cacheWithBudget(long budget) {
        return new RepositoryCache(temp.resolve("cache"), budget, () -> Set.copyOf(pinned), clock);
    }

    private RepositoryFetcher fetcher() {
        return new RepositoryFetcher(store, cache, FetchOptions.defaults().withPartSize(PART).withParallelism(3)
                .withRetry(RetryPolicy.immediate(2)));
    }

    private Manifest publish(String name, long size, long seed) throws Exception {
        Path file = TestFiles.random(temp.resolve(name + seed + ".kuzu"), size, seed);
        return store.publish(RepositoryName.of(name), file, "0.11.2");
    }

    @Test
    void fetchPutsTheVerifiedFileAndItsManifestInTheCache() throws Exception {
        Manifest sec = publish("sec", 10 * PART + 5, 1);

        FetchResult result = fetcher().fetch(sec, FetchListener.NONE);

        assertThat(result.file()).isEqualTo(temp.resolve("cache/sec/v1/data.kuzu"))
                .hasSameBinaryContentAs(temp.resolve("store/sec/v1/data.kuzu"));
        assertThat(cache.cached(sec.ref())).contains(sec);
        try (var files = Files.list(cache.versionDir(sec.ref()))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("data.kuzu", "data.kuzu.verified", "manifest.json", "fetch.lock");
        }
    }

    @Test
    void aCorruptedStoredObjectIsAClearErrorAndNothingIsInPlace() throws Exception {
        Manifest sec = publish("sec", 4 * PART, 2);
        Path stored = temp.resolve("store/sec/v1/data.kuzu");
        byte[] bytes = Files.readAllBytes(stored);
        bytes[100_000] ^= 1;
        Files.write(stored, bytes);

        assertThatThrownBy(() -> fetcher().fetch(sec, FetchListener.NONE))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("does not match its manifest")
                .hasMessageContaining("the stored object is corrupt: publish it again")
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
        try (var files = Files.list(cache.versionDir(sec.ref()))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("fetch.lock");
        }
    }

    @Test
    void aCrashLeftoverResumesFromItsJournalIgnoringATornLine() throws Exception {
        Manifest sec = publish("sec", 6 * PART, 3);
        byte[] original = Files.readAllBytes(temp.resolve("store/sec/v1/data.kuzu"));
        Path dir = Files.createDirectories(cache.versionDir(sec.ref()));
        byte[] partial = new byte[original.length];
        System.arraycopy(original, 0, partial, 0, (int) (3 * PART)); // parts 0-2 made it to disk
        Files.write(dir.resolve("data.kuzu.partial"), partial);
        Files.writeString(dir.resolve("data.kuzu.parts"),
                PartJournal.header(sec, PART) + "\n0\n2\n1\n3", StandardCharsets.US_ASCII); // "3" was torn

        FetchResult result = fetcher().fetch(sec, FetchListener.NONE);

        assertThat(result.bytesResumed()).isEqualTo(3 * PART);
        assertThat(result.bytesDownloaded()).isEqualTo(3 * PART);
        assertThat(Files.readAllBytes(result.file())).isEqualTo(original);
        assertThat(dir.resolve("data.kuzu.parts")).doesNotExist();
    }

    @Test
    void aJournalForAnotherObjectOrPartSizeIsNotTrusted() throws Exception {
        Manifest sec = publish("sec", 3 * PART, 4);
        Path dir = Files.createDirectories(cache.versionDir(sec.ref()));
        Files.write(dir.resolve("data.kuzu.partial"), new byte[(int) (3 * PART)]);
        Files.writeString(dir.resolve("data.kuzu.parts"), PartJournal.header(sec, PART * 2) + "\n0\n1\n");

        FetchResult result = fetcher().fetch(sec, FetchListener.NONE);

        assertThat(result.bytesResumed()).isZero();
        assertThat(result.file()).hasSameBinaryContentAs(temp.resolve("store/sec/v1/data.kuzu"));
    }

    @Test
    void aJournalThatLiesIsCaughtByTheChecksumAndTheNextFetchStartsClean() throws Exception {
        Manifest sec = publish("sec", 3 * PART, 5);
        Path dir = Files.createDirectories(cache.versionDir(sec.ref()));
        Files.write(dir.resolve("data.kuzu.partial"), new byte[(int) (3 * PART)]); // zeros, not the data
        Files.writeString(dir.resolve("data.kuzu.parts"), PartJournal.header(sec, PART) + "\n0\n");

        assertThatThrownBy(() -> fetcher().fetch(sec, FetchListener.NONE))
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
        assertThat(cache.dataFile(sec.ref())).doesNotExist();

        FetchResult retry = fetcher().fetch(sec, FetchListener.NONE);
        assertThat(retry.bytesResumed()).isZero();
        assertThat(retry.file()).hasSameBinaryContentAs(temp.resolve("store/sec/v1/data.kuzu"));
    }

    @Test
    void leastRecentlyUsedUnpinnedVersionsAreEvictedFirst() throws Exception {
        cache = cacheWithBudget(3 * PART + 10_000); // room for three versions and their manifests
        Manifest a = publish("aaa", PART, 10);
        Manifest b = publish("bbb", PART, 11);
        Manifest c = publish("ccc", PART, 12);
        Manifest d = publish("ddd", PART, 13);
        Manifest e = publish("eee", PART, 14);
        for (Manifest m : List.of(a, b, c)) {
            fetcher().fetch(m, FetchListener.NONE);
            clock.advance(Duration.ofMinutes(1));
        }
        fetcher().fetch(a, FetchListener.NONE); // a cache hit: a is now the most recently used
        clock.advance(Duration.ofMinutes(1));
        pinned.add(b.ref()); // b is oldest but attached

        fetcher().fetch(d, FetchListener.NONE);
        assertThat(present()).containsExactlyInAnyOrder("aaa@v1", "bbb@v1", "ddd@v1"); // c went, not pinned b
        clock.advance(Duration.ofMinutes(1));

        fetcher().fetch(e, FetchListener.NONE);
        assertThat(present()).containsExactlyInAnyOrder("bbb@v1", "ddd@v1", "eee@v1"); // then a
    }

    @Test
    void whenPinnedVersionsLeaveNoRoomNothingIsEvictedAndTheErrorSaysWhy() throws Exception {
        cache = cacheWithBudget(2 * PART + 10_000);
        Manifest a = publish("aaa", PART, 20);
        Manifest b = publish("bbb", PART, 21);
        Manifest big = publish("big", 2 * PART, 22);
        fetcher().fetch(a, FetchListener.NONE);
        fetcher().fetch(b, FetchListener.NONE);
        pinned.add(a.ref());

        assertThatThrownBy(() -> fetcher().fetch(big, FetchListener.NONE))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("cannot hold big@v1 (128.0 KiB (131072 bytes))")
                .hasMessageContaining("raise the cache budget")
                .extracting(x -> ((RepositoryException) x).reason()).isEqualTo(Reason.NO_SPACE);
        assertThat(present()).containsExactlyInAnyOrder("aaa@v1", "bbb@v1");
    }

    @Test
    void concurrentFetchesOfOneVersionDownloadItOnce() throws Exception {
        Manifest sec = publish("sec", 20 * PART, 30);
        RepositoryFetcher fetcher = fetcher();
        Callable<FetchResult> fetch = () -> fetcher.fetch(sec, FetchListener.NONE);

        List<Future<FetchResult>> both = threads.invokeAll(List.of(fetch, fetch));

        long downloaded = 0;
        for (Future<FetchResult> result : both) {
            assertThat(result.get().file()).hasSameBinaryContentAs(temp.resolve("store/sec/v1/data.kuzu"));
            downloaded += result.get().bytesDownloaded();
        }
        assertThat(downloaded).isEqualTo(20 * PART);
    }

    @Test
    void aFetchByAnotherProcessIsRefusedClearly() throws Exception {
        Manifest sec = publish("sec", PART, 31);
        Path dir = Files.createDirectories(cache.versionDir(sec.ref()));
        try (FileChannel channel = FileChannel.open(dir.resolve("fetch.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            channel.lock(); // as another process would; released when the channel closes
            assertThatThrownBy(() -> fetcher().fetch(sec, FetchListener.NONE))
                    .hasMessageContaining("another process is fetching sec@v1 into this cache");
        }
        assertThat(fetcher().fetch(sec, FetchListener.NONE).bytesDownloaded()).isEqualTo(PART);
    }

    @Test
    void aCachedCopyOfADifferentObjectIsReplaced() throws Exception {
        Manifest old = publish("sec", PART, 40);
        fetcher().fetch(old, FetchListener.NONE);
        // the store was rebuilt: the same version number now names other bytes
        Manifest other = Manifest.of(old.name(), old.version(), old.sizeBytes(), "0".repeat(64), "0.11.2", old.createdAt());
        Files.write(cache.manifestFile(old.ref()), ManifestJson.write(other));

        FetchResult result = fetcher().fetch(old, FetchListener.NONE);

        assertThat(result.fromCache()).isFalse();
        assertThat(Files.readAllBytes(result.file())).isEqualTo(Files.readAllBytes(temp.resolve("store/sec/v1/data.kuzu")));
    }

    private List<String> present() throws Exception {
        return cache.entries().stream().filter(RepositoryCache.Entry::complete).map(e -> e.ref().toString()).toList();
    }

    @Test
    void progressCountsUpThroughTheThreePhases() throws Exception {
        Manifest sec = publish("sec", 3 * PART, 50);
        List<FetchProgress> seen = new java.util.ArrayList<>();

        fetcher().fetch(sec, seen::add);

        assertThat(seen).extracting(FetchProgress::phase).containsSubsequence(FetchProgress.Phase.DOWNLOADING,
                FetchProgress.Phase.VERIFYING, FetchProgress.Phase.DONE);
        assertThat(seen.get(0)).isEqualTo(new FetchProgress(sec.ref(), FetchProgress.Phase.DOWNLOADING, 0, 3 * PART));
        assertThat(seen).filteredOn(p -> p.phase() == FetchProgress.Phase.DOWNLOADING)
                .extracting(FetchProgress::bytesDone).isSorted().contains(3 * PART);
        assertThat(seen.get(seen.size() - 1).fraction()).isEqualTo(1.0);
        assertThat(Arrays.asList(FetchProgress.Phase.values())).hasSize(3);
    }
}
