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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 14, "memory under hostile queries": a real node process and its resident memory (read from
 * /proc/PID/statm every millisecond) while it is sent the heaviest queries found for Kùzu 0.11 — lists
 * from range() that the engine builds in one uninterruptible step, outside its buffer pools — one at
 * a time and several at once, against its idle resident memory in the same run. The goal: the
 * peak stays within the node's process budget (heap max + max_memory_mb + query headroom).
 */
public final class HostileMemoryBench implements Benchmark {

    private static final long MIB = 1024L * 1024L;
    private static final long HEAP_MIB = 256;
    private static final long BUFFER_POOLS_MIB = 128;
    /** The node's default: half of max_memory_mb, at least 512 MiB. */
    private static final long HEADROOM_MIB = 512;
    private static final long BUDGET_MIB = HEAP_MIB + BUFFER_POOLS_MIB + HEADROOM_MIB;

    private record Hostile(String label, String cypher, int copies) {
    }

    private static final List<Hostile> QUERIES = List.of(
            new Hostile("range of 4 M (the issue's)", "UNWIND range(1, 4000000) AS x RETURN count(x)", 1),
            new Hostile("range of 30 M (the issue's)", "UNWIND range(1, 30000000) AS x RETURN count(x)", 1),
            new Hostile("range sized by a row", "UNWIND [40000000] AS n UNWIND range(1, n) AS x RETURN count(x)", 1),
            new Hostile("largest range allowed", "UNWIND range(1, 520000) AS x RETURN count(x)", 1),
            new Hostile("largest range allowed, 4 at once", "UNWIND range(1, 520000) AS x RETURN count(x)", 4),
            new Hostile("rpad of 100 M characters", "RETURN size(rpad('a', 100000000, 'b'))", 1),
            new Hostile("rpad at the allowed length over 10,000 rows", "UNWIND range(1, 10000) AS i "
                    + "RETURN sum(size(rpad(CAST(i AS STRING), 16384, 'x')))", 2),
            new Hostile("collect of 50 M values", "UNWIND range(1, 500000) AS a UNWIND range(1, 100) AS b "
                    + "RETURN size(collect(a + b))", 1),
            new Hostile("cross product of two 250 k ranges, 2 at once", "UNWIND range(1, 250000) AS a "
                    + "UNWIND range(1, 250000) AS b RETURN count(*)", 2));

    @Override
    public String name() {
        return "memory-hostile";
    }

