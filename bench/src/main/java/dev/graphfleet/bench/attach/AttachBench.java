package dev.graphfleet.bench.attach;

import dev.graphfleet.bench.harness.BenchConfig;
import dev.graphfleet.bench.harness.Benchmark;
import dev.graphfleet.bench.harness.Stats;
import dev.graphfleet.bench.harness.Trials;
import dev.graphfleet.bench.results.Curve;
import dev.graphfleet.bench.results.Format;
import dev.graphfleet.bench.results.Goal;
import dev.graphfleet.bench.results.Section;
import dev.graphfleet.bench.results.Table;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.PoolSettings;
import dev.graphfleet.repo.FetchOptions;
import dev.graphfleet.repo.RepositoryCache;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.RepositoryStore;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.repo.s3.S3RepositoryStore;
import dev.graphfleet.repo.s3.S3Settings;
import dev.graphfleet.shared.AttachPhase;
import dev.graphfleet.shared.AttachSettings;
import dev.graphfleet.shared.AttachmentStatus;
import dev.graphfleet.shared.SharedRepositories;
import dev.graphfleet.shared.SharedRepositorySettings;
import dev.graphfleet.shared.StoreRepositorySource;
import dev.graphfleet.testing.S3Server;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.ResponseTransformer;

/**
 * DESIGN goal 2: time from "attach" to the first answered query on S3-stored repositories ≤ 1.15 ×
 * a plain SDK download of the same bytes + 1 s, one repository and several in parallel. Generated
 * repositories, published to an S3-compatible server (s3proxy, in this JVM) on loopback; the plain
 * download and the attach alternate within each iteration.
 */
public final class AttachBench implements Benchmark {

    private static final List<String> NAMES = List.of("sec", "industry", "economic");
    private static final String BUCKET = "bench";

    @Override
    public String name() {
        return "attach";
    }

    @Override
    public List<String> jvmOptions() {
        return List.of("-Xmx2g");
    }

