package dev.graphfleet.bench.pool;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.harness.ClosedLoop;
import dev.graphfleet.bench.harness.Interval;
import dev.graphfleet.bench.harness.Rounds;
import dev.graphfleet.bench.harness.Slices;
import dev.graphfleet.bench.harness.Stats;
import dev.graphfleet.bench.results.Curve;
import dev.graphfleet.bench.results.Format;
import dev.graphfleet.bench.results.Goal;
import dev.graphfleet.bench.results.Section;
import dev.graphfleet.bench.results.Table;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PooledConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * DESIGN goal 1: pooled query throughput ≥ 0.97 × direct connections on the same workload.
 * Three sides on one file: <em>direct</em> (one connection per thread, no pool), <em>graphfleet</em>
 * (every query borrows from our pool and returns) and <em>commons-pool2</em> (the same through a
 * keyed commons-pool2 pool configured alike). Both workloads, each thread count, in short rounds
 * whose order rotates so load from elsewhere hits every side alike; ratios are taken per round, and
 * rounds go on until the 95 % interval of the ratio resolves the goal (met only when its low end passes).
 */
public final class PoolThroughputBench implements Benchmark {

    private enum Side { DIRECT, GRAPHFLEET, COMMONS }

    static final double GOAL = 0.97;
    /** The interval's half-width the rounds aim for: the goal's own 3 % margin. */
    static final double MARGIN = 0.03;
    private static final Duration MIN_SLICE = Duration.ofMillis(100);
    private static final Duration MAX_SLICE = Duration.ofMillis(300);
    private static final int OPERATIONS_PER_SLICE = 20;
    /** Slices of each side in one round. */
    private static final int SLICES_PER_ROUND = 3;

    private record Workload(String name, String cypher) {
    }

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public List<String> jvmOptions() {
        return List.of("-Xmx1g");
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        int people = config.pick(20_000, 100_000);
        int[] threadCounts = config.quick() ? new int[] {1, 2, 16} : new int[] {1, 2, 16, 64};
        int minRounds = config.pick(2, 6);
        int maxRounds = config.pick(3, 30);
        Duration warmup = Duration.ofMillis(config.pick(150, 300));
        List<Workload> workloads = List.of(new Workload("point lookup", GraphFixture.LOOKUP),
                new Workload("2-hop traversal", GraphFixture.TWO_HOP));

        GraphEngine engine = GraphEngines.load();
        GraphFixture fixture = new GraphFixture(engine, config.workDir().resolve("graph"), people).seed();

        List<Table> tables = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        for (Workload workload : workloads) {
            Table.Builder table = Table.builder(workload.name() + ": queries per second, median (min–max) of the "
                            + "rounds; ratios per round: median (min–max), and the median with its 95 % interval (distribution-free)",
                    "threads", "rounds", "direct q/s", "graphfleet q/s", "commons-pool2 q/s", "graphfleet / direct",
                    "graphfleet / direct, median [95 %]", "commons-pool2 / direct");
            Map<Side, Curve.SeriesBuilder> series = new LinkedHashMap<>();
            for (Side side : Side.values()) {
                series.put(side, new Curve.SeriesBuilder(label(side)));
            }
            Curve.SeriesBuilder ratioOurs = new Curve.SeriesBuilder("graphfleet / direct");
            Curve.SeriesBuilder ratioCommons = new Curve.SeriesBuilder("commons-pool2 / direct");
            for (int threads : threadCounts) {
                Map<Side, double[]> qps = runRounds(fixture, workload, threads, minRounds, maxRounds, warmup);
                int rounds = qps.get(Side.DIRECT).length;
                double[] ours = new double[rounds];
                double[] commons = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    ours[r] = qps.get(Side.GRAPHFLEET)[r] / qps.get(Side.DIRECT)[r];
                    commons[r] = qps.get(Side.COMMONS)[r] / qps.get(Side.DIRECT)[r];
                }
                Stats oursRatio = Stats.of(ours);
                Stats commonsRatio = Stats.of(commons);
                Interval oursInterval = Interval.ofMedian(ours);
                table.row(threads, rounds, Format.stats(Stats.of(qps.get(Side.DIRECT))),
                        Format.stats(Stats.of(qps.get(Side.GRAPHFLEET))), Format.stats(Stats.of(qps.get(Side.COMMONS))),
                        Format.stats(oursRatio), Format.ratio(oursInterval.center()) + " [" + Format.ratio(oursInterval.low())
                                + "–" + Format.ratio(oursInterval.high()) + "]", Format.stats(commonsRatio));
                for (Side side : Side.values()) {
                    series.get(side).add(Curve.Point.of(threads, Stats.of(qps.get(side))));
                }
                ratioOurs.add(Curve.Point.of(threads, oursRatio));
                ratioCommons.add(Curve.Point.of(threads, commonsRatio));
                if (threads == 2 || threads == 16 || threads == 64) {
                    goals.add(Goal.atLeast(String.format(Locale.ROOT, "%s, %d threads: pooled ≥ 0.97 × direct",
                                    workload.name(), threads),
                            String.format(Locale.ROOT, "graphfleet/direct per round %s; commons-pool2/direct %s; "
                                    + "%d rounds", Format.stats(oursRatio), Format.stats(commonsRatio), rounds),
                            oursInterval, GOAL, "× direct", "direct connections, interleaved rounds"));
                }
            }
            tables.add(table.build());
            String id = workload.name().startsWith("point") ? "pool-lookup" : "pool-2hop";
            curves.add(new Curve(id + "-throughput", workload.name() + ": throughput vs threads", "threads",
                    "queries per second", true, false, series.values().stream().map(Curve.SeriesBuilder::build).toList()));
            curves.add(new Curve(id + "-ratio", workload.name() + ": pooled / direct vs threads", "threads",
                    "ratio to direct", true, false, List.of(ratioOurs.build(), ratioCommons.build())));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("graph", String.format(Locale.ROOT, "%,d Person nodes, %d Knows edges each", people, GraphFixture.DEGREE));
        settings.put("rounds", minRounds + " to " + maxRounds + " after " + warmup.toMillis() + " ms warm-up per side; a round is "
                + SLICES_PER_ROUND + " slices of each side, interleaved (A B C A B C …, order rotated per round), each "
                + MIN_SLICE.toMillis() + "–" + MAX_SLICE.toMillis() + " ms (about " + OPERATIONS_PER_SLICE
                + " queries per client); each side's clients stay up, parked between its slices; rounds go on until the 95 % interval of "
                + "graphfleet / direct lies on one side of " + GOAL + " within ±" + MARGIN);
        settings.put("pool limit", "= threads (both pools); each side its own read-only Database, buffer pool 512 MiB, "
                + "warmed by reading the whole graph");
        settings.put("leak detection", "on in our pool (60 s threshold); commons-pool2 has no equivalent enabled");
        return new Section(name(), "Connection pool: pooled vs direct throughput",
                "Prepared point lookups (`" + GraphFixture.LOOKUP + "`) and a 2-hop traversal (`" + GraphFixture.TWO_HOP
                        + "`) with random ids, closed loop.",
                settings, tables, goals, curves, List.of(), null, 0, "", config.quick());
    }

