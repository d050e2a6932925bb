package dev.graphfleet.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.MonotonicClock;
import dev.graphfleet.pool.PooledConnection;
import dev.graphfleet.testing.TestPools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pooled vs direct-connection throughput on the same workload (prepared point lookups on a
 * 100,000-node table), measured alternately in one run; plus uncontended acquire+release latency.
 * Run: {@code mvn -B -Pbench -pl engine test -Dtest=PoolThroughputBenchmark}.
 */
@Tag("bench")
class PoolThroughputBenchmark {

    private static final int NODES = 100_000;
    private static final Duration WARMUP = Duration.ofSeconds(1);
    private static final Duration MEASURE = Duration.ofSeconds(2);
    /** Short alternating rounds, so load from elsewhere hits both sides alike; the ratio is per round. */
    private static final int ROUNDS = 9;
    private static final String LOOKUP = "MATCH (p:Person {id: $id}) RETURN p.name";

    @TempDir
    Path dataDir;

    @Test
    void pooledVersusDirect() throws Exception {
        GraphEngine engine = GraphEngines.load();
        StringBuilder report = new StringBuilder();
        report.append("| threads | direct q/s | pooled q/s | pooled / direct (median of per-round ratios) | spread (min–max) |\n"
                + "|---:|---:|---:|---:|---|\n");
        for (int threads : new int[] {2, 16}) {
            DatabaseDefaults defaults = TestPools.smallDefaults(threads).withBufferPoolBytes(512 * DatabaseDefaults.MIB);
            try (GraphPool writer = TestPools.writer(engine, dataDir, defaults, TestPools.manualMaintenance(),
                    MonotonicClock.SYSTEM)) {
                seed(writer);
                writer.forceCleanup("bench");
            }
            // Both sides read the same file through read-only Databases with the same buffer pool.
            try (GraphPool pool = TestPools.writer(engine, dataDir, defaults.withReadOnly(true),
                    TestPools.manualMaintenance(), MonotonicClock.SYSTEM)) {
                GraphDatabase shared = sharedDatabase(engine);
                double[] direct = new double[ROUNDS];
                double[] pooled = new double[ROUNDS];
                double[] ratio = new double[ROUNDS];
                for (int round = 0; round < ROUNDS; round++) {
                    boolean directFirst = round % 2 == 0;
                    if (directFirst) {
                        direct[round] = runDirect(shared, threads);
                    }
                    pooled[round] = runPooled(pool, threads);
                    if (!directFirst) {
                        direct[round] = runDirect(shared, threads);
                    }
                    ratio[round] = pooled[round] / direct[round];
                }
                shared.close();
                double[] sortedRatio = ratio.clone();
                Arrays.sort(sortedRatio);
                report.append(String.format("| %d | %,.0f | %,.0f | %.3f | %.3f–%.3f |%n", threads, median(direct),
                        median(pooled), median(ratio), sortedRatio[0], sortedRatio[ROUNDS - 1]));
            }
        }
        report.append('\n').append(acquireReleaseLatency(engine));
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "pool-throughput.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(report).contains("pooled / direct");
    }

    private void seed(GraphPool pool) {
        if (!pool.query("bench", "CALL show_tables() RETURN name").isEmpty()) {
            return;
        }
        pool.query("bench", "CREATE NODE TABLE Person(id INT64, name STRING, PRIMARY KEY(id))");
        pool.query("bench", "UNWIND range(1, " + NODES + ") AS i CREATE (:Person {id: i, name: 'person-' + CAST(i AS STRING)})");
    }

    private GraphDatabase sharedDatabase(GraphEngine engine) {
        return engine.open(dataDir.resolve("bench.kuzu"),
                new dev.graphfleet.graph.DatabaseSettings(512 * DatabaseDefaults.MIB, TestPools.SMALL_MAX_DB_SIZE, true,
                        512 * DatabaseDefaults.MIB));
    }

    private double runDirect(GraphDatabase database, int threads) throws Exception {
        List<GraphConnection> connections = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            connections.add(database.connect(new ConnectionSettings(Duration.ZERO, false, null)));
        }
        try {
            return measure(threads, index -> {
                GraphConnection connection = connections.get(index);
                connection.query(LOOKUP, Map.of("id", ThreadLocalRandom.current().nextLong(1, NODES + 1))).all();
            });
        } finally {
            connections.forEach(GraphConnection::close);
        }
    }

    private double runPooled(GraphPool pool, int threads) throws Exception {
        return measure(threads, index -> {
            try (PooledConnection connection = pool.borrow("bench")) {
                connection.query(LOOKUP, Map.of("id", ThreadLocalRandom.current().nextLong(1, NODES + 1))).all();
            }
        });
    }

    interface Work {
        void run(int threadIndex) throws Exception;
    }

    /** Queries per second over {@link #MEASURE}, after {@link #WARMUP}, with {@code threads} workers. */
    private static double measure(int threads, Work work) throws Exception {
        AtomicBoolean counting = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        LongAdder done = new LongAdder();
        CountDownLatch finished = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        work.run(index);
                        if (counting.get()) {
                            done.increment();
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    finished.countDown();
                }
            });
            worker.start();
        }
        Thread.sleep(WARMUP.toMillis()); // a benchmark's warm-up period, not synchronisation
        long start = System.nanoTime();
        counting.set(true);
        Thread.sleep(MEASURE.toMillis());
        counting.set(false);
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        finished.await();
        if (!failures.isEmpty()) {
            throw new AssertionError("benchmark worker failed", failures.get(0));
        }
        return done.sum() / (elapsed / 1e9);
    }

    private String acquireReleaseLatency(GraphEngine engine) throws IOException {
        Path dir = dataDir.resolve("latency");
        int iterations = 200_000;
        long[] nanos = new long[iterations];
        try (GraphPool pool = TestPools.writer(engine, dir, TestPools.smallDefaults(3), TestPools.manualMaintenance(),
                MonotonicClock.SYSTEM)) {
            pool.query("lat", "RETURN 1");
            for (int i = 0; i < 50_000; i++) { // warm-up
                pool.borrow("lat").close();
            }
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                pool.borrow("lat").close();
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return String.format("Uncontended acquire+release (%,d iterations, leak detection on): p50 %.2f µs, "
                        + "p99 %.2f µs, p99.9 %.2f µs%n", iterations, nanos[iterations / 2] / 1e3,
                nanos[(int) (iterations * 0.99)] / 1e3, nanos[(int) (iterations * 0.999)] / 1e3);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
