package dev.graphfleet.bench.metrics;

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
import dev.graphfleet.node.GraphNode;
import dev.graphfleet.node.NodeSettings;
import dev.graphfleet.node.metrics.MetricsSettings;
import dev.graphfleet.pool.GraphPool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DESIGN goal 3: {@code /metrics} p99 ≤ 5 ms while 1,000,000 files are written into the data directory.
 * One real node (real databases, the real resource sampler and size scanner every second), requests
 * one after another from a blocking client: first quiet (the baseline), then while another process
 * creates the files. Each iteration repeats both and writes its share of the files, which stay, so
 * the last iteration ends with all of them in the directory; p99s are per iteration, medians over
 * iterations.
 */
public final class MetricsBench implements Benchmark {

    private static final double P99_GOAL_MS = 5;
    private static final int BUCKETS = 15;

    @Override
    public String name() {
        return "metrics";
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        int totalFiles = config.pick(10_000, 1_000_000);
        int quietRequests = config.pick(500, 2_000);
        int iterations = config.pick(2, 3);
        int files = (totalFiles + iterations - 1) / iterations;
        Path dataDir = Files.createDirectories(config.workDir().resolve("node"));
        seed(dataDir);
        NodeSettings settings = NodeSettings.defaults(dataDir).withNodeId("bench-node").withListen("127.0.0.1", 0)
                .withDatabases(BenchPools.smallDefaults(3)).withPool(BenchPools.manualMaintenance())
                .withMemoryBudgetBytes(1L << 30)
                .withMetrics(MetricsSettings.DEFAULTS.withSizeScanInterval(Duration.ofSeconds(1)));
        double[] quietP50 = new double[iterations];
        double[] quietP99 = new double[iterations];
        double[] quietMax = new double[iterations];
        double[] stormP50 = new double[iterations];
        double[] stormP99 = new double[iterations];
        double[] stormMax = new double[iterations];
        int stormRequests = 0;
        double stormSeconds = 0;
        List<double[]> byFiles = new ArrayList<>(); // {files present when the request started, ms}
        try (GraphNode node = GraphNode.start(settings)) {
            URL metrics = node.uri().resolve("/metrics").toURL();
            for (int i = 0; i < 300; i++) {
                timeOne(metrics); // warm-up: JIT, the keep-alive connection
            }
            for (int it = 0; it < iterations; it++) {
                double[] quiet = new double[quietRequests];
                for (int i = 0; i < quietRequests; i++) {
                    quiet[i] = timeOne(metrics);
                }
                Arrays.sort(quiet);
                quietP50[it] = Stats.percentile(quiet, 0.50);
                quietP99[it] = Stats.percentile(quiet, 0.99);
                quietMax[it] = quiet[quiet.length - 1];

                long stormStart = System.nanoTime();
                List<double[]> storm = storm(dataDir, "storm" + it + "-", files, it * files, metrics);
                stormSeconds += (System.nanoTime() - stormStart) / 1e9;
                stormRequests += storm.size();
                byFiles.addAll(storm);
                double[] ms = storm.stream().mapToDouble(r -> r[1]).sorted().toArray();
                stormP50[it] = Stats.percentile(ms, 0.50);
                stormP99[it] = Stats.percentile(ms, 0.99);
                stormMax[it] = ms[ms.length - 1];
            }
        }
        Stats q99 = Stats.of(quietP99);
        Stats s99 = Stats.of(stormP99);
        Table table = Table.builder("/metrics latency, ms: median (min–max) of " + iterations + " iterations' percentiles",
                        "", "requests", "p50", "p99", "max")
                .row("no file churn", String.format("%,d", quietRequests * iterations), Format.stats(Stats.of(quietP50)),
                        Format.stats(q99), Format.stats(Stats.of(quietMax)))
                .row(String.format("another process creating %,d files per iteration", files),
                        String.format("%,d", stormRequests),
                        Format.stats(Stats.of(stormP50)), Format.stats(s99), Format.stats(Stats.of(stormMax)))
                .build();
        Goal goal = Goal.atMost(String.format("/metrics p99 ≤ %s ms while %,d files are written",
                        Format.number(P99_GOAL_MS), files * iterations),
                "p99 " + Format.stats(s99) + " ms under churn; " + Format.stats(q99) + " ms quiet",
                s99.median(), P99_GOAL_MS, "ms", "p99 without churn", s99.median() / q99.median());
        List<String> notes = new ArrayList<>();
        if (q99.median() > P99_GOAL_MS) {
            notes.add(String.format(java.util.Locale.ROOT, "The quiet baseline's p99 (%s ms) is itself above the goal: "
                    + "the machine was too busy for this figure to speak for the node; file churn added %.0f %%.",
                    Format.number(q99.median()), 100 * (s99.median() / q99.median() - 1)));
        }
        Map<String, String> runSettings = new LinkedHashMap<>();
        runSettings.put("files per iteration", String.format("%,d empty files, by a separate JVM; they stay, so the "
                + "last iteration ends with %,d files in the directory", files, files * iterations));
        runSettings.put("writing the files took", String.format(java.util.Locale.ROOT, "%.0f s in all (%.0f files/s)",
                stormSeconds, files * iterations / stormSeconds));
        runSettings.put("size scanner", "every 1 s");
        runSettings.put("requests", quietRequests + " quiet per iteration after 300 warm-up; as many as fit during the churn");
        return new Section(name(), "/metrics latency under file churn",
                "One node with real databases on loopback; `GET /metrics` one request after another (HttpURLConnection, "
                        + "keep-alive); the churn comes from another process writing into the data directory.",
                runSettings, List.of(table), List.of(goal), List.of(curve(byFiles, files * iterations)), notes, null, 0, "",
                config.quick());
    }

