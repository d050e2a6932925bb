package dev.graphfleet.bench.deadline;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.BenchPools;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.harness.ChildJava;
import dev.graphfleet.bench.harness.Stats;
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
import java.util.concurrent.TimeUnit;

/**
 * Issue 14, deadlines that hold: a real node process ({@code graphfleet serve --config}) with a tier
 * {@code query_timeout} of 10 s, sent queries that would run for minutes. Each is timed from the
 * client until its 408: at 10 s (the tier's timeout) and at 1 s (asked for with
 * {@code X-Graph-Timeout-Ms}). Right after each 408, a small query on the same one-connection pool
 * shows whether the slot and the connection were free again. Goal: answer ≤ timeout + 1 s.
 */
public final class DeadlineBench implements Benchmark {

    private static final String DATABASE = "heavy";
    private static final int TIER_TIMEOUT_S = 10;

    /** Heavy queries that use little memory: three 3,000-item lists, or three scans of 3,000 nodes. */
    private static final Map<String, String> HEAVY = new LinkedHashMap<>();

    static {
        HEAVY.put("UNWIND × UNWIND × UNWIND, 2.7·10¹⁰ rows filtered",
                "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b UNWIND range(1, 3000) AS c "
                        + "WITH a + b + c AS s WHERE s % 7 = 3 RETURN count(*)");
        HEAVY.put("MATCH (a),(b),(c) cross product, 2.7·10¹⁰ rows",
                "MATCH (a:N), (b:N), (c:N) WHERE a.id + b.id + c.id = -1 RETURN count(*)");
    }

    private static String nodeConfig(Path dataDir) {
        return """
                environment: local
                tiers:
                  bench:
                    instance:
                      databases_per_instance: 1
                      max_memory_mb: 1024
                      memory_per_db_mb: 256
                      connection_pool_size: 1
                      query_timeout: %d
                node:
                  id: bench-deadlines
                  type: writer
                  tier: bench
                  data_dir: "%s"
                  api: {host: 127.0.0.1, port: 8001}
                  admission: {cpu_percent: 100, ingestion_cpu_percent: 99, max_in_flight_per_database: 1}
                """.formatted(TIER_TIMEOUT_S, dataDir);
    }

    @Override
    public String name() {
        return "deadlines";
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        int shortRuns = config.pick(2, 5);
        int longRuns = config.pick(1, 2);
        Path dataDir = Files.createDirectories(config.workDir().resolve("node"));
        seed(dataDir);
        Path configFile = config.workDir().resolve("node.yml");
        Files.writeString(configFile, nodeConfig(dataDir));
        Process node = ChildJava.of(List.of("-Xmx512m"), GraphfleetCli.class, "serve", "--config",
                configFile.toString(), "--port", "0").redirectErrorStream(true).start();
        List<double[]> answers = new ArrayList<>();
        List<double[]> afters = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        List<Integer> timeouts = new ArrayList<>();
        try {
            URI uri = ChildJava.awaitListening(node);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            send(http, uri, "RETURN 1", null); // opens the database and warms both sides
            for (int timeoutMs : new int[] {1_000, TIER_TIMEOUT_S * 1_000}) {
                for (Map.Entry<String, String> heavy : HEAVY.entrySet()) {
                    int runs = timeoutMs < TIER_TIMEOUT_S * 1_000 ? shortRuns : longRuns;
                    double[] answer = new double[runs];
                    double[] after = new double[runs];
                    for (int i = 0; i < runs; i++) {
                        String header = timeoutMs < TIER_TIMEOUT_S * 1_000 ? String.valueOf(timeoutMs) : null;
                        long start = System.nanoTime();
                        HttpResponse<String> slow = send(http, uri, heavy.getValue(), header);
                        answer[i] = (System.nanoTime() - start) / 1e6;
                        if (slow.statusCode() != 408) {
                            throw new IllegalStateException(heavy.getKey() + " answered " + slow.statusCode()
                                    + " after " + Math.round(answer[i]) + " ms, not 408: " + slow.body());
                        }
                        long next = System.nanoTime();
                        int nextStatus = send(http, uri, "RETURN 1", null).statusCode();
                        after[i] = (System.nanoTime() - next) / 1e6;
                        if (nextStatus != 200) {
                            throw new IllegalStateException("the query right after a 408 answered " + nextStatus);
                        }
                    }
                    answers.add(answer);
                    afters.add(after);
                    rows.add(heavy.getKey());
                    timeouts.add(timeoutMs);
                }
            }
        } finally {
            node.destroy(); // SIGTERM: the node stops gracefully
            if (!node.waitFor(1, TimeUnit.MINUTES)) {
                node.destroyForcibly();
            }
        }
        Table.Builder table = Table.builder("Time to the 408, ms: median (min–max), and the next query on the same "
                        + "one-connection pool right after it", "timeout", "query", "runs", "answered after",
                "answer / timeout", "next query");
        List<Goal> goals = new ArrayList<>();
        for (int timeout : List.of(1_000, TIER_TIMEOUT_S * 1_000)) {
            double worst = 0;
            for (int i = 0; i < rows.size(); i++) {
                if (timeouts.get(i) != timeout) {
                    continue;
                }
                Stats answer = Stats.of(answers.get(i));
                worst = Math.max(worst, answer.max());
                table.row(timeout / 1000 + " s" + (timeout < TIER_TIMEOUT_S * 1_000 ? " (X-Graph-Timeout-Ms)" : " (tier)"),
                        rows.get(i), answers.get(i).length, Format.stats(answer),
                        Format.number(answer.median() / timeout), Format.stats(Stats.of(afters.get(i))));
            }
            goals.add(Goal.atMost("A query past its " + timeout / 1000 + " s timeout is answered 408 within the "
                            + "timeout + 1 s (issue 14)", "slowest 408 after " + Format.number(worst) + " ms",
                    worst, timeout + 1_000, "ms", "the timeout, " + timeout + " ms", worst / timeout));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("node", "`graphfleet serve --config` in its own JVM, -Xmx512m, tier query_timeout " + TIER_TIMEOUT_S
                + " s, connection_pool_size 1, max_in_flight_per_database 1");
        settings.put("runs", shortRuns + " per query at 1 s, " + longRuns + " per query at " + TIER_TIMEOUT_S + " s");
        return new Section(name(), "Deadlines: time to the 408 against the query timeout",
                "Queries that would run for minutes (" + String.join("; ", HEAVY.values()) + "), sent over HTTP to a "
                        + "real node; the client times each until its 408. Then `RETURN 1` on the same database: "
                        + "with one connection and one admission slot, it is served only if both were freed.",
                settings, List.of(table.build()), goals, List.of(),
                List.of("The engine notices an interrupt within milliseconds on these queries; the node answers at "
                        + "the deadline either way, and keeps the connection out of the pool until the engine call "
                        + "has returned."), null, 0, "", config.quick());
    }

    private static HttpResponse<String> send(HttpClient http, URI node, String cypher, String timeoutMs) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve("/databases/" + DATABASE + "/query"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString("{\"cypher\": \"" + cypher + "\"}"));
        if (timeoutMs != null) {
            request.header("X-Graph-Timeout-Ms", timeoutMs);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }


    private static void seed(Path dataDir) {
        try (GraphPool pool = BenchPools.writer(dataDir, 1)) {
            pool.query(DATABASE, "CREATE NODE TABLE N(id INT64, PRIMARY KEY(id))");
            pool.query(DATABASE, "UNWIND range(1, 3000) AS i CREATE (:N {id: i})");
            pool.forceCleanup(DATABASE);
        }
    }
}
