package dev.graphfleet.bench.http;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.harness.ClosedLoop;
import dev.graphfleet.bench.harness.Interval;
import dev.graphfleet.bench.harness.Rounds;
import dev.graphfleet.bench.harness.Stats;
import dev.graphfleet.bench.pool.GraphFixture;
import dev.graphfleet.bench.results.Curve;
import dev.graphfleet.bench.results.Format;
import dev.graphfleet.bench.results.Goal;
import dev.graphfleet.bench.results.Section;
import dev.graphfleet.bench.results.Table;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.node.GraphNode;
import dev.graphfleet.node.admission.AdmissionSettings;
import dev.graphfleet.pool.PooledConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.HdrHistogram.Histogram;

/**
 * Issue 17, the node's HTTP query path: a writer node on loopback in this JVM, the graph of the pool
 * benchmark. Three sides, interleaved in rounds at each client count: the same queries <em>over
 * HTTP</em> (keep-alive, one connection per client), <em>in process</em> through the node's own pool,
 * and <em>raw HTTP</em> ({@code GET /health}, answered on the IO thread) with the same client. The
 * client, the HTTP layer and the engine share the cores, so the physical limit of a query over HTTP
 * is {@code 1 / (1/in-process + 1/raw HTTP)}; the goal is HTTP ≥ 0.9 × that limit, judged on the 95 %
 * interval of the per-round ratio.
 */
public final class HttpBench implements Benchmark {

    static final double GOAL = 0.9;

    private enum Side { HTTP, IN_PROCESS, RAW }

    private record Workload(String name, String cypher) {
    }

    /** Everything measured at one client count of one workload, over all its rounds. */
    private static final class Figures {
        final Map<Side, List<Double>> perSecond = new LinkedHashMap<>();
        final Map<Side, Histogram> latency = new LinkedHashMap<>();
        final List<Double> limits = new ArrayList<>();
        double refusedPerSecond;
        Interval ratio;

        Figures() {
            for (Side side : Side.values()) {
                perSecond.put(side, new ArrayList<>());
                latency.put(side, new Histogram(60_000_000_000L, 3));
            }
        }

        Stats stats(Side side) {
            return Stats.of(perSecond.get(side).stream().mapToDouble(Double::doubleValue).toArray());
        }

        String percentiles(Side side) {
            Histogram h = latency.get(side);
            return Format.number(h.getValueAtPercentile(50) / 1e6) + " / " + Format.number(h.getValueAtPercentile(99) / 1e6)
                    + " / " + Format.number(h.getValueAtPercentile(99.9) / 1e6);
        }
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public List<String> jvmOptions() {
        return List.of("-Xmx1g");
    }

