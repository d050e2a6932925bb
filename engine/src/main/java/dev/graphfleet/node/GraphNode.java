package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.node.admission.AdmissionController;
import dev.graphfleet.node.admission.MemoryLimitException;
import dev.graphfleet.node.admission.ResourceGauge;
import dev.graphfleet.node.admission.ResourceSampler;
import dev.graphfleet.node.health.NodeHealth;
import dev.graphfleet.node.memory.HeadroomLedger;
import dev.graphfleet.node.memory.MemoryWatchdog;
import dev.graphfleet.node.memory.ProcessMemoryBudget;
import dev.graphfleet.node.health.StalenessSettings;
import dev.graphfleet.node.metrics.DatabaseSizeScanner;
import dev.graphfleet.node.metrics.DataVolumeSource;
import dev.graphfleet.node.metrics.DatabaseSizeSource;
import dev.graphfleet.node.metrics.DirectorySizeSource;
import dev.graphfleet.node.metrics.MetricsCollector;
import dev.graphfleet.node.metrics.MetricsSources;
import dev.graphfleet.node.metrics.NodeMetrics;
import dev.graphfleet.node.metrics.ProcessMemory;
import dev.graphfleet.node.metrics.PrometheusMetrics;
import dev.graphfleet.node.metrics.QueryStats;
import dev.graphfleet.pool.DirectoryCatalog;
import dev.graphfleet.node.statement.StatementGuard;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.shared.RepositoryRefresher;
import dev.graphfleet.time.Sleeper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Undertow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A headless graph node: the HTTP API over its connection pool, with metrics and admission control.
 *
 * <pre>{@code
 * try (GraphNode node = GraphNode.start(NodeSettings.defaults(dataDir).withListen("127.0.0.1", 0))) {
 *     URI api = node.uri(); // e.g. http://127.0.0.1:41234
 * }
 * }</pre>
 *
 * {@link #stop()} is graceful: new requests are refused (503), those in flight may finish within the
 * shutdown grace, the rest are cancelled, then writable databases are checkpointed and closed.
 */
public final class GraphNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GraphNode.class);
    /** After cancelling, how long to wait for the cancelled queries to answer. */
    private static final Duration CANCEL_WAIT = Duration.ofSeconds(5);
    /** How often the process's resident memory is read: a query allocating fast is stopped within this. */
    private static final long MEMORY_CHECK_MILLIS = 10;

    private final NodeSettings settings;
    /** {@code node.replica_group}, said on /health; null when the config names none. */
    private final String replicaGroup;
    private final GraphPool pool;
    private final NodeStatus status;
    private final NodeHealth health;
    private final AdmissionController admission;
    private final ActiveQueries active;
    private final MemoryWatchdog memory;
    private final QueryThreads queryThreads;
    private final DeadlineReaper deadlines;
    private final ShutdownGate gate;
    private final Undertow server;
    private final InetSocketAddress address;
    private final Deque<AutoCloseable> background;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final CountDownLatch stoppedLatch = new CountDownLatch(1);

    private GraphNode(Builder builder) {
        this.settings = builder.settings;
        this.replicaGroup = builder.replicaGroup;
        this.background = new ArrayDeque<>();
        SSLContext tls = settings.tls() == null ? null : settings.tls().sslContext(); // a bad key store fails first
        GraphEngine engine = GraphEngines.load();
        Clock clock = builder.clock;
        createDataDir();
        this.pool = builder.pool != null ? builder.pool : new GraphPool(engine,
                new DirectoryCatalog(settings.dataDir(), engine.fileExtension(), settings.effectiveDatabases(), false),
                settings.pool(), settings.memoryBudgetBytes());
        try {
            ResourceGauge resources = builder.resources;
            if (resources == null) {
                ResourceSampler sampler = ResourceSampler.start(settings.dataDir(), clock,
                        settings.admission().sampleInterval());
                background.push(sampler);
                resources = sampler;
            }
            DatabaseSizeSource sizeSource = builder.sizeSource != null ? builder.sizeSource
                    : new DirectorySizeSource(settings.dataDir(), engine.fileExtension(),
                    settings.metrics().sizeScanBatch(), settings.metrics().sizeScanPause());
            DatabaseSizeScanner sizes = DatabaseSizeScanner.start(sizeSource, clock, settings.metrics().sizeScanInterval());
            background.push(sizes);
            awaitFirstScan(sizes);

            this.status = new NodeStatus(settings.nodeId(), settings.type(), clock, builder.attachments);
            this.health = NodeHealth.start(builder.staleness, builder.attachments::attachments, clock, settings.nodeId());
            background.push(health);
            ProcessMemoryBudget memoryBudget = ProcessMemoryBudget.of(settings.memoryBudgetBytes(), builder.queryHeadroomBytes);
            this.active = new ActiveQueries(() -> new MemoryLimitException(memory().stoppedReason(),
                    settings.admission().retryAfter()), HeadroomLedger.forHeadroom(memoryBudget.queryHeadroomBytes(),
                    settings.pool().acquireTimeout(), settings.admission().retryAfter()));
            this.memory = MemoryWatchdog.start(memoryBudget, active::interruptForMemory, MEMORY_CHECK_MILLIS);
            background.push(memory);
            this.admission = new AdmissionController(settings.admission(), resources, memory);
            this.queryThreads = new QueryThreads(QueryThreads.size(settings.databases().maxConnections(),
                    settings.admission().maxInFlightPerDatabase()));
            background.push(queryThreads);
            this.deadlines = new DeadlineReaper();
            background.push(deadlines);
            PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            background.push(registry::close);
            QueryStats stats = new QueryStats(clock, registry);
            MetricsSources sources = new MetricsSources(settings.nodeId(), settings.type().wireName(),
                    status.startedAt(), clock, resources, settings.admission().sampleInterval(), sizes, stats, pool,
                    settings.databases().bufferPoolBytes(), settings.memoryBudgetBytes(), admission,
                    () -> AttachmentsDocument.of(builder.attachments, health),
                    () -> AttachmentsDocument.byPhase(builder.attachments.attachments()), status::ready, settings.metrics(),
                    builder.dataVolume, builder.processMemory != null ? builder.processMemory
                    : memory.figures(), settings.databases().maxConnections());
            health.bindTo(registry);
            if (builder.refresher != null) {
                builder.refresher.bindTo(registry);
            }
            MetricsCollector collector = NodeMetrics.collector(sources);
            background.push(collector);

            this.gate = routes(sources, collector, new PrometheusMetrics(sources, registry), builder.attachments,
                    builder.refresher, clock);
            // workers wait for query threads, so there are more of them; /health needs none
            Undertow.Builder undertow = ServerTimeouts.apply(Undertow.builder(), settings).setHandler(gate)
                    .setWorkerThreads(Math.max(16, queryThreads.size() + 8));
            if (tls != null) {
                undertow.addHttpsListener(settings.port(), settings.host(), tls);
            } else {
                undertow.addHttpListener(settings.port(), settings.host());
            }
            this.server = undertow.build();
            this.address = listen();
        } catch (RuntimeException | Error e) {
            closeBackground();
            pool.close();
            throw e;
        }
        status.serving();
        log.info("node {} ({}) listening on {}; API key {}", settings.nodeId(), settings.type().wireName(), uri(),
                settings.apiKeyConfigured() ? "required" : "not configured: every endpoint is open");
    }

    private ShutdownGate routes(MetricsSources sources, MetricsCollector collector, PrometheusMetrics prometheus,
                                AttachmentSource attachments, RepositoryRefresher refresher,
                                Clock clock) {
        ObjectMapper mapper = HttpJson.mapper();
        ErrorMapper errors = new ErrorMapper(settings.admission().retryAfter(), settings.databases().queryTimeout());
        QueryLimits limits = settings.queryLimits();
        QueryRunner runner = new QueryRunner(pool, admission, active,
                new WriteConflictRetry(limits.writeConflictRetry(), Sleeper.system()),
                RangeLimit.forHeadroom(memory.budget().queryHeadroomBytes()), queryThreads);
        Duration operationWait = DatabaseOperationRoute.waitFor(settings.databases().queryTimeout(),
                settings.pool().acquireTimeout());
        NodeRoutes.Routes routes = new NodeRoutes.Routes(
                new HealthRoute(status, health, mapper, settings.effectiveDatabases().readOnly(), replicaGroup),
                new MetricsRoute(collector, mapper),
                new PrometheusRoute(prometheus),
                new DatabasesRoute(pool, sources.sizes(), settings.effectiveDatabases().readOnly(), mapper),
                new QueryRoute(new QueryRequestReader(mapper, limits, new StatementGuard(
                        settings.statements().withReadOnly(settings.effectiveDatabases().readOnly()))), runner,
                        new NdjsonWriter(mapper, errors, limits.streamChunkRows()), errors, sources.queries(), pool,
                        mapper, limits.maxRows(), attachments, clock, settings.databases().queryTimeout(), deadlines),
                new DatabaseOperationRoute(pool, mapper, DatabaseOperationRoute.Operation.INVALIDATE, operationWait),
                new DatabaseOperationRoute(pool, mapper, DatabaseOperationRoute.Operation.CLEANUP, operationWait),
                new DatabaseOperationRoute(pool, mapper, DatabaseOperationRoute.Operation.CLOSE, operationWait),
                new PoolRoute(pool, mapper),
                new AttachmentsRoute(attachments, mapper),
                new RefreshRoute(refresher, mapper, settings.admission().retryAfter()));
        return NodeRoutes.build(routes, settings.apiKey(), errors, mapper, sources.queries(), limits);
    }

    /** The first /metrics should have sizes; a slow disk delays the start by the metrics timeout at most. */
    private void awaitFirstScan(DatabaseSizeScanner sizes) {
        try {
            if (!sizes.awaitFirstScan(settings.metrics().sectionTimeout())) {
                log.warn("the first database size scan of {} is slow; /metrics reports sizes once it ends",
                        settings.dataDir());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InetSocketAddress listen() {
        try {
            server.start();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + cause.getMessage(), e);
        }
        return (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    }

    private void createDataDir() {
        try {
            Files.createDirectories(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + settings.dataDir() + ": " + e, e);
        }
    }

    /** Starts a node that opens the databases in {@code settings.dataDir()}. */
    public static GraphNode start(NodeSettings settings) {
        return builder(settings).start();
    }

    public static Builder builder(NodeSettings settings) {
        return new Builder(settings);
    }

    /** The port listened on (the one picked when the settings said 0). */
    public int port() {
        return address.getPort();
    }

    public String host() {
        return settings.host();
    }

    /** The base URI of the API, e.g. {@code http://127.0.0.1:8001} ({@code https} with TLS). */
    public URI uri() {
        String host = address.getAddress() != null && address.getAddress() instanceof java.net.Inet6Address
                ? "[" + address.getHostString() + "]" : address.getHostString();
        return URI.create((settings.tls() != null ? "https://" : "http://") + host + ":" + port());
    }

    public NodeSettings settings() {
        return settings;
    }

    /** The node's pool; the node owns it and closes it on {@link #stop()}. */
    public GraphPool pool() {
        return pool;
    }

    public AdmissionController admission() {
        return admission;
    }

    /** The process memory budget and its watchdog: resident set, over-budget flag, queries stopped. */
    public MemoryWatchdog memory() {
        return memory;
    }

    /** Ready to take traffic: what /health answers with 200. */
    public boolean ready() {
        return status.ready();
    }

    /**
     * Stops gracefully: refuses new requests, lets those in flight finish within the shutdown grace,
     * cancels the rest, stops listening, then checkpoints writable databases and closes the pool.
     * Idempotent; safe from a shutdown hook.
     */
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            beginShutdown();
            log.info("stopping node {}: {} request(s) in flight, waiting up to {} s", settings.nodeId(),
                    gate.inFlight(), settings.shutdownGrace().toSeconds());
            drain();
            server.stop();
            closeBackground();
            checkpointAndClose();
            log.info("node {} stopped", settings.nodeId());
        } finally {
            stoppedLatch.countDown();
        }
    }

    /**
     * The first step of {@link #stop()}, on its own: /health answers 503 and new requests are refused
     * with 503, while requests in flight carry on. Returns at once.
     */
    public void beginShutdown() {
        status.stopping();
        gate.close();
    }

    /** Blocks until {@link #stop()} has finished (from any thread, e.g. a shutdown hook). */
    public void awaitStopped() throws InterruptedException {
        stoppedLatch.await();
    }

    @Override
    public void close() {
        stop();
    }

    private void drain() {
        try {
            if (!gate.awaitIdle(settings.shutdownGrace())) {
                int cancelled = active.interruptAll();
                log.warn("shutdown grace of {} s passed: cancelled {} running quer(ies)", settings.shutdownGrace().toSeconds(),
                        cancelled);
                if (!gate.awaitIdle(CANCEL_WAIT)) {
                    log.warn("{} request(s) still in flight; closing their connections", gate.inFlight());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void checkpointAndClose() {
        pool.statistics().databases().forEach((name, database) -> {
            if (database.open() && !settings.effectiveDatabases().readOnly()) {
                try {
                    pool.forceCleanup(name);
                } catch (RuntimeException e) {
                    log.warn("checkpoint of {} on shutdown failed; the engine replays its WAL on the next open: {}",
                            name, e.getMessage());
                }
            }
        });
        pool.close();
    }

    private void closeBackground() {
        while (!background.isEmpty()) {
            try {
                background.pop().close();
            } catch (Exception e) {
                log.debug("closing a background component failed", e);
            }
        }
    }

    /** Optional parts; each defaults to the real one built from the settings. */
    public static final class Builder {
        private final NodeSettings settings;
        private GraphPool pool;
        private AttachmentSource attachments = AttachmentSource.NONE;
        private RepositoryRefresher refresher;
        private ResourceGauge resources;
        private DatabaseSizeSource sizeSource;
        private DataVolumeSource dataVolume;
        private ProcessMemory processMemory;
        private Clock clock = Clock.systemUTC();
        private StalenessSettings staleness = StalenessSettings.OFF;
        private long queryHeadroomBytes;
        private String replicaGroup;

        private Builder(NodeSettings settings) {
            this.settings = settings;
        }

        /** Serve this pool instead of one on the data directory; the node takes ownership (closes it on stop). */
        public Builder pool(GraphPool graphPool) {
            this.pool = graphPool;
            return this;
        }

        /** The shared repositories' attachment progress (/attachments, /metrics, readiness). */
        public Builder attachments(AttachmentSource status) {
            this.attachments = status;
            return this;
        }

        /** Refresh in place ({@code POST /repositories/{repository}/refresh}, the poll metrics); the caller owns it. */
        public Builder refresher(RepositoryRefresher repositoryRefresher) {
            this.refresher = repositoryRefresher;
            return this;
        }

        /** CPU and memory figures instead of the background sampler (tests hold them fixed). */
        public Builder resources(ResourceGauge gauge) {
            this.resources = gauge;
            return this;
        }

        /** Database sizes instead of scanning the data directory. */
        public Builder sizeSource(DatabaseSizeSource source) {
            this.sizeSource = source;
            return this;
        }

        /**
         * Report this as the data volume ({@code system.volumes.data_volume}, Prometheus
         * {@code graphfleet_data_volume_*}) instead of the file system under the data directory: the local
         * fleet's simulated capacities. The caller owns it (and closes it after the node).
         */
        public Builder dataVolume(DataVolumeSource source) {
            this.dataVolume = source;
            return this;
        }

        /**
         * What the process holds against its memory budget in /metrics and Prometheus (a memory watchdog's
         * readings); default: /proc/self/status against maximum heap plus {@code max_memory_mb}.
         */
        public Builder processMemory(ProcessMemory memory) {
            this.processMemory = memory;
            return this;
        }

        /** The replica group its config names ({@code node.replica_group}), said on /health; null: none. */
        public Builder replicaGroup(String group) {
            this.replicaGroup = group;
            return this;
        }

        /** How stale a shared node's data may be before /health takes it out ({@code node.staleness}); default off. */
        public Builder staleness(StalenessSettings settings) {
            this.staleness = java.util.Objects.requireNonNull(settings, "staleness");
            return this;
        }

        /**
         * The process memory beyond heap and buffer pools ({@code node.memory.query_headroom_mb}); zero
         * or unset derives it from the buffer-pool budget ({@link ProcessMemoryBudget#of}).
         */
        public Builder queryHeadroomBytes(long bytes) {
            this.queryHeadroomBytes = bytes;
            return this;
        }

        /** The wall clock of metrics and uptime. */
        public Builder clock(Clock wallClock) {
            this.clock = wallClock;
            return this;
        }

        public GraphNode start() {
            return new GraphNode(this);
        }
    }
}
