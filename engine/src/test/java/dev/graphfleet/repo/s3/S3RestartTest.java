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
import dev.graphfleet.testing.S3Server;
import dev.graphfleet.testing.TestFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3-compatible server itself goes away in the middle of a download (its port refuses, its
 * connections are cut) and comes back on the same port with the same objects: the download
 * continues from the parts already on disk, never fetching a byte twice.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class S3RestartTest {

    private static final long PART = 256 * 1024;
    private static final long SIZE = 8 * PART + 77;
    private static final int CUT_AFTER_PARTS = 3;
    private static final StoreUri.S3 URI = new StoreUri.S3("restart", "repos");

    @TempDir
    Path temp;
    private S3Server s3;
    private S3RepositoryStore store;
    private RepositoryCache cache;
    private Manifest sec;
    private final List<String> retries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        s3 = S3Server.withBuckets("restart").start();
        try (S3RepositoryStore direct = S3RepositoryStore.open(URI, S3Settings.forCompatibleEndpoint(s3.endpoint(), s3.credentials()))) {
            sec = direct.publish(RepositoryName.of("sec"), TestFiles.random(temp.resolve("sec.kuzu"), SIZE, 11), "0.11.2");
        }
        store = S3RepositoryStore.open(URI, S3Settings.forCompatibleEndpoint(s3.endpoint(), s3.credentials()).withSdkMaxAttempts(1).withSocketTimeout(Duration.ofSeconds(5)));
        cache = new RepositoryCache(temp.resolve("cache"), 1L << 30, Set::of, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        store.close();
        s3.close();
    }

    /** Stops the server once {@code parts} parts are on disk (one part at a time, so none is in flight). */
    private FetchListener stopServerAfter(int parts) {
        AtomicBoolean stopped = new AtomicBoolean();
        return new FetchListener() {
            @Override
            public void onProgress(FetchProgress progress) {
                if (progress.phase() == FetchProgress.Phase.DOWNLOADING && progress.bytesDone() >= parts * PART
                        && stopped.compareAndSet(false, true)) {
                    try {
                        s3.stopServing();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }

            @Override
            public void onRetry(VersionRef ref, int part, int nextAttempt, Duration wait, Exception error) {
                retries.add(part + "#" + nextAttempt + " " + error.getClass().getSimpleName());
            }
        };
    }

    @Test
    void theServerComesBackDuringTheBackoffAndTheDownloadGoesOn() throws Exception {
        AtomicBoolean restarted = new AtomicBoolean();
        FetchOptions options = FetchOptions.defaults().withPartSize(PART).withParallelism(1)
                .withRetry(RetryPolicy.immediate(5)).withSleeper(wait -> {
                    if (restarted.compareAndSet(false, true)) {
                        try {
                            s3.resumeServing(); // back before the retry
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });

        FetchResult result = new RepositoryFetcher(store, cache, options).fetch(sec, stopServerAfter(CUT_AFTER_PARTS));

        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
        assertThat(restarted).isTrue();
        assertThat(retries).first().asString().startsWith(CUT_AFTER_PARTS + "#2");
        assertThat(result.bytesDownloaded()).as("no byte downloaded twice").isEqualTo(SIZE);
    }

    /** A larger object through four parallel parts while the server goes down again and again. */
    @Test
    @Tag("soak")
    void manyRestartsDuringOneParallelDownload() throws Exception {
        long part = 64 * 1024;
        long size = 48L << 20; // 768 parts
        int restarts = 24;
        Manifest big;
        try (S3RepositoryStore direct = S3RepositoryStore.open(URI, S3Settings.forCompatibleEndpoint(s3.endpoint(), s3.credentials()))) {
            big = direct.publish(RepositoryName.of("industry"), TestFiles.random(temp.resolve("industry.kuzu"), size, 12),
                    "0.11.2");
        }
        AtomicBoolean down = new AtomicBoolean();
        AtomicInteger stops = new AtomicInteger();
        AtomicInteger resumes = new AtomicInteger();
        FetchListener restartEvery = new FetchListener() {
            @Override
            public void onProgress(FetchProgress progress) {
                long next = (stops.get() + 1) * (size / (restarts + 1));
                if (progress.phase() == FetchProgress.Phase.DOWNLOADING && progress.bytesDone() >= next
                        && stops.get() < restarts && down.compareAndSet(false, true)) {
                    stops.incrementAndGet();
                    run(s3::stopServing);
                }
            }

            @Override
            public void onRetry(VersionRef ref, int index, int nextAttempt, Duration wait, Exception error) {
                retries.add(index + "#" + nextAttempt);
            }
        };
        FetchOptions options = FetchOptions.defaults().withPartSize(part).withParallelism(4)
                .withRetry(RetryPolicy.immediate(10)).withSleeper(wait -> {
                    synchronized (down) {
                        if (down.get()) {
                            run(s3::resumeServing);
                            resumes.incrementAndGet();
                            down.set(false);
                        }
                    }
                });
        long start = System.nanoTime();

        FetchResult result = new RepositoryFetcher(store, cache, options).fetch(big, restartEvery);

        assertThat(Sha256.of(result.file())).isEqualTo(big.sha256());
        assertThat(stops.get()).isEqualTo(restarts);
        assertThat(result.bytesDownloaded()).as("no byte downloaded twice").isEqualTo(size);
        System.out.printf("SOAK s3 restarts: %d MiB in %d parts of %d KiB, 4 in parallel, server stopped %d times and "
                        + "restarted %d times, %d part retries, %d ms, sha256 verified, %d bytes downloaded (none twice)%n",
                size >> 20, size / part, part >> 10, stops.get(), resumes.get(), retries.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), result.bytesDownloaded());
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void run(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aServerDownLongerThanTheRetriesFailsClearlyAndTheNextFetchResumes() throws Exception {
        FetchOptions options = FetchOptions.defaults().withPartSize(PART).withParallelism(1)
                .withRetry(RetryPolicy.immediate(2)).withSleeper(wait -> { });

        assertThatThrownBy(() -> new RepositoryFetcher(store, cache, options).fetch(sec, stopServerAfter(CUT_AFTER_PARTS)))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("could not download part " + CUT_AFTER_PARTS)
                .hasMessageContaining("after 2 attempts")
                .hasMessageContaining("the fetch resumes from the completed parts when retried")
                .extracting(e -> ((RepositoryException) e).reason()).isEqualTo(Reason.TRANSIENT);
        assertThat(cache.dataFile(sec.ref())).doesNotExist();

        s3.resumeServing();
        FetchResult result = new RepositoryFetcher(store, cache, options).fetch(sec, FetchListener.NONE);

        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
        assertThat(result.bytesResumed()).isEqualTo(CUT_AFTER_PARTS * PART);
        assertThat(result.bytesDownloaded()).isEqualTo(SIZE - CUT_AFTER_PARTS * PART);
    }
}
