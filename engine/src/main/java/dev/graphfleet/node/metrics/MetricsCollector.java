package dev.graphfleet.node.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Assembles the /metrics document from named sections produced in parallel under one deadline. A
 * section that fails comes back with its error, one that is late comes back from cache marked
 * stale: the document is always served, and within the deadline.
 */
public final class MetricsCollector implements AutoCloseable {

    private final Clock clock;
    private final Duration timeout;
    private final List<MetricsSection> sections = new ArrayList<>();
    private final ExecutorService executor;

    public MetricsCollector(Clock clock, Duration timeout) {
        this.clock = clock;
        this.timeout = timeout;
        AtomicInteger threads = new AtomicInteger();
        // Unbounded in principle, bounded in practice: each section runs at most one production at a time.
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "graphfleet-metrics-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Adds a section that only reads memory (caches, counters), produced on the request thread.
     * Sections appear in the order added.
     *
     * @param maxAge figures older than this are marked stale (a background cache that fell behind)
     */
    public MetricsCollector section(String name, Supplier<Timed<?>> producer, Duration maxAge) {
        sections.add(new MetricsSection(name, producer, maxAge, clock, executor, true));
        return this;
    }

    /** Adds a memory-only section computed on demand: its figures are as fresh as the request. */
    public MetricsCollector liveSection(String name, Supplier<?> producer) {
        return section(name, () -> new Timed<>(producer.get(), clock.instant()), timeout);
    }

    /**
     * Adds a section that may block (I/O, code of other components): produced on a background
     * thread under the request's deadline, served from cache marked stale when late.
     */
    public MetricsCollector guardedSection(String name, Supplier<?> producer) {
        sections.add(new MetricsSection(name, () -> new Timed<>(producer.get(), clock.instant()), timeout, clock,
                executor, false));
        return this;
    }

    /**
     * The document: {@code timestamp}, each section by name, then {@code problems} (every section whose
     * figures could not be produced, with its error) and {@code status}: {@code ok} without problems,
     * else {@code degraded}. A monitor reads the status instead of inferring health from missing figures.
     */
    public Map<String, Object> collect() {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<Timed<?>>> started = new ArrayList<>(sections.size());
        for (MetricsSection section : sections) {
            started.add(section.start());
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("timestamp", clock.instant());
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            MetricsSection section = sections.get(i);
            SectionReport report = section.await(started.get(i), deadline);
            document.put(section.name(), report);
            if (report.error() != null) {
                problems.add(new Problem(section.name(), report.error()));
            }
        }
        document.put("problems", problems);
        document.put("status", problems.isEmpty() ? "ok" : "degraded");
        return document;
    }

    /** A section whose figures could not be produced, and why. */
    public record Problem(String section, String error) {
    }

    public Duration timeout() {
        return timeout;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