    @Override
    public Section run(BenchConfig config) throws Exception {
        List<Long> sizes = config.quick() ? List.of(10L << 20) : List.of(100L << 20, 1L << 30);
        int iterations = config.pick(2, 3);
        List<Table> tables = new ArrayList<>();
        List<Goal> goals = new ArrayList<>();
        List<Curve.Series> series = new ArrayList<>();
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        try (S3Server s3 = S3Server.withBuckets(BUCKET).start()) {
            for (long size : sizes) {
                Path dir = config.workDir().resolve("size-" + size);
                Path database = GeneratedRepository.generate(dir.resolve("build"), size);
                long bytes = Files.size(database);
                String label = String.format(Locale.ROOT, "%.0f MB", bytes / 1e6);
                try (RepositoryStore store = new S3RepositoryStore(S3RepositoryStore.buildClient(S3Settings.forCompatibleEndpoint(s3.endpoint(), s3.credentials())),
                        (StoreUri.S3) StoreUri.parse("s3://" + BUCKET + "/repos"), S3Settings.forCompatibleEndpoint(s3.endpoint(), s3.credentials()), Clock.systemUTC())) {
                    for (String name : NAMES) {
                        store.publish(RepositoryName.of(name), database, "0.11.2");
                    }
                    Files.delete(database);
                    attach(store, dir, List.of(NAMES.get(0)), -1); // warm-up: JIT, the SDK, the engine
                    Table.Builder table = Table.builder(label + " per repository: ms, median (min–max) of "
                                    + iterations + " iterations",
                            "repositories", "plain SDK download", "attach to first query",
                            "attach / download (no slack)", "of which: download + hash", "verify + install",
                            "open + check", "first query", "goal: 1.15 × download + 1 s");
                    Curve.SeriesBuilder downloadLine = new Curve.SeriesBuilder("download " + label);
                    Curve.SeriesBuilder attachLine = new Curve.SeriesBuilder("attach " + label);
                    for (int count : size >= 1L << 30 ? List.of(1, NAMES.size()) : List.of(1, 2, NAMES.size())) {
                        List<String> set = NAMES.subList(0, count);
                        double[] download = new double[iterations];
                        double[] ratio = new double[iterations];
                        AttachTiming[] attach = new AttachTiming[iterations];
                        Trials.run(0, iterations, it -> {
                            download[it] = plainDownload(s3, dir, set, it);
                            attach[it] = attach(store, dir, set, it);
                            ratio[it] = attach[it].total() / download[it];
                            return ratio[it];
                        });
                        Stats d = Stats.of(download);
                        Stats a = stats(attach, AttachTiming::total);
                        double limit = 1.15 * d.median() + 1000;
                        table.row(count, Format.stats(d), Format.stats(a), Format.stats(Stats.of(ratio)),
                                Format.stats(stats(attach, AttachTiming::downloading)),
                                Format.stats(stats(attach, AttachTiming::verifying)),
                                Format.stats(stats(attach, AttachTiming::opening)),
                                Format.stats(stats(attach, AttachTiming::firstQuery)),
                                Format.number(limit) + (a.median() <= limit ? " met" : " missed"));
                        notes.add(whereTheTimeGoes(label, count, a.median(), attach));
                        downloadLine.add(Curve.Point.of(count, d));
                        attachLine.add(Curve.Point.of(count, a));
                        if (count == 1 || count == NAMES.size()) {
                            goals.add(Goal.atMost(String.format(Locale.ROOT, "%s, %d %s: attach ≤ 1.15 × download + 1 s",
                                            label, count, count == 1 ? "repository" : "in parallel"),
                                    String.format(Locale.ROOT, "attach %s ms; download %s ms (%.2f× without the slack)",
                                            Format.number(a.median()), Format.number(d.median()),
                                            a.median() / d.median()),
                                    a.median(), limit, "ms", "plain SDK download", a.median() / d.median()));
                        }
                    }
                    tables.add(table.build());
                    series.add(downloadLine.build());
                    series.add(attachLine.build());
                }
            }
            FetchOptions fetch = FetchOptions.defaults();
            settings.put("sizes", sizes.stream().map(s -> (s >> 20) + " MiB").toList()
                    + " asked of the generator (the tables give the bytes)");
            settings.put("fetcher", fetch.parallelism() + " parallel ranged GETs of " + (fetch.partSizeBytes() >> 20)
                    + " MiB, sha256 verified");
            settings.put("iterations", iterations + " after one warm-up attach (at 1 GiB, 1 and 3 repositories only: "
                    + "the goals' counts, to keep the run short)");
        }
        Curve curve = new Curve("attach-repositories", "Attach and plain download vs repositories in parallel",
                "repositories", "ms", false, false, series);
        return new Section(name(), "Attach: attach-to-first-query vs a plain SDK download", "Generated repositories "
                + "(Fact nodes with a 200-character payload) published three times to s3proxy on loopback. "
                + "*Download*: the SDK's getObject to a file, one thread per repository. *Attach*: a shared node with "
                + "a fresh cache fetches, verifies, opens each repository read-only and answers a first query on each. "
                + "The attach columns split it (mean over the repositories of an iteration): *download + hash* is "
                + "the ranged GETs with the sha256 computed as parts arrive; *verify + install* the hash's tail, "
                + "the flush and the rename; *open + check* opening the database read-only and its "
                + "`CALL show_tables()`; *first query* the point lookup on each, one after another.",
                settings, tables, goals, List.of(curve), notes, null, 0, "", config.quick());
    }

    /** One line per row: the share of each phase in the median attach, so a missed goal says where it went. */
    private static String whereTheTimeGoes(String label, int count, double total, AttachTiming[] timings) {
        double downloading = stats(timings, AttachTiming::downloading).median();
        double verifying = stats(timings, AttachTiming::verifying).median();
        double opening = stats(timings, AttachTiming::opening).median();
        double querying = stats(timings, AttachTiming::firstQuery).median();
        return String.format(Locale.ROOT, "%s, %d %s: of the %s ms, download + hash %.0f %%, verify + install %.0f %%, "
                        + "open + check (engine) %.0f %%, first queries (engine) %.0f %%.", label, count,
                count == 1 ? "repository" : "in parallel", Format.number(total), 100 * downloading / total,
                100 * verifying / total, 100 * opening / total, 100 * querying / total);
    }