    private static String label(Side side) {
        return switch (side) {
            case DIRECT -> "direct";
            case GRAPHFLEET -> "graphfleet pool";
            case COMMONS -> "commons-pool2";
        };
    }

    private static Map<Side, double[]> runRounds(GraphFixture fixture, Workload workload, int threads, int minRounds,
                                                 int maxRounds, Duration warmup) throws Exception {
        Map<Side, List<Double>> qps = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            qps.put(side, new ArrayList<>());
        }
        // Each side reads through its own read-only Database with the same buffer pool (our pool opens its
        // own), so none shares a buffer pool or the engine's worker threads with another.
        try (GraphPool ours = fixture.pool(threads)) {
            GraphDatabase directDatabase = fixture.database();
            GraphDatabase commonsDatabase = fixture.database();
            try (CommonsKeyedPool commons = new CommonsKeyedPool(commonsDatabase, threads)) {
                List<GraphConnection> direct = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    direct.add(directDatabase.connect(GraphFixture.CONNECTION));
                }
                // Read the whole graph through each first, so no side starts with a cold buffer pool.
                direct.get(0).query(GraphFixture.WARM_ALL).all();
                try (PooledConnection c = ours.borrow(GraphFixture.DATABASE)) {
                    c.query(GraphFixture.WARM_ALL).all();
                }
                GraphConnection warming = commons.borrow(GraphFixture.DATABASE);
                warming.query(GraphFixture.WARM_ALL).all();
                commons.giveBack(GraphFixture.DATABASE, warming);
                List<ClosedLoop.Operation> operations = List.of(
                        (t, random) -> {
                            direct.get(t).query(workload.cypher(), fixture.randomId(random)).all();
                            return true;
                        },
                        (t, random) -> {
                            try (PooledConnection c = ours.borrow(GraphFixture.DATABASE)) {
                                c.query(workload.cypher(), fixture.randomId(random)).all();
                            }
                            return true;
                        },
                        (t, random) -> {
                            GraphConnection c = commons.borrow(GraphFixture.DATABASE);
                            try {
                                c.query(workload.cypher(), fixture.randomId(random)).all();
                            } finally {
                                commons.giveBack(GraphFixture.DATABASE, c);
                            }
                            return true;
                        }); // in the order of Side
                try (Slices slices = new Slices(threads, operations)) {
                    slices.warmUp(warmup);
                    Duration slice = sliceFor(threads, slices.round(0, 1, MIN_SLICE)[Side.DIRECT.ordinal()]);
                    Rounds.untilResolved(minRounds, maxRounds, GOAL, MARGIN, r -> {
                        double[] perSecond = slices.round(r, SLICES_PER_ROUND, slice);
                        for (Side side : Side.values()) {
                            qps.get(side).add(perSecond[side.ordinal()]);
                        }
                        return perSecond[Side.GRAPHFLEET.ordinal()] / perSecond[Side.DIRECT.ordinal()];
                    });
                }
                direct.forEach(GraphConnection::close);
            }
            directDatabase.close();
            commonsDatabase.close();
        }
        Map<Side, double[]> figures = new LinkedHashMap<>();
        qps.forEach((side, values) -> figures.put(side, values.stream().mapToDouble(Double::doubleValue).toArray()));
        return figures;
    }

    /**
     * A slice long enough for each client to finish about {@value #OPERATIONS_PER_SLICE} operations
     * (so the count is not a handful of whole queries), within 100–300 ms.
     */
    private static Duration sliceFor(int threads, double perSecond) {
        double millis = OPERATIONS_PER_SLICE * threads / perSecond * 1000;
        return Duration.ofMillis(Math.round(Math.max(MIN_SLICE.toMillis(), Math.min(MAX_SLICE.toMillis(), millis))));
    }
}
