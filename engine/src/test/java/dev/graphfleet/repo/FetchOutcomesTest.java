package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.repo.FetchProgress.Phase;
import dev.graphfleet.repo.RepositoryException.Reason;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.TestFiles;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user of the fetcher sees over a real file store and cache: the progress it reports (once
 * per part and about once per MiB, never outside 0..total), a resume that finds everything on disk,
 * the space a resume needs, a stale cached copy that is dropped even when the fresh download fails,
 * interruption, and a version being downloaded that another fetch may not evict.
 */
class FetchOutcomesTest {

    private static final long PART = 64 * 1024;
    private static final long MIB = 1L << 20;

    @TempDir
    Path temp;
    private FileRepositoryStore store;
    private RepositoryCache cache;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-07T10:00:00Z"));
    private final Set<VersionRef> pinned = new HashSet<>();

    @BeforeEach
    void open() throws Exception {
        store = new FileRepositoryStore(new StoreUri.Local(Files.createDirectory(temp.resolve("store"))), clock);
        cache = new RepositoryCache(temp.resolve("cache"), 1L << 30, () -> Set.copyOf(pinned), clock);
    }

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted(); // a failed interrupt test must not leak into the next one
    }

    private FetchOptions options(long partSize, int parallelism) {
        return FetchOptions.defaults().withPartSize(partSize).withParallelism(parallelism)
                .withRetry(RetryPolicy.immediate(2));
    }

    private RepositoryFetcher fetcher(long partSize, int parallelism) {
        return new RepositoryFetcher(store, cache, options(partSize, parallelism));
    }

    private Manifest publish(String name, long size, long seed) throws Exception {
        return store.publish(RepositoryName.of(name), TestFiles.random(temp.resolve(name + seed + ".kuzu"), size, seed),
                "0.11.2");
    }

    private Path stored(Manifest manifest) {
        return temp.resolve("store").resolve(manifest.objectKey());
    }

    private static List<Long> bytesIn(List<FetchProgress> seen, Phase phase) {
        return seen.stream().filter(p -> p.phase() == phase).map(FetchProgress::bytesDone).toList();
    }

    /** Every report is within 0..total, counts up within its phase, and no two are more than a MiB apart. */
    private static void assertCountsUpAboutOncePerMib(List<Long> reports, long total) {
        assertThat(reports).isNotEmpty().isSorted().allSatisfy(b -> assertThat(b).isBetween(0L, total));
        assertThat(reports.get(reports.size() - 1)).as("the phase ends at the total").isEqualTo(total);
        for (int i = 1; i < reports.size(); i++) {
            assertThat(reports.get(i) - reports.get(i - 1)).as("step %d of %s", i, reports).isLessThanOrEqualTo(MIB);
        }
    }

    @Test
    void smallPartsAreReportedOneByOneAndTheCheckEndsAtTheTotal() throws Exception {
        Manifest sec = publish("sec", 3 * PART + 7, 1);
        List<FetchProgress> seen = new ArrayList<>();

        fetcher(PART, 1).fetch(sec, seen::add);

        assertThat(bytesIn(seen, Phase.DOWNLOADING)).startsWith(0L).contains(PART, 2 * PART, 3 * PART, 3 * PART + 7);
        assertCountsUpAboutOncePerMib(bytesIn(seen, Phase.DOWNLOADING), sec.sizeBytes());
        assertCountsUpAboutOncePerMib(bytesIn(seen, Phase.VERIFYING), sec.sizeBytes());
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new FetchProgress(sec.ref(), Phase.DONE, sec.sizeBytes(),
                sec.sizeBytes()));
    }

    @Test
    void aLargePartIsReportedAboutOncePerMib() throws Exception {
        Manifest sec = publish("sec", 3 * MIB + 100, 2);
        List<FetchProgress> seen = new ArrayList<>();

        fetcher(4 * MIB, 1).fetch(sec, seen::add);

        List<Long> downloading = bytesIn(seen, Phase.DOWNLOADING);
        assertCountsUpAboutOncePerMib(downloading, sec.sizeBytes());
        assertThat(downloading).contains(MIB, 2 * MIB, 3 * MIB).hasSizeLessThanOrEqualTo(6);
        assertCountsUpAboutOncePerMib(bytesIn(seen, Phase.VERIFYING), sec.sizeBytes());
    }

    @Test
    void aResumeThatFindsEveryPartOnDiskDownloadsNothingAndChecksTheWholeFileAboutOncePerMib() throws Exception {
        Manifest sec = publish("sec", 3 * MIB, 3);
        Path dir = Files.createDirectories(cache.versionDir(sec.ref()));
        Files.copy(stored(sec), dir.resolve("data.kuzu.partial"));
        String allParts = IntStream.range(0, (int) (3 * MIB / PART)).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n"));
        Files.writeString(dir.resolve("data.kuzu.parts"), PartJournal.header(sec, PART) + "\n" + allParts + "\n",
                StandardCharsets.US_ASCII);
        List<FetchProgress> seen = new ArrayList<>();

        FetchResult result = fetcher(PART, 3).fetch(sec, seen::add);

        assertThat(result.bytesDownloaded()).isZero();
        assertThat(result.bytesResumed()).isEqualTo(3 * MIB);
        assertThat(result.file()).hasSameBinaryContentAs(stored(sec));
        assertThat(bytesIn(seen, Phase.DOWNLOADING)).containsOnly(3 * MIB);
        List<Long> verifying = bytesIn(seen, Phase.VERIFYING);
        assertThat(verifying).startsWith(0L).hasSizeLessThanOrEqualTo(5);
        assertCountsUpAboutOncePerMib(verifying, 3 * MIB);
    }

    @Test
    void aResumeNeedsFreeSpaceOnlyForTheMissingParts() throws Exception {
        Manifest sec = publish("sec", 3 * PART, 4);
        Path dir = Files.createDirectories(cache.versionDir(sec.ref()));
        byte[] partial = new byte[(int) (3 * PART)];
        System.arraycopy(Files.readAllBytes(stored(sec)), 0, partial, 0, (int) (2 * PART));
        Files.write(dir.resolve("data.kuzu.partial"), partial);
        Files.writeString(dir.resolve("data.kuzu.parts"), PartJournal.header(sec, PART) + "\n0\n1\n",
                StandardCharsets.US_ASCII);
        FetchOptions onePartFree = options(PART, 2).withFreeSpace(root -> PART);

        FetchResult result = new RepositoryFetcher(store, cache, onePartFree).fetch(sec, FetchListener.NONE);

        assertThat(result.bytesDownloaded()).isEqualTo(PART);
        assertThat(result.file()).hasSameBinaryContentAs(stored(sec));
    }

    @Test
    void fetchCurrentFetchesTheVersionThePointerNames() throws Exception {
        publish("sec", PART, 5);
        Manifest v2 = publish("sec", 2 * PART, 6);

        FetchResult result = fetcher(PART, 2).fetchCurrent(RepositoryName.of("sec"), FetchListener.NONE);

        assertThat(result.manifest()).isEqualTo(v2);
        assertThat(result.file()).isEqualTo(cache.dataFile(v2.ref())).hasSameBinaryContentAs(stored(v2));
    }

    @Test
    void aCachedCopyThatChangedIsDroppedEvenWhenTheFreshDownloadFails() throws Exception {
        Manifest sec = publish("sec", 2 * PART, 7);
        fetcher(PART, 2).fetch(sec, FetchListener.NONE);
        Files.write(cache.dataFile(sec.ref()), new byte[(int) (2 * PART)]); // same size, other bytes
        Files.delete(stored(sec)); // and the store cannot give it again

        assertThatThrownBy(() -> fetcher(PART, 2).fetch(sec, FetchListener.NONE))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));

        assertThat(cache.dataFile(sec.ref())).doesNotExist();
        assertThat(cache.cached(sec.ref())).isEmpty();
    }

    @Test
    void aCachedCopyOfAnotherObjectIsDroppedEvenWhenTheFreshDownloadFails() throws Exception {
        Manifest sec = publish("sec", PART, 8);
        fetcher(PART, 2).fetch(sec, FetchListener.NONE);
        Manifest other = Manifest.of(sec.name(), sec.version(), sec.sizeBytes(), "0".repeat(64), "0.11.2", sec.createdAt());
        Files.write(cache.manifestFile(sec.ref()), ManifestJson.write(other)); // the store was rebuilt since
        Files.delete(stored(sec));

        assertThatThrownBy(() -> fetcher(PART, 2).fetch(sec, FetchListener.NONE)).isInstanceOf(RepositoryException.class);

        assertThat(cache.cached(sec.ref())).isEmpty();
    }

    @Test
    void anAttachedCachedCopyOfAnotherObjectIsRefusedAndKept() throws Exception {
        Manifest sec = publish("sec", PART, 9);
        fetcher(PART, 2).fetch(sec, FetchListener.NONE);
        Manifest other = Manifest.of(sec.name(), sec.version(), sec.sizeBytes(), "0".repeat(64), "0.11.2", sec.createdAt());
        Files.write(cache.manifestFile(sec.ref()), ManifestJson.write(other));
        pinned.add(sec.ref());

        assertThatThrownBy(() -> fetcher(PART, 2).fetch(sec, FetchListener.NONE))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FAILED))
                .hasMessageContaining("differs from the store's (cached sha256 " + "0".repeat(64))
                .hasMessageContaining("detach it before fetching the store's sec@v1");
        assertThat(cache.cached(sec.ref())).contains(other);
    }

    @Test
    void aFetchAlreadyInterruptedStopsAtOnceAndKeepsTheInterrupt() throws Exception {
        Manifest sec = publish("sec", PART, 10);
        Thread.currentThread().interrupt();

        assertThatThrownBy(() -> fetcher(PART, 1).fetch(sec, FetchListener.NONE)).isInstanceOf(InterruptedIOException.class);

        assertThat(Thread.interrupted()).as("the caller is still interrupted").isTrue();
        assertThat(fetcher(PART, 1).fetch(sec, FetchListener.NONE).bytesDownloaded()).isEqualTo(PART);
    }

    @Test
    void aFetchInterruptedMidwayStopsKeepsTheInterruptAndResumesLater() throws Exception {
        Manifest sec = publish("sec", 8 * PART, 11);
        Thread caller = Thread.currentThread();
        AtomicBoolean interrupted = new AtomicBoolean();
        FetchListener interruptAfterOnePart = progress -> {
            if (progress.phase() == Phase.DOWNLOADING && progress.bytesDone() >= PART && interrupted.compareAndSet(false, true)) {
                awaitWaiting(caller); // interrupt it while it waits for the parts, as a user's Ctrl-C would
                caller.interrupt();
            }
        };

        assertThatThrownBy(() -> fetcher(PART, 1).fetch(sec, interruptAfterOnePart))
                .isInstanceOf(InterruptedIOException.class);

        assertThat(Thread.interrupted()).as("the caller is still interrupted").isTrue();
        FetchResult resumed = fetcher(PART, 1).fetch(sec, FetchListener.NONE);
        assertThat(resumed.bytesResumed()).isPositive();
        assertThat(resumed.file()).hasSameBinaryContentAs(stored(sec));
    }

    /** Returns once {@code thread} is parked (or is this thread, or 10 s passed). */
    private static void awaitWaiting(Thread thread) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (thread != Thread.currentThread() && System.nanoTime() < deadline
                && thread.getState() != Thread.State.WAITING && thread.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait();
        }
    }

    @Test
    void downloadThreadsNeverKeepTheProcessAlive() throws Exception {
        Manifest sec = publish("sec", 4 * PART, 12);
        Thread caller = Thread.currentThread();
        List<Thread> reporters = new CopyOnWriteArrayList<>();

        fetcher(PART, 2).fetch(sec, progress -> reporters.add(Thread.currentThread()));

        assertThat(reporters).filteredOn(t -> t != caller).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    }

    @Test
    void aVersionBeingDownloadedIsNotEvictedToMakeRoomForAnother() throws Exception {
        cache = new RepositoryCache(temp.resolve("cache"), 3 * PART, () -> Set.copyOf(pinned), clock);
        Manifest sec = publish("sec", 2 * PART, 13);
        Manifest industry = publish("industry", 2 * PART, 14);
        RepositoryFetcher fetcher = fetcher(PART, 1);
        AtomicReference<Exception> meanwhile = new AtomicReference<>();
        FetchListener fetchAnotherMidway = progress -> {
            if (progress.phase() == Phase.DOWNLOADING && progress.bytesDone() >= PART && meanwhile.get() == null) {
                try {
                    fetcher.fetch(industry, FetchListener.NONE);
                    meanwhile.set(new IllegalStateException("industry was fetched"));
                } catch (Exception e) {
                    meanwhile.set(e);
                }
            }
        };

        FetchResult result = fetcher.fetch(sec, fetchAnotherMidway);

        assertThat(result.file()).hasSameBinaryContentAs(stored(sec));
        assertThat(meanwhile.get()).isInstanceOfSatisfying(RepositoryException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NO_SPACE));
        assertThat(cache.cached(industry.ref())).isEmpty();
    }
}
