package dev.graphfleet.node.metrics;

import dev.graphfleet.node.admission.AdmissionSnapshot;
import dev.graphfleet.node.admission.ResourceSample;
import dev.graphfleet.pool.PoolStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The node's figures as Prometheus text (format 0.0.4, valid for {@code promtool check metrics}).
 * Gauges read the same in-memory sources as /metrics; per-database series are refreshed at each
 * scrape so databases that disappear drop out.
 */
public final class PrometheusMetrics {

    private final MetricsSources sources;
    private final PrometheusMeterRegistry registry;
    private final MultiGauge databaseSizes;
    private final MultiGauge poolConnections;
    private final MultiGauge poolMax;
    private final MultiGauge inFlight;
    private final MultiGauge bufferPools;
    private final MultiGauge bufferPoolsUsed;
    private final MultiGauge bufferPoolsLimit;
    private final MultiGauge attachments;

    public PrometheusMetrics(MetricsSources sources, PrometheusMeterRegistry registry) {
        this.sources = sources;
        this.registry = registry;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        registerNode();
        registerSystem();
        registerPoolCounters();
        registerAdmissionCounters();
        registerStopsAndEvictions();
        databaseSizes = MultiGauge.builder("graphfleet.database.size").baseUnit("bytes")
                .description("Bytes on disk per database (file and sidecars), from the background scan")
                .register(registry);
        poolConnections = MultiGauge.builder("graphfleet.pool.connections")
                .description("Pooled connections per database by state (idle, in_use)").register(registry);
        poolMax = MultiGauge.builder("graphfleet.pool.connections.max")
                .description("Most connections a database's pool may open").register(registry);
        inFlight = MultiGauge.builder("graphfleet.admission.in.flight")
                .description("Admitted queries running per database").register(registry);
        bufferPools = MultiGauge.builder("graphfleet.buffer.pool.configured").baseUnit("bytes")
                .description("Configured buffer pool per open database").register(registry);
        bufferPoolsUsed = MultiGauge.builder("graphfleet.buffer.pool.used").baseUnit("bytes")
                .description("Memory a database's buffer pool holds (bm_info at the memory governor's last reading;"
                        + " a database missing here was not read)").register(registry);
        bufferPoolsLimit = MultiGauge.builder("graphfleet.buffer.pool.limit").baseUnit("bytes")
                .description("A database's buffer pool limit as the engine reports it (bm_info)").register(registry);
        attachments = MultiGauge.builder("graphfleet.attachments")
                .description("Shared repositories per attachment phase").register(registry);
    }

    /** The exposition text; reads memory only, never the disk. */
    public synchronized String scrape() {
        refreshPerDatabase();
        return registry.scrape();
    }

    private void registerNode() {
        Gauge.builder("graphfleet.node.info", () -> 1)
                .description("This node: its id and type (writer, shared_master, shared_replica)")
                .tags("node_id", sources.nodeId(), "node_type", sources.nodeType()).register(registry);
        Gauge.builder("graphfleet.node.uptime", sources, MetricsSources::uptimeSeconds).baseUnit("seconds")
                .description("Seconds since the node started").register(registry);
        Gauge.builder("graphfleet.node.ready", sources, s -> s.ready().getAsBoolean() ? 1 : 0)
                .description("1 when the node serves requests, 0 while starting or stopping").register(registry);
        Gauge.builder("graphfleet.memory.budget", sources, MetricsSources::memoryBudgetBytes).baseUnit("bytes")
                .description("The node's memory budget for buffer pools (max_memory_mb)").register(registry);
        Gauge.builder("graphfleet.process.resident.memory", sources, s -> orNaN(s.processMemory().rssBytes()))
                .baseUnit("bytes").description("Resident memory of the node process, native engine memory included")
                .register(registry);
        Gauge.builder("graphfleet.process.memory.budget", sources, s -> orNaN(s.processMemory().budgetBytes()))
                .baseUnit("bytes").description("The process's whole memory budget (heap and buffer pools) its resident"
                        + " memory is held against").register(registry);
    }

