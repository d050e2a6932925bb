package dev.graphfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PoolSettings;
import dev.graphfleet.repo.FetchOptions;
import dev.graphfleet.repo.RepositoryCache;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.RepositoryStore;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.repo.s3.S3RepositoryStore;
import dev.graphfleet.shared.AttachPhase;
import dev.graphfleet.shared.AttachSettings;
import dev.graphfleet.shared.SharedRepositories;
import dev.graphfleet.shared.SharedRepositorySettings;
import dev.graphfleet.shared.StoreRepositorySource;
import dev.graphfleet.testing.S3Server;
import dev.graphfleet.testing.TestPools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * Time from "attach" to the first answered query on S3-stored repositories against a plain SDK
 * download of the same bytes, one repository and three in parallel, in one run, from an
 * S3-compatible server on loopback. Goal: attach ≤ 1.15 × download + 1 s.
 * Run: {@code mvn -B -Pbench -pl engine test -Dtest=AttachBenchmark}.
 */
@Tag("bench")
class AttachBenchmark {

    @RegisterExtension
    static final S3Server S3 = S3Server.withBuckets("bench");

    private static final int ROUNDS = 3;
    private static final int NODES = Integer.getInteger("bench.attach.nodes", 1_500_000);

    @TempDir
    Path dir;

    @Test
    void attachToFirstQueryVersusPlainDownload() throws Exception {
        Path database = generate();
        long size = Files.size(database);
        List<String> names = List.of("sec", "industry", "economic");
        try (RepositoryStore store = new S3RepositoryStore(S3RepositoryStore.buildClient(S3.settings()),
                (StoreUri.S3) StoreUri.parse("s3://bench/repos"), S3.settings(), Clock.systemUTC())) {
            for (String name : names) {
                store.publish(RepositoryName.of(name), database, "0.11.2");
            }
            StringBuilder report = new StringBuilder(String.format(
                    "Repository size %.1f MB (%,d nodes); median of %d rounds.%n%n", size / 1e6, NODES, ROUNDS));
            report.append("| repositories | plain SDK download | attach to first query | ratio | goal (1.15 × download + 1 s) |\n");
            report.append("|---:|---:|---:|---:|---|\n");
            for (List<String> set : List.of(names.subList(0, 1), names)) {
                double[] download = new double[ROUNDS];
                double[] attach = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    download[round] = plainDownload(set, round);
                    attach[round] = attachToFirstQuery(store, set, round);
                }
                double d = median(download);
                double a = median(attach);
                report.append(String.format("| %d | %.0f ms | %.0f ms | %.2f | %s |%n", set.size(), d, a, a / d,
                        a <= 1.15 * d + 1000 ? "met" : "missed"));
            }
            System.out.println(report);
            Path out = Path.of("target", "benchmarks", "attach.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            assertThat(report).contains("attach to first query");
        }
    }

    private Path generate() {
        Path build = dir.resolve("build");
        try (GraphPool writer = TestPools.writer(GraphEngines.load(), build,
                TestPools.smallDefaults(1).withBufferPoolBytes(2048L << 20), TestPools.manualMaintenance(),
                dev.graphfleet.pool.MonotonicClock.SYSTEM)) {
            writer.query("repo", "CREATE NODE TABLE Fact(id INT64, concept STRING, value DOUBLE, PRIMARY KEY(id))");
            for (int from = 1; from <= NODES; from += 250_000) {
                writer.query("repo", "UNWIND range(" + from + ", " + Math.min(NODES, from + 249_999) + ") AS i "
                        + "CREATE (:Fact {id: i, concept: 'us-gaap:Revenue-' + CAST(i % 997 AS STRING), value: i * 1.5})");
            }
            writer.forceCleanup("repo");
        }
        return build.resolve("repo.kuzu");
    }

    private double plainDownload(List<String> names, int round) throws Exception {
        Path target = Files.createDirectories(dir.resolve("plain-" + names.size() + "-" + round));
        ExecutorService threads = Executors.newFixedThreadPool(names.size());
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (String name : names) {
            done.add(threads.submit(() -> S3.client().getObject(b -> b.bucket("bench").key("repos/" + name + "/v1/data.kuzu"),
                    ResponseTransformer.toFile(target.resolve(name + ".kuzu")))));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double millis = (System.nanoTime() - start) / 1e6;
        threads.shutdown();
        return millis;
    }

    private double attachToFirstQuery(RepositoryStore store, List<String> names, int round) throws Exception {
        Path data = dir.resolve("node-" + names.size() + "-" + round);
        RepositoryCache cache = new RepositoryCache(SharedRepositories.defaultCacheDir(data), Long.MAX_VALUE, Set::of,
                Clock.systemUTC());
        SharedRepositorySettings settings = SharedRepositorySettings.defaults(512L << 20)
                .withPool(PoolSettings.DEFAULTS.withBackgroundMaintenance(false))
                .withAttach(new AttachSettings(1, List.of(Duration.ZERO), Duration.ofHours(1)));
        long start = System.nanoTime();
        try (SharedRepositories repos = new SharedRepositories(GraphEngines.load(),
                new StoreRepositorySource(store, new RepositoryFetcher(store, cache, FetchOptions.defaults())), settings,
                Clock.systemUTC())) {
            CountDownLatch attached = new CountDownLatch(names.size());
            repos.attachments().addListener(status -> {
                if (status.phase() == AttachPhase.ATTACHED) {
                    attached.countDown();
                }
            });
            repos.attachAll(names);
            assertThat(attached.await(5, TimeUnit.MINUTES)).isTrue();
            for (String name : names) {
                assertThat(repos.pool().query(name, "MATCH (f:Fact) WHERE f.id = 42 RETURN f.value")).hasSize(1);
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