    /** The node's side of the run: its IO and worker threads and the query threads. */
    @Override
    public Set<String> profiledThreads() {
        return Set.of("XNIO-*", "graphfleet-query-*");
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        int people = config.pick(20_000, 100_000);
        int[] clientCounts = config.quick() ? new int[] {1, 2, 16} : new int[] {1, 2, 16, 64};
        int minRounds = config.pick(2, 4);
        int maxRounds = config.pick(3, 12);
        double margin = 0.03;
        Duration warmup = Duration.ofMillis(config.pick(150, 250));
        Duration measure = Duration.ofMillis(config.pick(400, 800));
        List<Workload> workloads = List.of(new Workload("point lookup", GraphFixture.LOOKUP),
                new Workload("2-hop traversal", GraphFixture.TWO_HOP));
        int connections = 16;

        GraphFixture fixture = new GraphFixture(GraphEngines.load(), config.workDir().resolve("graph"), people).seed();
        AdmissionSettings admission = AdmissionSettings.DEFAULTS.withMaxInFlightPerDatabase(64).withThresholds(100, 100, 100)
                // the path's cost, not admission's: a fixed cap no client count reaches (bench admission has that)
                .withInFlight(false, 64, 64);
        List<Table> tables = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        try (GraphNode node = LoopbackNode.startWarm(config.workDir().resolve("graph"), "bench-http", connections,
                admission)) {
            URI uri = node.uri();
            for (Workload workload : workloads) {
                Table.Builder table = Table.builder(workload.name() + ": per second, median (min–max) of the rounds; "
                                + "HTTP / limit as the median of the per-round ratios [95 % interval]; latency p50 / p99 / "
                                + "p99.9 in ms over all rounds",
                        "clients", "rounds", "in-process q/s", "raw HTTP req/s", "limit q/s", "HTTP q/s",
                        "HTTP / limit", "HTTP latency", "in-process latency", "refused/s");
                Map<Side, Curve.SeriesBuilder> series = new LinkedHashMap<>();
                series.put(Side.HTTP, new Curve.SeriesBuilder("over HTTP"));
                series.put(Side.IN_PROCESS, new Curve.SeriesBuilder("in process (pool)"));
                series.put(Side.RAW, new Curve.SeriesBuilder("raw HTTP (GET /health)"));
                Curve.SeriesBuilder limitSeries = new Curve.SeriesBuilder("limit 1/(1/in-process + 1/raw)");
                for (int clients : clientCounts) {
                    Figures figures = measure(node, uri, fixture, workload, clients, minRounds, maxRounds, margin,
                            warmup, measure);
                    Stats limit = Stats.of(figures.limits.stream().mapToDouble(Double::doubleValue).toArray());
                    table.row(clients, figures.ratio.n(), Format.stats(figures.stats(Side.IN_PROCESS)),
                            Format.stats(figures.stats(Side.RAW)), Format.stats(limit), Format.stats(figures.stats(Side.HTTP)),
                            Format.ratio(figures.ratio.center()) + " [" + Format.ratio(figures.ratio.low()) + "–"
                                    + Format.ratio(figures.ratio.high()) + "]",
                            figures.percentiles(Side.HTTP), figures.percentiles(Side.IN_PROCESS),
                            Format.number(figures.refusedPerSecond));
                    for (Side side : Side.values()) {
                        series.get(side).add(Curve.Point.of(clients, figures.stats(side)));
                    }
                    limitSeries.add(Curve.Point.of(clients, limit));
                    if (clients == 2 || clients == 16) {
                        goals.add(Goal.atLeast(String.format(Locale.ROOT, "%s over HTTP, %d clients: ≥ %.1f × the "
                                        + "physical limit 1/(1/in-process + 1/raw HTTP)", workload.name(), clients, GOAL),
                                String.format(Locale.ROOT, "HTTP %s q/s, limit %s q/s (in-process %s, raw HTTP %s), "
                                                + "%d rounds", Format.number(figures.stats(Side.HTTP).median()),
                                        Format.number(limit.median()), Format.number(figures.stats(Side.IN_PROCESS).median()),
                                        Format.number(figures.stats(Side.RAW).median()), figures.ratio.n()),
                                figures.ratio, GOAL, "× limit", "in-process pool and raw HTTP, same run"));
                    }
                }
                tables.add(table.build());
                String id = workload.name().startsWith("point") ? "http-lookup" : "http-2hop";
                List<Curve.Series> lines = new ArrayList<>();
                series.values().forEach(s -> lines.add(s.build()));
                lines.add(limitSeries.build());
                curves.add(new Curve(id + "-throughput", workload.name() + ": over HTTP vs its limit", "clients",
                        "per second", true, false, lines));
            }
        }
        Map<String, String> settingsShown = new LinkedHashMap<>();
        settingsShown.put("graph", String.format(Locale.ROOT, "%,d Person nodes, %d Knows edges each", people,
                GraphFixture.DEGREE));
        settingsShown.put("node", "writer in the benchmark's JVM on 127.0.0.1, " + connections + " connections per "
                + "database, buffer pool 512 MiB (warmed), query_timeout 30 s, admission fixed at ≤ 64 in flight (no adaptive limit: the section measures the path)");
        settingsShown.put("client", "one raw HTTP/1.1 keep-alive socket per client thread (TCP_NODELAY), closed loop; "
                + "the same client for queries and GET /health");
        settingsShown.put("rounds", warmup.toMillis() + " ms warm-up + " + measure.toMillis() + " ms measured per side "
                + "per round, order rotated; " + minRounds + " to " + maxRounds + " rounds, until the 95 % interval of "
                + "HTTP / limit lies on one side of " + GOAL + " and is within ±" + margin);
        return new Section(name(), "HTTP query path: over HTTP vs in process and raw HTTP",
                "Prepared point lookups (`" + GraphFixture.LOOKUP + "`) and a 2-hop traversal (`" + GraphFixture.TWO_HOP
                        + "`) with random ids, as `POST /databases/bench/query` with a JSON body, against the same "
                        + "queries through the node's pool in process and `GET /health` over the same client.",
                settingsShown, tables, goals, curves,
                List.of("One machine runs the clients, the HTTP layer and the engine, so the limit adds the two "
                        + "costs: a query over HTTP cannot beat in-process work plus one raw HTTP exchange."),
                null, 0, "", config.quick());
    }