    private void registerSystem() {
        sample("graphfleet.system.cpu.usage", "ratio", "Whole-system CPU use, 0..1",
                s -> s.cpuPercent() == null ? Double.NaN : s.cpuPercent() / 100.0);
        sample("graphfleet.system.memory.usage", "ratio", "System memory in use (total minus available), 0..1",
                s -> s.memoryPercent() == null ? Double.NaN : s.memoryPercent() / 100.0);
        sample("graphfleet.system.memory.total", "bytes", "Physical memory", s -> orNaN(s.memoryTotalBytes()));
        sample("graphfleet.system.memory.available", "bytes", "Memory available without swapping",
                s -> orNaN(s.memoryAvailableBytes()));
        volume("graphfleet.data.volume.size", "bytes", "Size of the data volume's file system (simulated on "
                + "the local fleet)", ResourceSample.DiskUsage::totalBytes, DataVolumeReading::sizeBytes);
        volume("graphfleet.data.volume.used", "bytes", "Used bytes of the data volume",
                ResourceSample.DiskUsage::usedBytes, DataVolumeReading::usedBytes);
        volume("graphfleet.data.volume.free", "bytes", "Bytes of the data volume available to the node",
                ResourceSample.DiskUsage::freeBytes, DataVolumeReading::freeBytes);
        volume("graphfleet.data.volume.usage", "ratio", "Used share of the data volume, 0..1",
                ResourceSample.DiskUsage::usageFraction, DataVolumeReading::usageFraction);
        Gauge.builder("graphfleet.databases", sources, s -> s.sizes().lastError() != null ? Double.NaN
                        : s.sizes().latest().map(sizes -> (double) sizes.bytes().size()).orElse(Double.NaN))
                .description("Databases on disk, from the background scan (NaN while the scan fails)").register(registry);
        Gauge.builder("graphfleet.database.size.scan.failing", sources, s -> s.sizes().lastError() != null ? 1 : 0)
                .description("1 when the last database size scan failed (e.g. the data directory is gone); "
                        + "/metrics names the error").register(registry);
        Gauge.builder("graphfleet.database.size.scan.age", sources, s -> s.sizes().latest()
                        .map(sizes -> java.time.Duration.between(sizes.collectedAt(), s.clock().instant()).toMillis() / 1000.0)
                        .orElse(Double.NaN))
                .baseUnit("seconds").description("Age of the last completed database size scan").register(registry);
    }

    private void sample(String name, String unit, String description, ToDoubleFunction<ResourceSample> value) {
        Gauge.builder(name, sources, s -> {
            ResourceSample sample = s.resources().latest();
            return sample == null ? Double.NaN : value.applyAsDouble(sample);
        }).baseUnit(unit).description(description).register(registry);
    }

    /** A data volume gauge: from the data volume source when the node has one, else from the file system. */
    private void volume(String name, String unit, String description,
                        ToDoubleFunction<ResourceSample.DiskUsage> fromDisk,
                        ToDoubleFunction<DataVolumeReading> fromSource) {
        if (sources.dataVolume() != null) {
            Gauge.builder(name, sources, s -> s.dataVolume().latest().map(fromSource::applyAsDouble)
                    .orElse(Double.NaN)).baseUnit(unit).description(description).register(registry);
        } else {
            sample(name, unit, description, s -> s.disk() == null ? Double.NaN : fromDisk.applyAsDouble(s.disk()));
        }
    }

    private void registerPoolCounters() {
        // not "created": Prometheus reserves the _created suffix (and strips it)
        poolCounter("opened", "Connections opened", PoolStatistics::created);
        poolCounter("reused", "Borrows served by an idle connection", PoolStatistics::reused);
        poolCounter("closed", "Connections closed", PoolStatistics::closed);
        poolCounter("waits", "Borrows that had to wait for a connection", PoolStatistics::waits);
        poolCounter("timeouts", "Borrows that gave up: pool exhausted", PoolStatistics::timeouts);
        poolCounter("health.checks", "Health checks of idle connections", PoolStatistics::healthChecks);
        poolCounter("health.failures", "Failed health checks (connection replaced)", PoolStatistics::healthFailures);
        poolCounter("leaks", "Connections held past the leak threshold", PoolStatistics::leaks);
    }

    private void poolCounter(String name, String description, ToDoubleFunction<PoolStatistics> value) {
        FunctionCounter.builder("graphfleet.pool.connections." + name, sources,
                        s -> value.applyAsDouble(s.pool().statistics()))
                .description(description).register(registry);
    }

