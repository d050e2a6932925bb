package dev.graphfleet.bench.pool;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.harness.Stats;
import dev.graphfleet.bench.results.Format;
import dev.graphfleet.bench.results.Goal;
import dev.graphfleet.bench.results.Section;
import dev.graphfleet.bench.results.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * DESIGN goal 1 (latency): uncontended acquire+release p99 under 20 µs. JMH in sample-time mode
 * (one forked JVM per configuration), our pool and commons-pool2, 1 thread and contended; the
 * p50/p99 of each measured iteration give the median and spread.
 */
public final class PoolJmhBench implements Benchmark {

    private static final double P99_GOAL_MICROS = 20;

    @Override
    public String name() {
        return "pool-jmh";
    }

    @Override
    public List<String> jvmOptions() {
        return List.of("-Xmx512m");
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        int warmups = config.pick(1, 3);
        int iterations = config.pick(2, 5);
        TimeValue time = config.quick() ? TimeValue.milliseconds(500) : TimeValue.seconds(1);
        Table.Builder table = Table.builder("Acquire+release, µs: median (min–max) over " + iterations
                        + " measured iterations of each iteration's percentile",
                "pool", "threads", "p50", "p99", "p99.9", "samples");
        List<Goal> goals = new ArrayList<>();
        Map<String, Double> p99ByPool = new LinkedHashMap<>();
        for (int threads : new int[] {1, PoolAcquireRelease.CONTENDED_THREADS}) {
            Options options = new OptionsBuilder()
                    .include(PoolAcquireRelease.class.getName() + ".acquireRelease")
                    .forks(1)
                    .threads(threads)
                    .warmupIterations(warmups)
                    .warmupTime(time)
                    .measurementIterations(iterations)
                    .measurementTime(time)
                    .jvmArgs("-Xmx512m")
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.SILENT) // the harness prints and writes the figures
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            for (RunResult run : results) {
                BenchmarkParams params = run.getParams();
                String pool = params.getParam("pool");
                List<Double> p50 = new ArrayList<>();
                List<Double> p99 = new ArrayList<>();
                List<Double> p999 = new ArrayList<>();
                long samples = 0;
                for (BenchmarkResult br : run.getBenchmarkResults()) {
                    for (IterationResult it : br.getIterationResults()) {
                        var stats = it.getPrimaryResult().getStatistics();
                        p50.add(stats.getPercentile(50));
                        p99.add(stats.getPercentile(99));
                        p999.add(stats.getPercentile(99.9));
                        samples += stats.getN();
                    }
                }
                Stats s50 = Stats.of(p50.stream().mapToDouble(Double::doubleValue).toArray());
                Stats s99 = Stats.of(p99.stream().mapToDouble(Double::doubleValue).toArray());
                Stats s999 = Stats.of(p999.stream().mapToDouble(Double::doubleValue).toArray());
                table.row(pool, threads == 1 ? "1 (uncontended)" : threads + " (contended)", Format.stats(s50),
                        Format.stats(s99), Format.stats(s999), String.format("%,d", samples));
                p99ByPool.put(pool + "/" + threads, s99.median());
            }
        }
        double ours = p99ByPool.getOrDefault("graphfleet/1", Double.NaN);
        double commons = p99ByPool.getOrDefault("commons-pool2/1", Double.NaN);
        goals.add(Goal.atMost("uncontended acquire+release p99 < 20 µs", "p99 " + Format.number(ours) + " µs; commons-pool2 "
                + Format.number(commons) + " µs", ours, P99_GOAL_MICROS, "µs", "commons-pool2 p99", ours / commons));
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("JMH", "1.37, mode SampleTime, 1 fork, " + warmups + " warm-up + " + iterations + " measured iterations of "
                + time);
        settings.put("pool", "max " + PoolAcquireRelease.CONTENDED_THREADS + " connections per database, both pools; "
                + "no query between acquire and release");
        return new Section(name(), "Connection pool: acquire+release latency (JMH)",
                "`PoolAcquireRelease.acquireRelease`: borrow a connection of one database and give it back, "
                        + "nothing else; our pool (leak detection on) against a commons-pool2 keyed pool configured alike.",
                settings, List.of(table.build()), goals, List.of(), List.of("Leak detection costs nothing per borrow: a "
                        + "leak report takes the holding thread's stack when the leak is noticed. (The pool's first "
                        + "version captured the borrower's stack on every borrow; this measurement is what caught it.)"),
                null, 0, "", config.quick());
    }
}
