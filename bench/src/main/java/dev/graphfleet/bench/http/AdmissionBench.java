package dev.graphfleet.bench.http;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.harness.ClosedLoop;
import dev.graphfleet.bench.pool.GraphFixture;
import dev.graphfleet.bench.results.Curve;
import dev.graphfleet.bench.results.Format;
import dev.graphfleet.bench.results.Goal;
import dev.graphfleet.bench.results.Section;
import dev.graphfleet.bench.results.Table;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.node.GraphNode;
import dev.graphfleet.node.admission.AdmissionSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Issue 17, goodput under overload with the default (adaptive) admission: a writer node on loopback
 * serving 2-hop traversals over HTTP. First its capacity: closed-loop throughput at 1, 2, 4 and 8
 * clients, the peak, and the fewest clients that reach 95 % of it. Then 1× to 4× that many clients,
 * each sending its next query as soon as the last is answered; a refused client waits
 * {@value #BACK_OFF_MS} ms and tries again (a real client would wait the Retry-After). Goals: goodput
 * at 4× ≥ 0.9 × the peak, p99 of admitted queries at 4× ≤ 2 × the p99 at one client, no refusal at 1×,
 * and every refusal a 503 with Retry-After.
 */
public final class AdmissionBench implements Benchmark {

    static final int BACK_OFF_MS = 20;

    @Override
    public String name() {
        return "admission";
    }

    @Override
    public List<String> jvmOptions() {
        return List.of("-Xmx1g");
    }

    @Override
    public Set<String> profiledThreads() {
        return Set.of("XNIO-*", "graphfleet-query-*");
    }

    private record Level(String label, int clients, ClosedLoop.Outcome outcome, long missingRetryAfter, int limit) {
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        int people = config.pick(20_000, 100_000);
        Duration warmup = Duration.ofMillis(config.pick(300, 1000));
        Duration measure = Duration.ofMillis(config.pick(1000, 4000));
        GraphFixture fixture = new GraphFixture(GraphEngines.load(), config.workDir().resolve("graph"), people).seed();
        // The defaults (adaptive limit, no CPU threshold), but no per-database cap below the node's.
        AdmissionSettings admission = AdmissionSettings.DEFAULTS
                .withMaxInFlightPerDatabase(AdmissionSettings.DEFAULT_MAX_IN_FLIGHT);
        List<Level> capacity = new ArrayList<>();
        List<Level> overload = new ArrayList<>();
        int capacityClients;
        double peak;
        try (GraphNode node = LoopbackNode.startWarm(config.workDir().resolve("graph"), "bench-admission", 16, admission)) {
            URI uri = node.uri();
            level("warm-up", 2, node, uri, fixture, warmup, measure); // JIT and the HTTP path warm before any figure
            for (int clients : new int[] {1, 2, 4, 8}) {
                capacity.add(level("capacity", clients, node, uri, fixture, warmup, measure));
            }
            peak = capacity.stream().mapToDouble(l -> l.outcome().perSecond()).max().orElseThrow();
            capacityClients = capacity.stream().filter(l -> l.outcome().perSecond() >= 0.95 * peak)
                    .mapToInt(Level::clients).min().orElseThrow();
            for (int k = 1; k <= 4; k++) {
                overload.add(level(k + "×", k * capacityClients, node, uri, fixture, warmup, measure));
            }
        }
        // The same 4× against the optional fixed cap at two queries per core: what a latency bound costs.
        int fixedCap = 2 * Runtime.getRuntime().availableProcessors();
        Level fixedAtFour;
        try (GraphNode node = LoopbackNode.startWarm(config.workDir().resolve("graph"), "bench-admission-fixed", 16,
                admission.withInFlight(false, Math.min(fixedCap, AdmissionSettings.DEFAULT_MIN_IN_FLIGHT), fixedCap))) {
            level("warm-up", 2, node, node.uri(), fixture, warmup, measure);
            fixedAtFour = level("4×, fixed cap " + fixedCap, 4 * capacityClients, node, node.uri(), fixture, warmup, measure);
        }
        double unloadedP99 = capacity.get(0).outcome().percentileMillis(99);
        Level atFour = overload.get(overload.size() - 1);
        Level atOne = overload.get(0);
        long missing = overload.stream().mapToLong(Level::missingRetryAfter).sum()
                + capacity.stream().mapToLong(Level::missingRetryAfter).sum();

        Table.Builder table = Table.builder("2-hop traversals over HTTP, closed loop: served and refused per second, "
                        + "latency of the served (ms), the node's in-flight limit at the end of the level",
                "load", "clients", "served q/s", "refused/s", "p50", "p99", "p99.9", "limit", "503 without Retry-After");
        Curve.SeriesBuilder goodput = new Curve.SeriesBuilder("served q/s");
        Curve.SeriesBuilder refused = new Curve.SeriesBuilder("refused/s");
        for (List<Level> levels : List.of(capacity, overload, List.of(fixedAtFour))) {
            for (Level l : levels) {
                table.row(l.label(), l.clients(), Format.number(l.outcome().perSecond()),
                        Format.number(l.outcome().refusedPerSecond()), Format.number(l.outcome().percentileMillis(50)),
                        Format.number(l.outcome().percentileMillis(99)), Format.number(l.outcome().percentileMillis(99.9)),
                        l.limit(), l.missingRetryAfter());
                if (levels == overload) {
                    goodput.add(Curve.Point.exact(l.clients(), l.outcome().perSecond()));
                    refused.add(Curve.Point.exact(l.clients(), l.outcome().refusedPerSecond()));
                }
            }
        }
        List<Goal> goals = new ArrayList<>();
        goals.add(Goal.atLeast("Goodput at 4× the node's capacity ≥ 0.9 × its peak throughput (issue 17)",
                String.format(Locale.ROOT, "%s q/s with %d clients; peak %s q/s", Format.number(atFour.outcome().perSecond()),
                        atFour.clients(), Format.number(peak)),
                atFour.outcome().perSecond() / peak, 0.9, "× peak", "peak closed-loop throughput, same run",
                atFour.outcome().perSecond() / peak));
        goals.add(Goal.atMost("p99 of admitted queries at 4× ≤ 2 × the unloaded p99 (issue 17)",
                Double.isNaN(unloadedP99) || Double.isNaN(atFour.outcome().percentileMillis(99))
                        ? "missing: no query was served at one client or at 4× within the level"
                        : String.format(Locale.ROOT, "p99 %s ms at 4×; %s ms at one client",
                        Format.number(atFour.outcome().percentileMillis(99)), Format.number(unloadedP99)),
                atFour.outcome().percentileMillis(99) / unloadedP99, 2.0, "× unloaded p99", "p99 at one client, same run",
                atFour.outcome().percentileMillis(99) / unloadedP99));
        goals.add(Goal.atMost("No refusal at 1× capacity (refusals only beyond capacity)",
                Format.number(atOne.outcome().refusedPerSecond()) + " refused/s with " + atOne.clients() + " clients",
                atOne.outcome().refusedPerSecond(), 0, "refused/s", "none", 0));
        goals.add(Goal.atMost("Every refusal is a 503 with Retry-After", missing + " without", missing, 0, "answers",
                "none", 0));
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("graph", String.format(Locale.ROOT, "%,d Person nodes, %d Knows edges each", people, GraphFixture.DEGREE));
        shown.put("node", "writer in the benchmark's JVM, 16 connections, default admission (adaptive limit "
                + AdmissionSettings.DEFAULT_MIN_IN_FLIGHT + "–" + AdmissionSettings.DEFAULT_MAX_IN_FLIGHT
                + ", no CPU threshold), per-database cap raised to the node's");
        shown.put("levels", warmup.toMillis() + " ms warm-up + " + measure.toMillis() + " ms measured each; capacity = "
                + capacityClients + " clients (fewest reaching 95 % of the peak)");
        shown.put("client", "one raw HTTP/1.1 keep-alive socket per client; a refused client waits " + BACK_OFF_MS
                + " ms, then sends again");
        return new Section(name(), "Admission: goodput under overload",
                "`POST /databases/bench/query` with `" + GraphFixture.TWO_HOP + "` and random ids, from 1× to 4× the "
                        + "clients the node needs to reach its peak throughput.",
                shown, List.of(table.build()), goals,
                List.of(new Curve("admission-goodput", "Served and refused vs clients", "clients", "per second", false,
                        false, List.of(goodput.build(), refused.build()))),
                List.of("One measurement per level, no interval: these goals have margins far wider than the noise "
                        + "between levels.", String.format(Locale.ROOT, "The last row is the node with `adaptive: false` and "
                        + "`max_in_flight: %d` (two per core) at the same 4× load: %s q/s served, p99 %s ms (%s × the "
                        + "unloaded p99) against the adaptive limit's %s q/s and p99 %s ms.", fixedCap,
                        Format.number(fixedAtFour.outcome().perSecond()), Format.number(fixedAtFour.outcome().percentileMillis(99)),
                        Format.ratio(fixedAtFour.outcome().percentileMillis(99) / unloadedP99),
                        Format.number(atFour.outcome().perSecond()), Format.number(atFour.outcome().percentileMillis(99)))),
                null, 0, "", config.quick());
    }

    private static Level level(String label, int clients, GraphNode node, URI uri, GraphFixture fixture,
                               Duration warmup, Duration measure) throws Exception {
        String path = "/databases/" + GraphFixture.DATABASE + "/query";
        String json = "{\"cypher\": \"" + GraphFixture.TWO_HOP + "\", \"parameters\": {\"id\": ";
        LongAdder missingRetryAfter = new LongAdder();
        List<KeepAliveClient> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(new KeepAliveClient(uri));
            }
            ClosedLoop.Outcome outcome = ClosedLoop.run(clients, warmup, measure, (c, random) -> {
                KeepAliveClient client = connections.get(c);
                int status = client.exchange(KeepAliveClient.postJson(path, client.host(),
                        json + random.nextInt(1, fixture.people() + 1) + "}}"));
                if (status == 200) {
                    return true;
                }
                if (status != 503) {
                    throw new IllegalStateException("a query answered " + status);
                }
                if (client.retryAfter() == null) {
                    missingRetryAfter.increment();
                }
                Thread.sleep(BACK_OFF_MS); // the client's back-off before it tries again
                return false;
            });
            return new Level(label, clients, outcome, missingRetryAfter.sum(), node.admission().snapshot().inFlightLimit());
        } finally {
            for (KeepAliveClient c : connections) {
                c.close();
            }
        }
    }
}