    private void registerAdmissionCounters() {
        FunctionCounter.builder("graphfleet.admission.accepted", sources, s -> s.admission().snapshot().accepted())
                .description("Requests admitted").register(registry);
        Gauge.builder("graphfleet.admission.in_flight_limit", sources,
                        s -> s.admission().snapshot().inFlightLimit())
                .description("The node's limit on queries in flight now (adaptive: it follows their latency)")
                .register(registry);
        for (String reason : List.of("memory", "cpu", "in_flight", "limit")) {
            FunctionCounter.builder("graphfleet.admission.rejected", sources,
                            s -> s.admission().snapshot().rejected().getOrDefault(reason, 0L))
                    .tag("reason", reason).description("Requests refused by admission control, by reason")
                    .register(registry);
        }
    }

    private void registerStopsAndEvictions() {
        for (String reason : QueryStats.STOP_REASONS) {
            FunctionCounter.builder("graphfleet.queries.stopped", sources, s -> s.queries().stopped(reason))
                    .tag("reason", reason)
                    .description("Queries the node stopped, by reason (query_timeout: deadline; memory_limit: "
                            + "process over its memory budget)").register(registry);
        }
        FunctionCounter.builder("graphfleet.memory.governor.evictions", sources, s -> orNaN(s.governorEvictions()))
                .description("Databases the memory governor closed to keep buffer pools within budget "
                        + "(NaN while no governor watches the pool)").register(registry);
    }

    private void refreshPerDatabase() {
        List<MultiGauge.Row<?>> sizes = new ArrayList<>();
        if (sources.sizes().lastError() == null) { // a failing scan's last figures are not current
            sources.sizes().latest().ifPresent(latest -> latest.bytes().forEach((name, bytes) ->
                    sizes.add(MultiGauge.Row.of(Tags.of("database", name), bytes))));
        }
        databaseSizes.register(sizes, true);

        PoolStatistics statistics = sources.pool().statistics();
        List<MultiGauge.Row<?>> connections = new ArrayList<>();
        List<MultiGauge.Row<?>> max = new ArrayList<>();
        List<MultiGauge.Row<?>> buffers = new ArrayList<>();
        statistics.databases().forEach((name, db) -> {
            connections.add(MultiGauge.Row.of(Tags.of("database", name, "state", "idle"), db.idle()));
            connections.add(MultiGauge.Row.of(Tags.of("database", name, "state", "in_use"), db.inUse()));
            max.add(MultiGauge.Row.of(Tags.of("database", name), db.max()));
            if (db.open()) {
                buffers.add(MultiGauge.Row.of(Tags.of("database", name), sources.bufferPoolBytesPerDatabase()));
            }
        });
        poolConnections.register(connections, true);
        poolMax.register(max, true);
        bufferPools.register(buffers, true);

        List<MultiGauge.Row<?>> used = new ArrayList<>();
        List<MultiGauge.Row<?>> limits = new ArrayList<>();
        for (var reading : sources.pool().lastBufferPoolUsage()) {
            used.add(MultiGauge.Row.of(Tags.of("database", reading.database()), reading.usedBytes()));
            limits.add(MultiGauge.Row.of(Tags.of("database", reading.database()), reading.limitBytes()));
        }
        bufferPoolsUsed.register(used, true);
        bufferPoolsLimit.register(limits, true);

        AdmissionSnapshot admission = sources.admission().snapshot();
        List<MultiGauge.Row<?>> running = new ArrayList<>();
        admission.inFlight().forEach((name, count) -> running.add(MultiGauge.Row.of(Tags.of("database", name), count)));
        inFlight.register(running, true);

        List<MultiGauge.Row<?>> phases = new ArrayList<>();
        Map<String, Integer> byPhase = sources.attachmentsByPhase().get();
        byPhase.forEach((phase, count) -> phases.add(MultiGauge.Row.of(Tags.of("phase", phase), count)));
        attachments.register(phases, true);
    }

    private static double orNaN(Long value) {
        return value == null ? Double.NaN : value;
    }

    private static double orNaN(java.util.OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : Double.NaN;
    }
}
