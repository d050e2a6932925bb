package dev.graphfleet.repo.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.repo.FetchListener;
import dev.graphfleet.repo.FetchOptions;
import dev.graphfleet.repo.FetchResult;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryCache;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.testing.S3Server;
import dev.graphfleet.testing.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * Fetch speed against the plain SDK, same bytes, same server, same run: a single GetObject
 * streamed to a file versus {@link RepositoryFetcher} (parallel ranged reads, journal, sha256,
 * atomic rename). Goal (DESIGN.md): fetcher ≤ 1.15 × plain + 1 s.
 * Run: {@code mvn -B -q -Pbench -pl engine test -Dtest=S3FetchBench}
 */
@Tag("bench")
class S3FetchBench {

    @RegisterExtension
    static final S3Server S3 = S3Server.withBuckets("bench");

    private static final long SIZE = 100L * 1000 * 1000;
    private static final int ROUNDS = 3;

    @TempDir
    Path temp;

    @Test
    void fetcherAgainstPlainSdkDownload() throws Exception {
        Path file = TestFiles.random(temp.resolve("sec.kuzu"), SIZE, 7);
        try (S3RepositoryStore store = new S3RepositoryStore(S3.client(), new StoreUri.S3("bench", "repos"),
                S3.settings(), Clock.systemUTC())) {
            Manifest manifest = store.publish(RepositoryName.of("sec"), file, "0.11.2");
            String key = "repos/" + manifest.objectKey();

            plain(key, temp.resolve("warm-plain"));
            fetch(store, manifest, temp.resolve("warm-fetch"));

            long[] plain = new long[ROUNDS];
            long[] fetcher = new long[ROUNDS];
            for (int i = 0; i < ROUNDS; i++) {
                plain[i] = plain(key, temp.resolve("plain-" + i));
                fetcher[i] = fetch(store, manifest, temp.resolve("cache-" + i));
            }
            double plainMs = median(plain) / 1e6;
            double fetchMs = median(fetcher) / 1e6;
            System.out.printf(Locale.ROOT, "S3FetchBench: %d MB on loopback s3proxy, median of %d:%n"
                            + "  plain SDK GetObject to file: %8.0f ms  (%.0f MB/s)%n"
                            + "  RepositoryFetcher fetch:     %8.0f ms  (%.0f MB/s, %s parts of %d MiB, %d threads)%n"
                            + "  ratio fetcher/plain: %.2f; goal <= 1.15 x plain + 1 s = %.0f ms: %s%n",
                    SIZE / 1_000_000, ROUNDS, plainMs, SIZE / 1e3 / plainMs, fetchMs, SIZE / 1e3 / fetchMs,
                    (SIZE + options().partSizeBytes() - 1) / options().partSizeBytes(),
                    options().partSizeBytes() >> 20, options().parallelism(), fetchMs / plainMs,
                    1.15 * plainMs + 1000, fetchMs <= 1.15 * plainMs + 1000 ? "met" : "NOT met");
        }
    }

    private long plain(String key, Path target) throws Exception {
        long start = System.nanoTime();
        S3.client().getObject(r -> r.bucket("bench").key(key), ResponseTransformer.toFile(target));
        long elapsed = System.nanoTime() - start;
        assertThat(Files.size(target)).isEqualTo(SIZE);
        Files.delete(target);
        return elapsed;
    }

    private long fetch(S3RepositoryStore store, Manifest manifest, Path cacheDir) throws Exception {
        RepositoryCache cache = new RepositoryCache(cacheDir, Long.MAX_VALUE, Set::of, Clock.systemUTC());
        long start = System.nanoTime();
        long[] verifyingAt = {0};
        FetchResult result = new RepositoryFetcher(store, cache, options()).fetch(manifest, p -> {
            if (p.phase() == dev.graphfleet.repo.FetchProgress.Phase.VERIFYING && verifyingAt[0] == 0) {
                verifyingAt[0] = System.nanoTime();
            }
        });
        long elapsed = System.nanoTime() - start;
        System.out.printf("  fetch: download %d ms, verify+install %d ms%n", (verifyingAt[0] - start) / 1_000_000,
                (System.nanoTime() - verifyingAt[0]) / 1_000_000);
        assertThat(result.bytesDownloaded()).isEqualTo(SIZE);
        Files.delete(result.file());
        return elapsed;
    }

    private static FetchOptions options() {
        return FetchOptions.defaults()
                .withPartSize(Long.getLong("bench.partMiB", FetchOptions.DEFAULT_PART_SIZE >> 20) << 20)
                .withParallelism(Integer.getInteger("bench.parallelism", FetchOptions.DEFAULT_PARALLELISM));
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
