package dev.graphfleet.node.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts queries (successes and failures alike; the original counted only successes) and API
 * errors over a rolling hour, for /metrics, and feeds a Micrometer timer for Prometheus.
 * Thread-safe; recording costs one short lock per database.
 */
public final class QueryStats {

    /**
     * Error codes of queries the node stopped: at their deadline (408), or because the process went
     * over its memory budget (503).
     */
    public static final List<String> STOP_REASONS = List.of("query_timeout", "memory_limit");

    private final Clock clock;
    private final MeterRegistry registry;
    private final ConcurrentHashMap<String, LatencyWindow> byDatabase = new ConcurrentHashMap<>();
    private final StatusWindow statuses = new StatusWindow();
    private final Map<String, LongAdder> stopped = new TreeMap<>(); // keys fixed at construction
    /** The timer of each database and status, found once: building one per query cost a registry lookup. */
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    /** @param registry where the {@code graphfleet.queries} timer goes; null for none */
    public QueryStats(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.registry = registry;
        STOP_REASONS.forEach(reason -> stopped.put(reason, new LongAdder()));
    }

    /**
     * A query on {@code database} (an existing one: unknown names are not recorded, so callers
     * cannot grow this map) answered with {@code status} after {@code elapsed}.
     */
    public void recordQuery(String database, int status, Duration elapsed) {
        recordQuery(database, status, null, elapsed);
    }

    /**
     * As {@link #recordQuery(String, int, Duration)}, with the API's error code of a failed query
     * (null on success): queries stopped at their deadline or for memory are counted by it.
     */
    public void recordQuery(String database, int status, String errorCode, Duration elapsed) {
        long nanos = elapsed.toNanos();
        byDatabase.computeIfAbsent(database, name -> new LatencyWindow()).record(minute(), status >= 400, nanos);
        LongAdder stops = errorCode == null ? null : stopped.get(errorCode);
        if (stops != null) {
            stops.increment();
        }
        if (registry != null) {
            timers.computeIfAbsent(database + '\n' + status, key -> Timer.builder("graphfleet.queries")
                    .description("Queries answered by this node, by database and HTTP status")
                    .tag("database", database)
                    .tag("status", Integer.toString(status))
                    .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Queries stopped since start by the node, by reason (an error code of {@link #STOP_REASONS}). */
    public Map<String, Long> stoppedSinceStart() {
        Map<String, Long> counts = new TreeMap<>();
        stopped.forEach((reason, adder) -> counts.put(reason, adder.sum()));
        return counts;
    }

    public long stopped(String reason) {
        LongAdder adder = stopped.get(reason);
        if (adder == null) {
            throw new IllegalArgumentException("not a stop reason: " + reason + "; one of " + STOP_REASONS);
        }
        return adder.sum();
    }

    /** Any error answer of the API (queries, auth, bad paths...), counted by status. */
    public void recordError(int status) {
        statuses.record(minute(), status);
    }

    /** Queries (any outcome) on {@code database} in the window. */
    public long queryCount(String database) {
        LatencyWindow window = byDatabase.get(database);
        return window == null ? 0 : window.count(minute());
    }

    public QueryMetrics snapshot() {
        long now = minute();
        Map<String, QueryMetrics.DatabaseQueries> perDatabase = new TreeMap<>();
        byDatabase.forEach((name, window) -> {
            QueryMetrics.DatabaseQueries summary = window.summary(now);
            if (summary.count() > 0) {
                perDatabase.put(name, summary);
            }
        });
        long total = perDatabase.values().stream().mapToLong(QueryMetrics.DatabaseQueries::count).sum();
        long errors = perDatabase.values().stream().mapToLong(QueryMetrics.DatabaseQueries::errors).sum();
        return new QueryMetrics(LatencyWindow.BUCKETS * 60L, total, errors, perDatabase, statuses.counts(now),
                stoppedSinceStart());
    }

    private long minute() {
        return Math.floorDiv(clock.millis(), 60_000L);
    }

    /** Error answers by status over the same 60 one-minute buckets. */
    private static final class StatusWindow {
        private final long[] minuteOf = new long[LatencyWindow.BUCKETS];
        private final java.util.List<Map<Integer, Long>> counts =
                new java.util.ArrayList<>(java.util.Collections.nCopies(LatencyWindow.BUCKETS, null));

        StatusWindow() {
            java.util.Arrays.fill(minuteOf, Long.MIN_VALUE);
        }

        synchronized void record(long minute, int status) {
            int at = (int) Math.floorMod(minute, (long) LatencyWindow.BUCKETS);
            if (minuteOf[at] != minute || counts.get(at) == null) {
                minuteOf[at] = minute;
                counts.set(at, new TreeMap<>());
            }
            counts.get(at).merge(status, 1L, Long::sum);
        }

        synchronized Map<String, Long> counts(long nowMinute) {
            Map<String, Long> merged = new TreeMap<>();
            for (int i = 0; i < LatencyWindow.BUCKETS; i++) {
                if (counts.get(i) != null && LatencyWindow.inWindow(minuteOf[i], nowMinute)) {
                    counts.get(i).forEach((status, n) -> merged.merge(Integer.toString(status), n, Long::sum));
                }
            }
            return merged;
        }
    }
}