    private static Figures measure(GraphNode node, URI uri, GraphFixture fixture, Workload workload, int clients,
                                   int minRounds, int maxRounds, double margin, Duration warmup, Duration measure)
            throws Exception {
        Figures figures = new Figures();
        String path = "/databases/" + GraphFixture.DATABASE + "/query";
        String cypherJson = "{\"cypher\": \"" + workload.cypher() + "\", \"parameters\": {\"id\": ";
        List<KeepAliveClient> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(new KeepAliveClient(uri));
            }
            byte[] health = KeepAliveClient.get("/health", connections.get(0).host());
            Side[] order = Side.values();
            ClosedLoop.run(clients, warmup, warmup, (c, random) -> { // new connections and a cold path: discarded
                KeepAliveClient client = connections.get(c);
                return client.exchange(KeepAliveClient.postJson(path, client.host(),
                        cypherJson + random.nextInt(1, fixture.people() + 1) + "}}")) == 200;
            });
            figures.ratio = Rounds.untilResolved(minRounds, maxRounds, GOAL, margin, round -> {
                Map<Side, ClosedLoop.Outcome> outcomes = new LinkedHashMap<>();
                for (int k = 0; k < order.length; k++) {
                    Side side = order[(round + k) % order.length];
                    outcomes.put(side, ClosedLoop.run(clients, warmup, measure, switch (side) {
                        case HTTP -> (c, random) -> {
                            KeepAliveClient client = connections.get(c);
                            return client.exchange(KeepAliveClient.postJson(path, client.host(),
                                    cypherJson + random.nextInt(1, fixture.people() + 1) + "}}")) == 200;
                        };
                        case IN_PROCESS -> (c, random) -> {
                            try (PooledConnection pooled = node.pool().borrow(GraphFixture.DATABASE)) {
                                pooled.query(workload.cypher(), fixture.randomId(random)).all();
                            }
                            return true;
                        };
                        case RAW -> (c, random) -> connections.get(c).exchange(health) == 200;
                    }));
                }
                for (Side side : Side.values()) {
                    figures.perSecond.get(side).add(outcomes.get(side).perSecond());
                    figures.latency.get(side).add(outcomes.get(side).latencyNanos());
                }
                figures.refusedPerSecond = Math.max(figures.refusedPerSecond, outcomes.get(Side.HTTP).refusedPerSecond());
                double limit = 1 / (1 / outcomes.get(Side.IN_PROCESS).perSecond() + 1 / outcomes.get(Side.RAW).perSecond());
                figures.limits.add(limit);
                return outcomes.get(Side.HTTP).perSecond() / limit;
            });
        } finally {
            for (KeepAliveClient c : connections) {
                c.close();
            }
        }
        return figures;
    }
}
