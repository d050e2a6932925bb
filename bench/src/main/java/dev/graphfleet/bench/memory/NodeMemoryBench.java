package dev.graphfleet.bench.memory;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.BenchPools;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.harness.ChildJava;
import dev.graphfleet.bench.harness.Stats;
import dev.graphfleet.bench.results.Curve;
import dev.graphfleet.bench.results.Format;
import dev.graphfleet.bench.results.Goal;
import dev.graphfleet.bench.results.Section;
import dev.graphfleet.bench.results.Table;
import dev.graphfleet.cli.GraphfleetCli;
import dev.graphfleet.pool.GraphPool;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * DESIGN section 6 (engine memory): a real node process ({@code graphfleet serve --config}) and its resident memory from /proc/PID/status, idle and under a
 * query load that scans every database, beside what it is configured to use (heap + buffer pools).
 * DESIGN gives no figure; the bound checked is that the process stays within that configuration.
 */
public final class NodeMemoryBench implements Benchmark {

    private static final String HEAP = "512m";
    private static final long HEAP_MIB = 512;
    private static final List<String> DATABASES = List.of("people", "orders");
    private static final Duration SAMPLE = Duration.ofMillis(200);
    private static final long BUFFER_POOL_MIB = 256;

    /**
     * The node's config: a writer tier of {@link #BUFFER_POOL_MIB} per database. Admission control's CPU
     * threshold is raised to 100 % so that on a shared machine the load is served, not refused.
     */
    private static String nodeConfig(Path dataDir) {
        return """
                environment: local
                tiers:
                  bench:
                    instance:
                      databases_per_instance: %d
                      max_memory_mb: %d
                      memory_per_db_mb: %d
                      connection_pool_size: 8
                node:
                  id: bench-memory
                  type: writer
                  tier: bench
                  data_dir: "%s"
                  api: {host: 127.0.0.1, port: 8001}
                  admission: {cpu_percent: 100, ingestion_cpu_percent: 99}
                """.formatted(DATABASES.size(), DATABASES.size() * BUFFER_POOL_MIB, BUFFER_POOL_MIB, dataDir);
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        int rows = config.pick(50_000, 500_000);
        int threads = 8;
        Duration idleFor = Duration.ofSeconds(config.pick(3, 5));
        Duration loadFor = Duration.ofSeconds(config.pick(5, 20));
        int iterations = config.pick(1, 3);
        Path dataDir = Files.createDirectories(config.workDir().resolve("node"));
        seed(dataDir, rows);

        Path configFile = config.workDir().resolve("node.yml");
        Files.writeString(configFile, nodeConfig(dataDir));
        Process node = ChildJava.of(List.of("-Xmx" + HEAP), GraphfleetCli.class, "serve", "--config",
                configFile.toString(), "--port", "0").redirectErrorStream(true).start();
        List<Curve.Point> rssOverTime = new ArrayList<>();
        double[] idle = new double[iterations];
        double[] loaded = new double[iterations];
        double[] qps = new double[iterations];
        long peak;
        long refusals = 0;
        try {
            URI uri = ChildJava.awaitListening(node);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (String db : DATABASES) {
                query(http, uri, db, "MATCH (p:Person) RETURN count(*)"); // opens each Database
            }
            long t0 = System.nanoTime();
            for (int it = 0; it < iterations; it++) {
                idle[it] = Stats.of(sample(node.pid(), idleFor, t0, rssOverTime)).median();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong done = new AtomicLong();
                AtomicLong refused = new AtomicLong();
                CountDownLatch finished = new CountDownLatch(threads);
                for (int t = 0; t < threads; t++) {
                    Thread worker = new Thread(() -> {
                        try {
                            while (!stop.get()) {
                                String db = DATABASES.get(ThreadLocalRandom.current().nextInt(DATABASES.size()));
                                if (query(http, uri, db, "MATCH (p:Person) WHERE p.id % 97 = "
                                        + ThreadLocalRandom.current().nextInt(97) + " RETURN count(*), max(p.name)")) {
                                    done.incrementAndGet();
                                } else {
                                    refused.incrementAndGet();
                                    Thread.sleep(50); // the node's admission control refused: back off briefly
                                }
                            }
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        } finally {
                            finished.countDown();
                        }
                    }, "load-" + t);
                    worker.start();
                }
                long start = System.nanoTime();
                double[] underLoad = sample(node.pid(), loadFor, t0, rssOverTime);
                stop.set(true);
                if (!finished.await(2, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("load threads did not stop");
                }
                qps[it] = done.get() / ((System.nanoTime() - start) / 1e9);
                refusals += refused.get();
                loaded[it] = Stats.of(underLoad).max();
            }
            peak = Long.parseLong(status(node.pid(), "VmHWM")) / 1024;
        } finally {
            node.destroy(); // SIGTERM: the node stops gracefully
            if (!node.waitFor(1, TimeUnit.MINUTES)) {
                node.destroyForcibly();
            }
        }
        long bufferPoolsMiB = DATABASES.size() * BUFFER_POOL_MIB;
        long configured = HEAP_MIB + bufferPoolsMiB;
        Stats idleStats = Stats.of(idle);
        Stats loadStats = Stats.of(loaded);
        Table table = Table.builder("Node process resident memory (VmRSS), MiB: median (min–max) of " + iterations
                                + " idle/load cycles",
                        "", "RSS", "configured: heap max", "configured: buffer pools", "queries/s")
                .row("idle", Format.stats(idleStats), HEAP_MIB, bufferPoolsMiB + " (" + DATABASES.size() + " × " + BUFFER_POOL_MIB + ")", "—")
                .row("under load (" + threads + " clients scanning)", Format.stats(loadStats), HEAP_MIB, bufferPoolsMiB,
                        Format.stats(Stats.of(qps)))
                .row("peak (VmHWM)", peak, "", "", "")
                .build();
        Goal goal = Goal.atMost("RSS under load within heap max + configured buffer pools (no DESIGN figure)",
                "peak RSS " + peak + " MiB; idle " + Format.number(idleStats.median()) + " MiB", peak, configured, "MiB",
                "idle RSS", loadStats.median() / idleStats.median());
        Curve curve = new Curve("memory-rss", "Node RSS over the run (idle, then " + threads + " clients)", "seconds",
                "RSS, MiB", false, false, List.of(new Curve.Series("VmRSS", rssOverTime),
                        new Curve.Series("buffer pools configured", List.of(Curve.Point.exact(0, bufferPoolsMiB),
                                Curve.Point.exact(rssOverTime.get(rssOverTime.size() - 1).x(), bufferPoolsMiB)))));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("node", "`graphfleet serve --config` in its own JVM, -Xmx" + HEAP + ", " + BUFFER_POOL_MIB
                + " MiB buffer pool per database, admission CPU threshold 100 %");
        settings.put("databases", DATABASES.size() + " × " + String.format("%,d", rows) + " Person rows");
        settings.put("phases", iterations + " × (" + idleFor.toSeconds() + " s idle, " + loadFor.toSeconds()
                + " s load), RSS sampled every " + SAMPLE.toMillis() + " ms");
        return new Section(name(), "Engine memory: node RSS idle and under load",
                "A real node process over real databases; load is HTTP queries that scan a whole table "
                        + "(`MATCH (p:Person) WHERE p.id % 97 = k RETURN count(*), max(p.name)`) from " + threads
                        + " client threads. RSS is read from /proc/PID/status.",
                settings, List.of(table), List.of(goal), List.of(curve),
                List.of(String.format("Under load the node's admission control refused %,d queries (503, CPU above its "
                        + "threshold); the clients backed off 50 ms and went on.", refusals)), null, 0, "", config.quick());
    }

    private static double[] sample(long pid, Duration during, long t0, List<Curve.Point> series)
            throws IOException, InterruptedException {
        List<Double> values = new ArrayList<>();
        long end = System.nanoTime() + during.toNanos();
        while (System.nanoTime() < end) {
            double mib = Long.parseLong(status(pid, "VmRSS")) / 1024.0;
            values.add(mib);
            series.add(Curve.Point.exact((System.nanoTime() - t0) / 1e9, mib));
            Thread.sleep(SAMPLE.toMillis()); // the sampling period of a measurement, not synchronisation
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A field of /proc/PID/status, in kB. */
    private static String status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim().split("\\s+")[0];
            }
        }
        throw new IOException("no " + field + " in /proc/" + pid + "/status");
    }


    /** True when answered; false when the node's admission control refused it (503) under load. */
    private static boolean query(HttpClient http, URI node, String db, String cypher) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(node.resolve("/databases/" + db + "/query"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cypher\": \"" + cypher + "\"}")).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 503) {
            return false;
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(db + " answered " + response.statusCode() + ": " + response.body());
        }
        return true;
    }

    private static final int SEED_BATCH = 50_000;

    private static void seed(Path dataDir, int rows) {
        try (GraphPool pool = BenchPools.writer(dataDir, 1)) {
            for (String db : DATABASES) {
                pool.query(db, "CREATE NODE TABLE Person(id INT64, name STRING, PRIMARY KEY(id))");
                // In batches: one 500k-row transaction overflows the seeding pool's small buffer pool.
                for (int from = 1; from <= rows; from += SEED_BATCH) {
                    int to = Math.min(rows, from + SEED_BATCH - 1);
                    pool.query(db, "UNWIND range(" + from + ", " + to + ") AS i CREATE (:Person {id: i, name: 'person-' + CAST(i AS STRING)})");
                }
                pool.forceCleanup(db);
            }
        }
    }
}
