package dev.graphfleet.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.repo.RepositoryException.Reason;
import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.testing.TestFiles;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store that fails now and then, under a real file store and cache: a network error is retried
 * after the policy's waits and only for the bytes still missing, a refusal is not retried, and when
 * the attempts run out the error names the part, its bytes and the attempts. Also the free-space
 * check before a download, exactly at its edge.
 */
class FetchRetryTest {

    private static final long PART = 64 * 1024;
    private static final RetryPolicy THREE_TRIES = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(1));

    @TempDir
    Path temp;
    private FlakyStore store;
    private RepositoryCache cache;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final List<String> retries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() throws Exception {
        store = new FlakyStore(new FileRepositoryStore(new StoreUri.Local(Files.createDirectory(temp.resolve("store"))),
                clock));
        cache = new RepositoryCache(temp.resolve("cache"), 1L << 30, Set::of, clock);
    }

    private FetchOptions options(RetryPolicy retry) {
        return FetchOptions.defaults().withPartSize(PART).withParallelism(1).withRetry(retry).withSleeper(waits::add);
    }

    private FetchResult fetch(Manifest manifest, RetryPolicy retry) throws IOException {
        return new RepositoryFetcher(store, cache, options(retry)).fetch(manifest, new FetchListener() {
            @Override
            public void onProgress(FetchProgress progress) {
            }

            @Override
            public void onRetry(VersionRef ref, int part, int nextAttempt, Duration wait, Exception error) {
                retries.add(ref + " part " + part + " attempt " + nextAttempt + " after " + wait.toMillis() + " ms: "
                        + error.getMessage());
            }
        });
    }

    private Manifest publish(long size) throws Exception {
        return store.publish(RepositoryName.of("sec"), TestFiles.random(temp.resolve("sec.kuzu"), size, 3), "0.11.2");
    }

    @Test
    void aNetworkErrorIsRetriedAfterThePolicysWaitAndTheFetchSucceeds() throws Exception {
        Manifest sec = publish(2 * PART);
        store.failures.add(new IOException("connection reset"));

        FetchResult result = fetch(sec, THREE_TRIES);

        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
        assertThat(result.bytesDownloaded()).isEqualTo(2 * PART);
        assertThat(waits).containsExactly(Duration.ofMillis(200));
        assertThat(retries).containsExactly("sec@v1 part 0 attempt 2 after 200 ms: connection reset");
        assertThat(store.ranges).containsExactly("0+65536", "0+65536", "65536+65536");
    }

    @Test
    void aStreamThatBreaksMidPartKeepsWhatArrivedAndAsksOnlyForTheRest() throws Exception {
        Manifest sec = publish(PART + 10);
        store.breakAfter.add(1000L);

        FetchResult result = fetch(sec, THREE_TRIES);

        assertThat(Files.readAllBytes(result.file())).isEqualTo(Files.readAllBytes(temp.resolve("sec.kuzu")));
        assertThat(store.ranges).containsExactly("0+65536", "1000+64536", "65536+10");
        assertThat(result.bytesDownloaded()).as("nothing read twice").isEqualTo(PART + 10);
        assertThat(retries).singleElement().asString().startsWith("sec@v1 part 0 attempt 2 after 200 ms");
    }

    @Test
    void aStoreThatEndsAPartEarlyIsRetriedLikeANetworkError() throws Exception {
        Manifest sec = publish(PART);
        store.endAfter.add(100L);

        FetchResult result = fetch(sec, THREE_TRIES);

        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
        assertThat(retries).containsExactly(
                "sec@v1 part 0 attempt 2 after 200 ms: the store ended part 0 of sec@v1 early (100 of 65536 bytes)");
        assertThat(store.ranges).containsExactly("0+65536", "100+65436");
    }

    @Test
    void whenTheAttemptsRunOutTheErrorNamesThePartItsBytesAndTheAttemptsAndWaitsDoubled() throws Exception {
        Manifest sec = publish(3 * PART);
        store.failOnOffset = PART; // part 1 never comes
        for (int i = 0; i < 3; i++) {
            store.failures.add(new IOException("503 Slow Down"));
        }

        assertThatThrownBy(() -> fetch(sec, THREE_TRIES))
                .isInstanceOfSatisfying(RepositoryException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TRANSIENT);
                    assertThat(e.retryable()).isTrue();
                })
                .hasMessage("could not download part 1 (bytes 65536-131071) of sec@v1 after 3 attempts: 503 Slow Down;"
                        + " the fetch resumes from the completed parts when retried");
        assertThat(waits).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(retries).extracting(r -> r.substring(0, r.indexOf(':')))
                .containsExactly("sec@v1 part 1 attempt 2 after 200 ms", "sec@v1 part 1 attempt 3 after 400 ms");
        assertThat(cache.cached(sec.ref())).isEmpty();
    }

    @Test
    void oneAttemptIsSaidInTheSingular() throws Exception {
        Manifest sec = publish(PART);
        store.failures.add(new IOException("connection refused"));

        assertThatThrownBy(() -> fetch(sec, RetryPolicy.immediate(1)))
                .hasMessageContaining("of sec@v1 after 1 attempt: connection refused;");
        assertThat(waits).isEmpty();
        assertThat(retries).isEmpty();
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        Manifest sec = publish(PART);
        RepositoryException denied = new RepositoryException(Reason.ACCESS, "access denied to s3://b/sec/v1/data.kuzu");
        store.failures.add(denied);

        assertThatThrownBy(() -> fetch(sec, THREE_TRIES)).isSameAs(denied);
        assertThat(store.ranges).hasSize(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aResumedFetchRetriesItsMissingPartsAndCountsTheRestAsResumed() throws Exception {
        Manifest sec = publish(3 * PART);
        store.failOnOffset = 2 * PART;
        store.failures.add(new RepositoryException(Reason.ACCESS, "access denied"));
        assertThatThrownBy(() -> fetch(sec, THREE_TRIES)).hasMessage("access denied");

        store.ranges.clear();
        FetchResult result = fetch(sec, THREE_TRIES);

        assertThat(result.bytesResumed()).isEqualTo(2 * PART);
        assertThat(result.bytesDownloaded()).isEqualTo(PART);
        assertThat(store.ranges).containsExactly("131072+65536");
        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
    }

    @Test
    void theFreeSpaceCheckAcceptsExactlyWhatIsNeededAndRefusesOneByteLess() throws Exception {
        Manifest sec = publish(PART);
        FetchOptions tight = options(THREE_TRIES).withFreeSpace(dir -> PART - 1);

        assertThatThrownBy(() -> new RepositoryFetcher(store, cache, tight).fetch(sec, FetchListener.NONE))
                .isInstanceOfSatisfying(RepositoryException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_SPACE))
                .hasMessage("not enough free space in " + cache.root() + " to fetch sec@v1: needs 64.0 KiB (65536 bytes),"
                        + " 64.0 KiB (65535 bytes) available; free space on the data volume or expand it");
        assertThat(store.ranges).as("nothing downloaded").isEmpty();

        FetchOptions exact = options(THREE_TRIES).withFreeSpace(dir -> PART);
        FetchResult result = new RepositoryFetcher(store, cache, exact).fetch(sec, FetchListener.NONE);
        assertThat(Sha256.of(result.file())).isEqualTo(sec.sha256());
    }

    @Test
    void afterAPartFailsForGoodNoFurtherPartIsRequested() throws Exception {
        Manifest sec = publish(4 * PART);
        store.failOnOffset = PART;
        store.failures.add(new RepositoryException(Reason.ACCESS, "access denied"));

        assertThatThrownBy(() -> fetch(sec, THREE_TRIES)).hasMessage("access denied");

        assertThat(store.ranges).containsExactly("0+65536", "65536+65536");
    }

    @Test
    void aStoreThatDeliversInSmallPiecesGivesTheSameFile() throws Exception {
        Manifest sec = publish(2 * (1L << 20) + 5);
        store.piece = 1000;

        FetchResult result = new RepositoryFetcher(store, cache, options(THREE_TRIES).withPartSize(4L << 20))
                .fetch(sec, FetchListener.NONE);

        assertThat(Files.readAllBytes(result.file())).isEqualTo(Files.readAllBytes(temp.resolve("sec.kuzu")));
        assertThat(result.bytesDownloaded()).isEqualTo(sec.sizeBytes());
        assertThat(retries).isEmpty();
    }

    /** The file store, with failures queued for the next ranged reads (of one offset, when set). */
    private static final class FlakyStore extends DelegatingStore {
        final Deque<IOException> failures = new ArrayDeque<>();
        final Deque<Long> breakAfter = new ArrayDeque<>();
        final Deque<Long> endAfter = new ArrayDeque<>();
        final List<String> ranges = new CopyOnWriteArrayList<>();
        volatile long failOnOffset = -1;
        volatile int piece; // when positive, no read returns more than this, as a network read would not

        FlakyStore(FileRepositoryStore files) {
            super(files);
        }

        @Override
        public synchronized InputStream openRange(Manifest manifest, long offset, long length) throws IOException {
            ranges.add(offset + "+" + length);
            if (failOnOffset < 0 || offset == failOnOffset) {
                IOException failure = failures.poll();
                if (failure != null) {
                    throw failure;
                }
            }
            InputStream in = super.openRange(manifest, offset, length);
            Long broken = breakAfter.poll();
            if (broken != null) {
                return new Cut(in, broken, true);
            }
            Long ended = endAfter.poll();
            if (ended != null) {
                return new Cut(in, ended, false);
            }
            return piece > 0 ? new Pieces(in, piece) : in;
        }
    }

    /** A stream that fails (or ends) after {@code limit} bytes. */
    private static final class Cut extends FilterInputStream {
        private long left;
        private final boolean fail;

        Cut(InputStream in, long limit, boolean fail) {
            super(in);
            this.left = limit;
            this.fail = fail;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                if (fail) {
                    throw new IOException("connection reset");
                }
                return -1;
            }
            int n = super.read(buffer, offset, (int) Math.min(length, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    /** A stream that returns at most {@code piece} bytes a read, and holds callers to the read contract. */
    private static final class Pieces extends FilterInputStream {
        private final int piece;

        Pieces(InputStream in, int piece) {
            super(in);
            this.piece = piece;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
            return super.read(buffer, offset, Math.min(length, piece));
        }
    }

    /** Every call to the wrapped store. */
    private abstract static class DelegatingStore implements RepositoryStore {
        private final RepositoryStore delegate;

        DelegatingStore(RepositoryStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public StoreUri uri() {
            return delegate.uri();
        }

        @Override
        public Manifest publish(RepositoryName name, Path databaseFile, String engineVersion) throws IOException {
            return delegate.publish(name, databaseFile, engineVersion);
        }

        @Override
        public List<RepositoryListing> list() throws IOException {
            return delegate.list();
        }

        @Override
        public Manifest current(RepositoryName name) throws IOException {
            return delegate.current(name);
        }

        @Override
        public Manifest manifest(RepositoryName name, Version version) throws IOException {
            return delegate.manifest(name, version);
        }

        @Override
        public InputStream openRange(Manifest manifest, long offset, long length) throws IOException {
            return delegate.openRange(manifest, offset, length);
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
