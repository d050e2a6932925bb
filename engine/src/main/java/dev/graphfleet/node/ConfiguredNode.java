package dev.graphfleet.node;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.InstanceConfig;
import dev.graphfleet.config.NodeConfig;
import dev.graphfleet.config.PoolConfig;
import dev.graphfleet.config.StoreConfig;
import dev.graphfleet.config.TlsConfig;
import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.node.admission.AdmissionSettings;
import dev.graphfleet.node.metrics.MetricsSettings;
import dev.graphfleet.node.statement.StatementPolicy;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.MemoryGovernor;
import dev.graphfleet.pool.PoolSettings;
import dev.graphfleet.repo.FetchOptions;
import dev.graphfleet.repo.RepositoryCache;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.RepositoryStore;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.repo.s3.RepositoryStores;
import dev.graphfleet.repo.s3.S3Settings;
import dev.graphfleet.shared.AttachPhase;
import dev.graphfleet.shared.AttachSettings;
import dev.graphfleet.shared.RepositoryRefresher;
import dev.graphfleet.shared.SharedRepositories;
import dev.graphfleet.shared.SharedRepositorySettings;
import dev.graphfleet.shared.StoreRepositorySource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

/**
 * A node as the config file describes it: the tier's memory and limits, the {@code node} section's
 * listen address, key, pool, metrics and admission settings; for a shared node also its store,
 * cache and repositories, attached in the background while {@code /health} answers 503.
 */
public final class ConfiguredNode implements AutoCloseable {

    private final GraphNode node;
    private final SharedRepositories shared;
    private final RepositoryStore store;
    private final MemoryGovernor writerGovernor;
    private final RepositoryRefresher refresher;

    private ConfiguredNode(GraphNode node, SharedRepositories shared, RepositoryStore store, MemoryGovernor writerGovernor,
                           RepositoryRefresher refresher) {
        this.node = node;
        this.shared = shared;
        this.store = store;
        this.writerGovernor = writerGovernor;
        this.refresher = refresher;
    }

    /**
     * What a node of the local fleet adds ({@code serve --local-fleet}): its simulated data volume, the
     * versions its repositories start on (a rollback's pins; absent: the store's current) and, for its
     * shared master, its own databases in the data directory instead of a store.
     */
    public record LocalParts(dev.graphfleet.node.metrics.DataVolumeSource dataVolume, Map<String, String> pinnedVersions,
                             boolean ownDatabases) {
        public static final LocalParts NONE = new LocalParts(null, Map.of(), false);

        public LocalParts {
            pinnedVersions = Map.copyOf(pinnedVersions);
        }
    }

    /** Starts the node; {@code environment} supplies the API key variable named in config. */
    public static ConfiguredNode start(GraphfleetConfig config, Map<String, String> environment) {
        return start(config, environment, LocalParts.NONE);
    }

    /** Starts the node with the local fleet's {@code local} parts. */
    public static ConfiguredNode start(GraphfleetConfig config, Map<String, String> environment, LocalParts local) {
        NodeSettings settings = settings(config, environment);
        NodeConfig nodeConfig = config.requireNode();
        if (!nodeConfig.type().isShared() || local.ownDatabases()) {
            // A writer's per-database pools are oversubscribed on purpose (10 x 2 GB on 14 GB): the
            // governor closes (and so checkpoints) the least recently used idle database over budget.
            GraphNode writer = GraphNode.builder(settings).queryHeadroomBytes(nodeConfig.memory().queryHeadroomBytes())
                    .dataVolume(local.dataVolume()).start();
            MemoryGovernor governor = new MemoryGovernor(writer.pool(), settings.memoryBudgetBytes(), 0.9)
                    .start(Duration.ofSeconds(5));
            return new ConfiguredNode(writer, null, null, governor, null);
        }
        if (nodeConfig.store() == null) {
            throw new IllegalArgumentException("node.store: a " + nodeConfig.type().wireName()
                    + " needs a repository store; add node.store.uri (s3://bucket/prefix or file:///dir)");
        }
        RepositoryStore store = openStore(nodeConfig.store());
        AtomicReference<SharedRepositories> sharedRef = new AtomicReference<>();
        RepositoryCache cache = new RepositoryCache(nodeConfig.cacheDir(), Long.MAX_VALUE,
                () -> sharedRef.get() == null ? Set.of() : sharedRef.get().servingVersions(), Clock.systemUTC());
        StoreRepositorySource source = new StoreRepositorySource(store,
                new RepositoryFetcher(store, cache, FetchOptions.defaults()));
        SharedRepositories shared = new SharedRepositories(GraphEngines.load(), source, sharedSettings(config, settings),
                Clock.systemUTC());
        sharedRef.set(shared);
        RepositoryRefresher refresher = new RepositoryRefresher(shared.attachments(), source,
                nodeConfig.shared().refreshInterval(), Clock.systemUTC());
        GraphNode node;
        try {
            node = GraphNode.builder(settings).pool(shared.pool()).attachments(SharedAttachments.of(shared, refresher))
                    .refresher(refresher).replicaGroup(nodeConfig.replicaGroup())
                    .queryHeadroomBytes(nodeConfig.memory().queryHeadroomBytes())
                    .staleness(staleness(nodeConfig.staleness())).dataVolume(local.dataVolume()).start();
        } catch (RuntimeException e) {
            shared.close();
            throw e;
        }
        List<String> repositories = config.nodeRepositories();
        repositories.forEach(dev.graphfleet.repo.RepositoryName::of); // every name is checked before anything starts
        repositories.stream().filter(local.pinnedVersions()::containsKey)
                .forEach(name -> shared.attachments().moveTo(name, local.pinnedVersions().get(name)));
        shared.attachAll(repositories.stream().filter(name -> !local.pinnedVersions().containsKey(name)).toList());
        refresher.start();
        return new ConfiguredNode(node, shared, store, null, refresher);
    }

