package dev.graphfleet.node.metrics;

import dev.graphfleet.node.admission.ResourceSample;
import dev.graphfleet.pool.PoolStatistics;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The sections of a node's /metrics, in the original's order, wired to their sources. All but the
 * attachments read memory only (background samplers and scanners did the I/O), so they are produced
 * on the request thread; the attachments come from another component and are guarded by the deadline.
 */
public final class NodeMetrics {

    private NodeMetrics() {
    }

    public static MetricsCollector collector(MetricsSources sources) {
        MetricsSettings settings = sources.settings();
        MetricsCollector collector = new MetricsCollector(sources.clock(), settings.sectionTimeout());
        collector.section("system", () -> {
            ResourceSample sample = sources.resources().latest();
            return new Timed<>(SystemMetrics.from(sample, sources.dataVolume()), sample.sampledAt());
        }, sources.sampleInterval().plus(settings.sectionTimeout()));
        collector.section("databases", () -> databases(sources), sources.sizes().interval().plus(settings.sectionTimeout()));
        collector.liveSection("queries", sources.queries()::snapshot);
        collector.liveSection("cluster", () -> new ClusterMetrics(sources.nodeId(), sources.nodeType(),
                sources.uptimeSeconds()));
        collector.liveSection("pool", () -> new PoolMetrics(sources.pool().statistics(),
                sources.maxConnectionsPerDatabase()));
        collector.liveSection("buffer_pool", () -> bufferPool(sources));
        collector.guardedSection("attachments", sources.attachments()); // another component's code: may block
        collector.liveSection("admission_control", sources.admission()::snapshot);
        return collector;
    }

    /** The last scan's figures; when the last scan failed, its error (the section then serves the figures stale). */
    private static Timed<?> databases(MetricsSources sources) {
        String failure = sources.sizes().lastError();
        if (failure != null) {
            throw new IllegalStateException("the last database size scan failed: " + failure);
        }
        return sources.sizes().latest()
                .<Timed<?>>map(sizes -> new Timed<>(DatabaseMetrics.from(sizes, sources.queries()), sizes.collectedAt()))
                .orElseThrow(() -> new IllegalStateException("the first database size scan has not completed yet"));
    }

    static BufferPoolMetrics bufferPool(MetricsSources sources) {
        Map<String, Long> open = new TreeMap<>();
        if (sources.pool().bufferPoolBudgetBytes().isPresent()) {
            open.putAll(sources.pool().bufferPoolGrants()); // what each open Database was really granted
        } else {
            PoolStatistics statistics = sources.pool().statistics();
            statistics.databases().forEach((name, database) -> {
                if (database.open()) {
                    open.put(name, sources.bufferPoolBytesPerDatabase());
                }
            });
        }
        long configured = open.values().stream().mapToLong(Long::longValue).sum();
        Map<String, BufferPoolMetrics.Reading> usage = new TreeMap<>();
        for (var reading : sources.pool().lastBufferPoolUsage()) {
            usage.put(reading.database(), new BufferPoolMetrics.Reading(reading.limitBytes(), reading.usedBytes()));
        }
        long used = usage.values().stream().mapToLong(BufferPoolMetrics.Reading::usedBytes).sum();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        OptionalLong rss = sources.processMemory().rssBytes();
        OptionalLong budget = sources.processMemory().budgetBytes();
        return new BufferPoolMetrics(sources.memoryBudgetBytes(), sources.bufferPoolBytesPerDatabase(), open,
                configured, configured > sources.memoryBudgetBytes(), usage, used, boxed(rss),
                heap.getUsed(), heap.getCommitted(), heap.getMax(), boxed(budget),
                rss.isPresent() && budget.isPresent() ? rss.getAsLong() > budget.getAsLong() : null,
                sources.governorEvictions(),
                sources.pool().governor().map(governor -> governor.skippedEvictions()).orElse(null));
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }
}