    /** One attach: the whole, and its phases (ms; phases are the mean over the repositories). */
    private record AttachTiming(double total, double downloading, double verifying, double opening,
                                double firstQuery) {
    }

    private static Stats stats(AttachTiming[] timings, java.util.function.ToDoubleFunction<AttachTiming> part) {
        return Stats.of(java.util.Arrays.stream(timings).mapToDouble(part).toArray());
    }

    private static double plainDownload(S3Server s3, Path dir, List<String> names, int round) throws Exception {
        Path target = Files.createDirectories(dir.resolve("plain-" + names.size() + "-" + round));
        ExecutorService threads = Executors.newFixedThreadPool(names.size());
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (String name : names) {
                done.add(threads.submit(() -> s3.client().getObject(b -> b.bucket(BUCKET).key("repos/" + name + "/v1/data.kuzu"),
                        ResponseTransformer.toFile(target.resolve(name + ".kuzu")))));
            }
            for (Future<?> future : done) {
                future.get();
            }
            double millis = Trials.millisSince(start);
            for (String name : names) { // a baseline that got fewer bytes than attach fetches would flatter nothing
                long expected = s3.client().headObject(b -> b.bucket(BUCKET).key("repos/" + name + "/v1/data.kuzu"))
                        .contentLength();
                long got = Files.size(target.resolve(name + ".kuzu"));
                if (got != expected) {
                    throw new IllegalStateException("the plain download of " + name + " got " + got + " bytes of "
                            + expected);
                }
            }
            return millis;
        } finally {
            threads.shutdown();
            deleteTree(target);
        }
    }

    private static AttachTiming attach(RepositoryStore store, Path dir, List<String> names, int round) throws Exception {
        Path data = dir.resolve("node-" + names.size() + "-" + round);
        RepositoryCache cache = new RepositoryCache(SharedRepositories.defaultCacheDir(data), Long.MAX_VALUE, Set::of,
                Clock.systemUTC());
        SharedRepositorySettings settings = SharedRepositorySettings.defaults(512L << 20)
                .withPool(PoolSettings.DEFAULTS.withBackgroundMaintenance(false))
                .withAttach(new AttachSettings(1, List.of(Duration.ZERO), Duration.ofHours(1)));
        try {
            long start = System.nanoTime();
            try (SharedRepositories repos = new SharedRepositories(GraphEngines.load(),
                    new StoreRepositorySource(store, new RepositoryFetcher(store, cache, FetchOptions.defaults())), settings,
                    Clock.systemUTC())) {
                CountDownLatch attached = new CountDownLatch(names.size());
                Map<String, AttachmentStatus> done = new ConcurrentHashMap<>();
                repos.attachments().addListener(status -> {
                    if (status.phase() == AttachPhase.ATTACHED && done.putIfAbsent(status.repository(), status) == null) {
                        attached.countDown();
                    }
                });
                repos.attachAll(names);
                if (!attached.await(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("not attached within 10 minutes: " + names);
                }
                long queries = System.nanoTime();
                for (String name : names) {
                    if (repos.pool().query(name, "MATCH (f:Fact) WHERE f.id = 42 RETURN f.value").size() != 1) {
                        throw new IllegalStateException(name + " did not answer its first query");
                    }
                }
                double firstQueries = Trials.millisSince(queries);
                double total = Trials.millisSince(start);
                return new AttachTiming(total, meanPhase(done, AttachPhase.DOWNLOADING),
                        meanPhase(done, AttachPhase.VERIFYING), meanPhase(done, AttachPhase.ATTACHING), firstQueries);
            }
        } finally {
            deleteTree(data);
        }
    }

    private static double meanPhase(Map<String, AttachmentStatus> statuses, AttachPhase phase) {
        return statuses.values().stream()
                .mapToDouble(s -> s.phaseTimes().getOrDefault(phase, Duration.ZERO).toNanos() / 1e6)
                .average().orElse(0);
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