    /** {@code node.staleness} as the node applies it. */
    static dev.graphfleet.node.health.StalenessSettings staleness(dev.graphfleet.config.StalenessConfig config) {
        return new dev.graphfleet.node.health.StalenessSettings(config.maxAge(), config.peers(), config.peerCheck());
    }

    /** The node settings of the config's {@code node} section on its tier (or replica group). */
    public static NodeSettings settings(GraphfleetConfig config, Map<String, String> environment) {
        NodeConfig node = config.requireNode();
        InstanceConfig instance = config.nodeInstance();
        PoolConfig pool = node.pool();
        DatabaseDefaults databases = new DatabaseDefaults(instance.bufferPoolBytes(),
                instance.maxDbSizeBytes(), node.type().isReadOnly(),
                (long) instance.checkpointThresholdMb() * DatabaseSettings.MIB, checkpointOverrides(instance), instance.queryTimeout(), true,
                instance.connectionPoolSize(), pool.connectionTtl());
        PoolSettings poolSettings = new PoolSettings(pool.acquireTimeout(), pool.healthCheckInterval(),
                pool.cleanupInterval(), pool.leakDetectionThreshold(), true);
        var admission = node.admission();
        AdmissionSettings admissionSettings = new AdmissionSettings(admission.memoryPercent(), admission.cpuPercent(),
                admission.ingestionCpuPercent(), admission.maxInFlightPerDatabase(), admission.retryAfter(),
                AdmissionSettings.DEFAULTS.sampleInterval(), admission.adaptive(), admission.minInFlight(),
                admission.maxInFlight());
        MetricsSettings metrics = MetricsSettings.DEFAULTS;
        metrics = new MetricsSettings(node.metrics().timeout(), metrics.sizeScanInterval(), metrics.sizeScanBatch(),
                metrics.sizeScanPause());
        String id = node.id() != null ? node.id() : node.type().wireName() + "-" + ProcessHandle.current().pid();
        return NodeSettings.defaults(node.dataDir())
                .withNodeId(id)
                .withType(node.type())
                .withListen(node.api().host(), node.api().port())
                .withApiKey(node.api().apiKey(environment).orElse(null))
                .withDatabases(databases)
                .withPool(poolSettings)
                .withMemoryBudgetBytes((long) instance.maxMemoryMb() * DatabaseSettings.MIB)
                .withQueryLimits(QueryLimits.DEFAULTS.withMaxQueryLength(instance.maxQueryLength())
                        .withBodyReadTimeout(node.api().bodyReadTimeout()))
                .withMetrics(metrics)
                .withAdmission(admissionSettings)
                .withStatements(StatementPolicy.DEFAULTS.withAllowCopyFrom(node.api().allowCopyFrom()))
                .withTls(tls(node.api().tls(), environment));
    }

    private static NodeTls tls(TlsConfig tls, Map<String, String> environment) {
        return tls == null ? null : new NodeTls(tls.keyStore(), tls.password(environment));
    }

    private static Map<String, Long> checkpointOverrides(InstanceConfig instance) {
        Map<String, Long> bytes = new java.util.HashMap<>();
        instance.checkpointThresholdMbByDatabase().forEach((db, mb) -> bytes.put(db, (long) mb * DatabaseSettings.MIB));
        return bytes;
    }

    private static SharedRepositorySettings sharedSettings(GraphfleetConfig config, NodeSettings settings) {
        NodeConfig node = config.requireNode();
        InstanceConfig instance = config.nodeInstance();
        var attach = node.attach();
        List<Duration> backoff = IntStream.rangeClosed(1, Math.max(1, attach.attempts() - 1))
                .mapToObj(attach::backoffAfter).toList();
        return new SharedRepositorySettings(settings.memoryBudgetBytes(), 0.9, instance.connectionPoolSize(),
                instance.queryTimeout(), node.pool().repositoryTtl(), settings.pool(),
                new AttachSettings(attach.attempts(), backoff, Duration.ofMinutes(1)), Duration.ofSeconds(5), 4,
                instance.maxDbSizeBytes());
    }

    private static RepositoryStore openStore(StoreConfig store) {
        S3Settings s3 = S3Settings.defaults();
        if (store.region() != null) {
            s3 = s3.withRegion(store.region());
        }
        if (store.endpoint() != null) {
            s3 = s3.withEndpoint(store.endpoint()).withPathStyle(true);
        }
        return RepositoryStores.open(StoreUri.parse(store.uri().toString()), s3);
    }

    public GraphNode node() {
        return node;
    }

    /**
     * Waits until every repository is attached (at once for a writer).
     *
     * @return false if that did not happen within {@code timeout}
     */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        if (shared == null) {
            return true;
        }
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(1);
        shared.attachments().addListener(status -> {
            if (shared.attachments().allAttached()) {
                ready.countDown();
            }
        });
        return shared.attachments().allAttached() || ready.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    public void awaitStopped() throws InterruptedException {
        node.awaitStopped();
    }

    /** Stops the node gracefully, then the attachments and the store. */
    @Override
    public void close() {
        if (writerGovernor != null) {
            writerGovernor.close();
        }
        if (refresher != null) {
            refresher.close();
        }
        node.stop();
        if (shared != null) {
            shared.close();
        }
        if (store != null) {
            try {
                store.close();
            } catch (IOException e) {
                // closing an HTTP client: nothing to recover
            }
        }
    }
}
