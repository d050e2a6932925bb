package dev.graphfleet.repo.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.repo.FetchListener;
import dev.graphfleet.repo.FetchOptions;
import dev.graphfleet.repo.FetchProgress;
import dev.graphfleet.repo.FetchResult;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryCache;
import dev.graphfleet.repo.RepositoryException;
import dev.graphfleet.repo.RepositoryException.Reason;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.RetryPolicy;
import dev.graphfleet.repo.Sha256;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.repo.VersionRef;
import dev.graphfleet.testing.FaultProxy;
import dev.graphfleet.testing.FaultProxy.Fault;
import dev.graphfleet.testing.S3Server;
import dev.graphfleet.testing.TestFiles;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher against a real S3 server with faults injected at the HTTP level by a proxy
 * between the SDK and s3proxy. The SDK's own retries are off, so every retry seen is ours.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class S3FetchFaultTest {

    @RegisterExtension
    static final S3Server S3 = S3Server.withBuckets("faults");

    private static final long PART = 256 * 1024;
    private static final long SIZE = 8 * PART + 123; // 9 parts, the last one short
    private static final StoreUri.S3 URI = new StoreUri.S3("faults", "repos");
    private static final Predicate<FaultProxy.Request> DATA = r -> r.isGetOf("/data.kuzu");

    @TempDir
    static Path shared;
    private static Path original;
    private static Manifest sec;

    @TempDir
    Path temp;
    private FaultProxy proxy;
    private S3RepositoryStore store;
    private RepositoryCache cache;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private final List<String> retries = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void publish() throws Exception {
        original = TestFiles.random(shared.resolve("sec.kuzu"), SIZE, 42);
        try (S3RepositoryStore direct = S3RepositoryStore.open(URI, S3Settings.forCompatibleEndpoint(S3.endpoint(), S3.credentials()))) {
            sec = direct.publish(RepositoryName.of("sec"), original, "0.11.2");
        }
    }

    @BeforeEach
    void startProxy() throws Exception {
        proxy = FaultProxy.start(S3.endpoint());
        store = storeWithTimeout(Duration.ofSeconds(30));
        cache = new RepositoryCache(temp.resolve("cache"), 1L << 30, Set::of, Clock.systemUTC());
    }

    private S3RepositoryStore storeWithTimeout(Duration socketTimeout) {
        return S3RepositoryStore.open(URI, S3Settings.forCompatibleEndpoint(proxy.endpoint(), S3.credentials())
                .withSdkMaxAttempts(1)
                .withSocketTimeout(socketTimeout));
    }

    @AfterEach
    void stopProxy() throws Exception {
        store.close();
        proxy.close();
    }

    private RepositoryFetcher fetcher(int parallelism, RetryPolicy retry) {
        return new RepositoryFetcher(store, cache, FetchOptions.defaults()
                .withPartSize(PART).withParallelism(parallelism).withRetry(retry).withSleeper(waits::add));
    }

    private final FetchListener recordRetries = new FetchListener() {
        @Override
        public void onProgress(FetchProgress progress) {
        }

        @Override
        public void onRetry(VersionRef ref, int part, int nextAttempt, Duration wait, Exception error) {
            retries.add(part + "#" + nextAttempt);
        }
    };

    private static Predicate<FaultProxy.Request> part(int index) {
        return DATA.and(r -> r.rangeStart() == index * PART);
    }

    private void assertNothingInPlace() {
        assertThat(cache.dataFile(sec.ref())).doesNotExist();
    }

    @Test
    void serverErrorsAreRetriedWithBackoff() throws Exception {
        proxy.inject(part(3), Fault.status(500), 2).inject(part(7), Fault.status(503), 1);

        FetchResult result = fetcher(3, new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(1)))
                .fetch(sec, recordRetries);

        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
        assertThat(proxy.exchanges()).filteredOn(e -> e.status() >= 500).hasSize(3);
        assertThat(retries).containsExactlyInAnyOrder("3#2", "3#3", "7#2");
        assertThat(waits).containsExactlyInAnyOrder(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(100));
    }

    @Test
    void aPartThatKeepsFailingFailsTheFetchAfterTheConfiguredAttempts() {
        proxy.injectAlways(part(4), Fault.status(500));

        assertThatThrownBy(() -> fetcher(2, RetryPolicy.immediate(3)).fetch(sec, FetchListener.NONE))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("could not download part 4 (bytes 1048576-1310719) of sec@v1 after 3 attempts")
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.TRANSIENT);
        assertThat(proxy.exchanges()).filteredOn(e -> part(4).test(e.request())).hasSize(3);
        assertNothingInPlace();
    }

    @Test
    void truncatedBodiesAreRetriedFromWhereTheyStopped() throws Exception {
        proxy.inject(part(2), new Fault.Truncate(100_000), 1).inject(part(8), new Fault.Truncate(5), 1);

        FetchResult result = fetcher(3, RetryPolicy.immediate(3)).fetch(sec, recordRetries);

        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
        assertThat(retries).containsExactlyInAnyOrder("2#2", "8#2");
        // the retries asked only for the rest of each part: not one byte was sent twice
        assertThat(proxy.bodyBytes(DATA)).isEqualTo(SIZE);
        assertThat(proxy.exchanges()).anyMatch(e -> e.request().rangeStart() == 2 * PART + 100_000);
        assertThat(result.bytesDownloaded()).isEqualTo(SIZE);
    }

    @Test
    void aCorruptedBodyIsDiscardedWithAClearErrorAndNothingInPlace() {
        proxy.injectAlways(part(5), new Fault.Corrupt(1234));

        assertThatThrownBy(() -> fetcher(3, RetryPolicy.immediate(3)).fetch(sec, FetchListener.NONE))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("the download of sec@v1 from s3://faults/repos does not match its manifest")
                .hasMessageContaining("expected " + sec.sha256())
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.CHECKSUM_MISMATCH);
        assertNothingInPlace();
        assertThat(cache.versionDir(sec.ref()).resolve("data.kuzu.partial")).doesNotExist();
        assertThat(cache.versionDir(sec.ref()).resolve("data.kuzu.parts")).doesNotExist();
    }

    @Test
    void aMissingObjectIsNotFoundAndNotRetried() throws Exception {
        Path file = TestFiles.random(temp.resolve("gone.kuzu"), 3 * PART, 7);
        Manifest gone;
        try (S3RepositoryStore direct = S3RepositoryStore.open(URI, S3Settings.forCompatibleEndpoint(S3.endpoint(), S3.credentials()))) {
            gone = direct.publish(RepositoryName.of("gone"), file, "0.11.2");
        }
        S3.client().deleteObject(r -> r.bucket("faults").key("repos/gone/v1/data.kuzu"));

        assertThatThrownBy(() -> store.current(RepositoryName.of("gone")))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("s3://faults/repos/gone/v1/data.kuzu does not exist");
        proxy.clearExchanges();
        assertThatThrownBy(() -> fetcher(1, RetryPolicy.immediate(5)).fetch(gone, FetchListener.NONE))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("s3://faults/repos/gone/v1/data.kuzu does not exist")
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.NOT_FOUND);
        assertThat(proxy.exchanges()).singleElement().satisfies(e -> assertThat(e.status()).isEqualTo(404));
        assertThat(cache.dataFile(gone.ref())).doesNotExist();
    }

    @Test
    void aFailedDownloadResumesWithOnlyTheMissingParts() throws Exception {
        proxy.injectAlways(DATA.and(r -> r.rangeStart() >= 6 * PART), Fault.status(500));
        assertThatThrownBy(() -> fetcher(3, RetryPolicy.immediate(1)).fetch(sec, FetchListener.NONE))
                .isInstanceOf(RepositoryException.class);
        assertThat(cache.dataFile(sec.ref())).doesNotExist();

        proxy.clearFaults();
        proxy.clearExchanges();
        FetchResult result = fetcher(3, RetryPolicy.immediate(1)).fetch(sec, FetchListener.NONE);

        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
        assertThat(result.bytesResumed()).isEqualTo(6 * PART);
        assertThat(result.bytesDownloaded()).isEqualTo(SIZE - 6 * PART);
        assertThat(proxy.bodyBytes(DATA)).isEqualTo(SIZE - 6 * PART);
        assertThat(proxy.exchanges()).filteredOn(e -> DATA.test(e.request()))
                .extracting(e -> e.request().rangeStart() / PART).containsExactlyInAnyOrder(6L, 7L, 8L);
    }

    @Test
    void anInterruptedFetchStopsAndResumesLater() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        proxy.inject(part(4), new Fault.Hold(arrived, release), 1);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread fetching = new Thread(() -> {
            try {
                fetcher(1, RetryPolicy.immediate(1)).fetch(sec, FetchListener.NONE);
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        fetching.start();
        assertThat(arrived.await(30, TimeUnit.SECONDS)).isTrue(); // parts 0-3 are done, part 4 is held
        fetching.interrupt();
        fetching.join();
        release.countDown();

        assertThat(outcome.get()).isInstanceOf(InterruptedIOException.class)
                .hasMessageContaining("resumes from the completed parts");
        assertThat(cache.dataFile(sec.ref())).doesNotExist();

        proxy.clearExchanges();
        FetchResult result = fetcher(3, RetryPolicy.immediate(1)).fetch(sec, FetchListener.NONE);
        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
        assertThat(result.bytesResumed()).isEqualTo(4 * PART);
        assertThat(proxy.bodyBytes(DATA)).isEqualTo(SIZE - 4 * PART);
    }

    @Test
    void aSlowAnswerDoesNotHoldUpTheOtherParts() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        proxy.inject(part(0), new Fault.Hold(new CountDownLatch(1), release), 1);
        // Released only once every other part is on disk: if parts waited behind part 0, this would hang.
        FetchListener releaseWhenOthersAreDone = progress -> {
            if (progress.phase() == FetchProgress.Phase.DOWNLOADING && progress.bytesDone() >= SIZE - PART) {
                release.countDown();
            }
        };

        FetchResult result = fetcher(3, RetryPolicy.immediate(1)).fetch(sec, releaseWhenOthersAreDone);

        assertThat(release.getCount()).isZero();
        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
    }

    @Test
    void aStalledAnswerTimesOutAndThePartIsRetried() throws Exception {
        proxy.inject(part(2), new Fault.Stall(), 1);
        store.close();
        store = storeWithTimeout(Duration.ofMillis(300));

        FetchResult result = fetcher(3, RetryPolicy.immediate(3)).fetch(sec, recordRetries);

        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
        assertThat(retries).containsExactly("2#2");
        assertThat(proxy.exchanges()).filteredOn(e -> part(2).test(e.request())).hasSize(2);
    }

    @Test
    void notEnoughFreeSpaceStopsBeforeAnyDataIsRequested() {
        RepositoryFetcher fetcher = new RepositoryFetcher(store, cache, FetchOptions.defaults()
                .withPartSize(PART).withFreeSpace(dir -> 1000));

        assertThatThrownBy(() -> fetcher.fetch(sec, FetchListener.NONE))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("not enough free space in " + cache.root() + " to fetch sec@v1")
                .hasMessageContaining("needs 2.0 MiB (" + SIZE + " bytes), 1000 bytes available")
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.NO_SPACE);
        assertThat(proxy.requestCount()).isZero();
        assertThat(cache.versionDir(sec.ref()).resolve("data.kuzu.partial")).doesNotExist();
    }

    @Test
    void badNamesAreRejectedBeforeAnyRequest() {
        RepositoryFetcher fetcher = fetcher(1, RetryPolicy.immediate(1));
        for (String bad : List.of("sec; DROP", "../x", "sec'", "\u0455ec", "", "Sec", "sec/v1")) {
            assertThatThrownBy(() -> fetcher.fetchCurrent(RepositoryName.of(bad), FetchListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(proxy.requestCount()).isZero();
        assertThat(temp.resolve("cache")).doesNotExist();
    }

    @Test
    void aSecondFetchIsACacheHitThatDownloadsNothing() throws Exception {
        fetcher(3, RetryPolicy.immediate(1)).fetch(sec, FetchListener.NONE);
        proxy.clearExchanges();

        FetchResult again = fetcher(3, RetryPolicy.immediate(1)).fetch(sec, FetchListener.NONE);

        assertThat(again.fromCache()).isTrue();
        assertThat(again.bytesDownloaded()).isZero();
        assertThat(proxy.requestCount()).isZero();
        assertThat(Files.size(again.file())).isEqualTo(SIZE);
    }
}