    @Override
    public List<String> jvmOptions() {
        return List.of("-Xmx512m");
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        Duration idleFor = Duration.ofSeconds(config.pick(2, 5));
        Path dataDir = Files.createDirectories(config.workDir().resolve("node"));
        try (GraphPool pool = BenchPools.writer(dataDir, 1)) {
            pool.query("people", "CREATE NODE TABLE Person(id INT64, PRIMARY KEY(id))");
            pool.query("people", "UNWIND range(1, 10000) AS i CREATE (:Person {id: i})");
            pool.forceCleanup("people");
        }
        Path configFile = Files.writeString(config.workDir().resolve("node.yml"), """
                environment: local
                tiers:
                  bench:
                    instance: {databases_per_instance: 2, max_memory_mb: %d, memory_per_db_mb: %d,
                               connection_pool_size: 8, query_timeout: 300}
                node:
                  id: bench-hostile
                  type: writer
                  tier: bench
                  data_dir: "%s"
                  api: {host: 127.0.0.1, port: 8001}
                  admission: {cpu_percent: 100, ingestion_cpu_percent: 100, memory_percent: 100}
                """.formatted(BUFFER_POOLS_MIB, BUFFER_POOLS_MIB / 2, dataDir));
        Process node = ChildJava.of(List.of("-Xmx" + HEAP_MIB + "m"), GraphfleetCli.class, "serve", "--config",
                configFile.toString(), "--port", "0").redirectErrorStream(true).start();
        List<Curve.Point> rssOverTime = new CopyOnWriteArrayList<>();
        Table.Builder table = Table.builder("Each hostile query: answers, and the node's peak resident memory while it ran",
                "query", "copies", "answers", "peak RSS, MiB", "seconds");
        long idleMedian;
        long overallPeak = 0;
        long after;
        Map<String, Long> answersSeen = new TreeMap<>();
        try {
            URI uri = ChildJava.awaitListening(node);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            query(http, uri, "MATCH (p:Person) RETURN count(*)");
            long t0 = System.nanoTime();
            try (Sampler idle = new Sampler(node.pid(), t0, rssOverTime)) {
                TimeUnit.NANOSECONDS.sleep(idleFor.toNanos()); // the idle phase being measured
                idleMedian = (long) Stats.of(idle.values()).median();
            }
            for (Hostile hostile : QUERIES) {
                try (Sampler during = new Sampler(node.pid(), t0, rssOverTime)) {
                    long start = System.nanoTime();
                    List<CompletableFuture<String>> answers = new ArrayList<>();
                    for (int i = 0; i < hostile.copies(); i++) {
                        answers.add(CompletableFuture.supplyAsync(() -> query(http, uri, hostile.cypher())));
                    }
                    Map<String, Long> counts = new TreeMap<>();
                    for (CompletableFuture<String> answer : answers) {
                        counts.merge(answer.get(10, TimeUnit.MINUTES), 1L, Long::sum);
                    }
                    counts.forEach((answer, n) -> answersSeen.merge(answer, n, Long::sum));
                    long peak = during.peak();
                    overallPeak = Math.max(overallPeak, peak);
                    table.row(hostile.label() + ": `" + hostile.cypher() + "`", hostile.copies(), counts.toString(),
                            peak / MIB, Format.number((System.nanoTime() - start) / 1e9));
                }
                awaitServing(http, uri);
            }
            try (Sampler settle = new Sampler(node.pid(), t0, rssOverTime)) {
                TimeUnit.SECONDS.sleep(3); // memory returned after the queries: measured after a settling phase
                after = (long) Stats.of(settle.values()).median();
            }
        } finally {
            node.destroy();
            if (!node.waitFor(1, TimeUnit.MINUTES)) {
                node.destroyForcibly();
            }
        }
        long peakMib = overallPeak / MIB;
        Table summary = Table.builder("Node resident memory (VmRSS from /proc/PID/statm), MiB", "", "RSS", "budget")
                .row("idle (median)", idleMedian / MIB, BUDGET_MIB)
                .row("peak during the hostile queries", peakMib, BUDGET_MIB)
                .row("3 s after the last one (median)", after / MIB, BUDGET_MIB)
                .build();
        Goal goal = Goal.atMost("peak RSS during hostile queries ≤ the node's process memory budget (issue 14)",
                "peak " + peakMib + " MiB of " + BUDGET_MIB + " MiB; idle " + idleMedian / MIB + " MiB", peakMib,
                BUDGET_MIB, "MiB", "idle RSS", (double) overallPeak / idleMedian);
        Curve curve = new Curve("memory-hostile-rss", "Node RSS: idle, then each hostile query", "seconds", "RSS, MiB",
                false, false, List.of(new Curve.Series("VmRSS", thin(rssOverTime)),
                new Curve.Series("budget", List.of(Curve.Point.exact(0, BUDGET_MIB),
                        Curve.Point.exact(rssOverTime.get(rssOverTime.size() - 1).x(), BUDGET_MIB)))));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("node", "`graphfleet serve --config` in its own JVM, -Xmx" + HEAP_MIB + "m, max_memory_mb "
                + BUFFER_POOLS_MIB + ", query headroom " + HEADROOM_MIB + " MiB (default): budget " + BUDGET_MIB + " MiB");
        settings.put("sampling", "RSS every ~1 ms from /proc/PID/statm while each query runs");
        return new Section(name(), "Memory under hostile queries",
                "A real node process is sent, over HTTP, the heaviest queries found for the engine: lists built by "
                        + "range() (outside the buffer pools, in one step neither an interrupt nor the timeout stops), "
                        + "padded strings, a collect over 50 M values, a cross product; some several at once. Its resident memory is "
                        + "compared with its budget and with its idle figure in the same run.",
                settings, List.of(summary, table.build()), List.of(goal), List.of(curve),
                List.of("Answers by status and error code over the run: " + answersSeen + ". range_too_large and "
                        + "pad_too_large (400) are refused before the engine; statements within the limits share the "
                        + "query headroom, so several at once run one after another; memory_limit (503) is a query "
                        + "stopped or refused for memory (a collect that fills its buffer pool, or the watchdog)."),
                null, 0, "", config.quick());
    }

    /** About 300 points: the curve needs the shape, not every millisecond. */
    private static List<Curve.Point> thin(List<Curve.Point> points) {
        List<Curve.Point> thinned = new ArrayList<>();
        for (int i = 0; i < points.size(); i += Math.max(1, points.size() / 300)) {
            thinned.add(points.get(i));
        }
        return thinned;
    }

    /** After a query the node may still refuse (memory_limit) until its memory is back under budget. */
    private static void awaitServing(HttpClient http, URI uri) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!query(http, uri, "RETURN 1").equals("200") && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100); // polling a real process with a deadline
        }
    }

    /** The answer's status and, for an error, its code, e.g. "200" or "503 memory_limit". */
    private static String query(HttpClient http, URI node, String cypher) {
        HttpRequest request = HttpRequest.newBuilder(node.resolve("/databases/people/query"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cypher\": \"" + cypher + "\"}")).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return "200";
            }
            java.util.regex.Matcher error = java.util.regex.Pattern.compile("\"error\"\\s*:\\s*\"([a-z_]+)\"")
                    .matcher(response.body());
            return response.statusCode() + (error.find() ? " " + error.group(1) : "");
        } catch (IOException e) {
            return "no answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }


    /** Reads a process's resident set about every millisecond on its own thread. */
    private static final class Sampler implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final List<Double> values = new CopyOnWriteArrayList<>();
        private final Thread thread;

        Sampler(long pid, long t0, List<Curve.Point> series) {
            Path statm = Path.of("/proc", String.valueOf(pid), "statm");
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        long rss = Long.parseLong(Files.readString(statm).trim().split(" ")[1]) * 4096;
                        peak.accumulateAndGet(rss, Math::max);
                        values.add((double) rss);
                        series.add(Curve.Point.exact((System.nanoTime() - t0) / 1e9, rss / (double) MIB));
                    } catch (IOException | RuntimeException e) {
                        return;
                    }
                    LockSupport.parkNanos(1_000_000);
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long peak() {
            return peak.get();
        }

        double[] values() {
            return values.stream().mapToDouble(Double::doubleValue).toArray();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(1_000);
        }
    }
}