    /** p50 and p99 by how many files the directory held when each request started (all iterations). */
    private static Curve curve(List<double[]> requests, int files) {
        Curve.SeriesBuilder p50 = new Curve.SeriesBuilder("p50");
        Curve.SeriesBuilder p99 = new Curve.SeriesBuilder("p99");
        Curve.SeriesBuilder goal = new Curve.SeriesBuilder("goal (p99)");
        int step = files / BUCKETS;
        for (int b = 0; b < BUCKETS; b++) {
            int from = b * step;
            int to = from + step;
            double[] ms = requests.stream().filter(r -> r[0] >= from && r[0] < to).mapToDouble(r -> r[1]).sorted()
                    .toArray();
            if (ms.length == 0) {
                continue;
            }
            p50.add(Curve.Point.exact(to, Stats.percentile(ms, 0.50)));
            p99.add(Curve.Point.exact(to, Stats.percentile(ms, 0.99)));
        }
        goal.add(Curve.Point.exact(step, P99_GOAL_MS)).add(Curve.Point.exact(files, P99_GOAL_MS));
        return new Curve("metrics-files", "/metrics latency while files are written, by files present",
                "files in the data directory",
                "ms", false, false, List.of(p50.build(), p99.build(), goal.build()));
    }

    /** Requests while the storm process runs: {files in the directory, ms} each (earlier storms' files stay). */
    private static List<double[]> storm(Path dataDir, String prefix, int files, int alreadyThere, URL metrics)
            throws Exception {
        Process writer = ChildJava.of(List.of("-Xmx64m"), FileStorm.class, dataDir.toString(), prefix,
                String.valueOf(files)).redirectErrorStream(true).start();
        AtomicInteger written = new AtomicInteger();
        Thread progress = new Thread(() -> readProgress(writer.getInputStream(), written), "storm-progress");
        progress.start();
        List<double[]> requests = new ArrayList<>();
        while (writer.isAlive()) {
            int now = alreadyThere + written.get();
            requests.add(new double[] {now, timeOne(metrics)});
        }
        progress.join();
        ChildJava.awaitSuccess(writer, "the file-writing process");
        if (written.get() != files) {
            throw new IllegalStateException("the writer reported " + written.get() + " files, not " + files);
        }
        return requests;
    }

    private static void readProgress(InputStream out, AtomicInteger written) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.matches("\\d+")) {
                    written.set(Integer.parseInt(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request, ms; a blocking client on this thread keeps client-side hand-offs out of the figure. */
    private static double timeOne(URL metrics) {
        try {
            long start = System.nanoTime();
            HttpURLConnection connection = (HttpURLConnection) metrics.openConnection();
            int status = connection.getResponseCode();
            try (InputStream body = connection.getInputStream()) {
                body.readAllBytes();
            }
            double ms = (System.nanoTime() - start) / 1e6;
            if (status != 200) {
                throw new IllegalStateException("/metrics answered " + status);
            }
            return ms;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void seed(Path dataDir) {
        try (GraphPool pool = BenchPools.writer(dataDir, 2)) {
            pool.query("people", "CREATE NODE TABLE Person(id INT64, name STRING, PRIMARY KEY(id))");
            pool.query("people", "UNWIND range(1, 12345) AS i CREATE (:Person {id: i, name: 'p' + CAST(i AS STRING)})");
            pool.query("empty", "RETURN 1");
        }
    }
}
