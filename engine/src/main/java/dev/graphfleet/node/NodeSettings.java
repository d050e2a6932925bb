package dev.graphfleet.node;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.config.Ports;
import dev.graphfleet.node.admission.AdmissionSettings;
import dev.graphfleet.node.metrics.MetricsSettings;
import dev.graphfleet.node.statement.StatementPolicy;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.PoolSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a node needs to run; the config file maps onto this.
 *
 * @param nodeId            reported in /health, /metrics and Prometheus labels
 * @param host              address to listen on (127.0.0.1 by default: expose deliberately)
 * @param port              port to listen on; 0 picks a free one ({@link GraphNode#port()} tells which)
 * @param apiKey            the API key itself (already read from the environment), or null for none.
 *                          Never logged: {@link #toString()} masks it
 * @param dataDir           where the databases live ({@code <name>.kuzu}); also the volume reported
 * @param databases         how databases are opened (buffer pool, query timeout, connections per database);
 *                          a {@link NodeType#SHARED_REPLICA} opens them read-only whatever this says
 * @param memoryBudgetBytes the node's memory budget ({@code max_memory_mb}), against which buffer pools are judged
 * @param shutdownGrace     how long a stop waits for queries in flight before cancelling them
 * @param statements        which statements beyond reading and writing the database a query may run
 * @param tls               serve HTTPS with this key store, or null for plain HTTP
 */
public record NodeSettings(String nodeId, NodeType type, String host, int port, String apiKey, Path dataDir,
                           DatabaseDefaults databases, PoolSettings pool, long memoryBudgetBytes,
                           QueryLimits queryLimits, MetricsSettings metrics, AdmissionSettings admission,
                           Duration shutdownGrace, StatementPolicy statements, NodeTls tls) {

    public static final int DEFAULT_PORT = 8001;

    public NodeSettings {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("node id must not be empty");
        }
        if (type == null) {
            throw new IllegalArgumentException("node type is required: writer, shared_master or shared_replica");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("node host must not be empty (use 127.0.0.1 or 0.0.0.0)");
        }
        if (!Ports.canListenOn(port)) {
            throw new IllegalArgumentException("node port must be " + Ports.LISTEN_RANGE + ", got " + port);
        }
        if (apiKey != null && apiKey.isEmpty()) {
            apiKey = null;
        }
        if (dataDir == null) {
            throw new IllegalArgumentException("node data directory is required");
        }
        if (memoryBudgetBytes <= 0) {
            throw new IllegalArgumentException("node memory budget must be positive, got " + memoryBudgetBytes);
        }
        if (shutdownGrace == null || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdown grace must be zero or positive");
        }
        if (statements == null) {
            statements = StatementPolicy.DEFAULTS;
        }
        if (databases == null || pool == null || queryLimits == null || metrics == null || admission == null) {
            throw new IllegalArgumentException("database, pool, query, metrics and admission settings are required");
        }
    }

    /** A writer on 127.0.0.1:8001 with the original's defaults and no API key. */
    public static NodeSettings defaults(Path dataDir) {
        return new NodeSettings("writer-" + ProcessHandle.current().pid(), NodeType.WRITER, "127.0.0.1", DEFAULT_PORT,
                null, dataDir, DatabaseDefaults.writer(), PoolSettings.DEFAULTS, 2048 * DatabaseDefaults.MIB,
                QueryLimits.DEFAULTS, MetricsSettings.DEFAULTS, AdmissionSettings.DEFAULTS, Duration.ofSeconds(30), StatementPolicy.DEFAULTS, null);
    }

    public boolean apiKeyConfigured() {
        return apiKey != null;
    }

    /** The database defaults as this node applies them: read-only on a replica. */
    public DatabaseDefaults effectiveDatabases() {
        return type.isReadOnly() ? databases.withReadOnly(true) : databases;
    }

    public NodeSettings withNodeId(String id) {
        return new NodeSettings(id, type, host, port, apiKey, dataDir, databases, pool, memoryBudgetBytes, queryLimits,
                metrics, admission, shutdownGrace, statements, tls);
    }

    public NodeSettings withType(NodeType nodeType) {
        return new NodeSettings(nodeId, nodeType, host, port, apiKey, dataDir, databases, pool, memoryBudgetBytes,
                queryLimits, metrics, admission, shutdownGrace, statements, tls);
    }

    public NodeSettings withListen(String listenHost, int listenPort) {
        return new NodeSettings(nodeId, type, listenHost, listenPort, apiKey, dataDir, databases, pool,
                memoryBudgetBytes, queryLimits, metrics, admission, shutdownGrace, statements, tls);
    }

    public NodeSettings withApiKey(String key) {
        return new NodeSettings(nodeId, type, host, port, key, dataDir, databases, pool, memoryBudgetBytes, queryLimits,
                metrics, admission, shutdownGrace, statements, tls);
    }

    public NodeSettings withDatabases(DatabaseDefaults defaults) {
        return new NodeSettings(nodeId, type, host, port, apiKey, dataDir, defaults, pool, memoryBudgetBytes,
                queryLimits, metrics, admission, shutdownGrace, statements, tls);
    }

    public NodeSettings withPool(PoolSettings poolSettings) {
        return new NodeSettings(nodeId, type, host, port, apiKey, dataDir, databases, poolSettings, memoryBudgetBytes,
                queryLimits, metrics, admission, shutdownGrace, statements, tls);
    }

    public NodeSettings withMemoryBudgetBytes(long bytes) {
        return new NodeSettings(nodeId, type, host, port, apiKey, dataDir, databases, pool, bytes, queryLimits,
                metrics, admission, shutdownGrace, statements, tls);
    }

    public NodeSettings withQueryLimits(QueryLimits limits) {
        return new NodeSettings(nodeId, type, host, port, apiKey, dataDir, databases, pool, memoryBudgetBytes, limits,
                metrics, admission, shutdownGrace, statements, tls);
    }

    public NodeSettings withMetrics(MetricsSettings metricsSettings) {
        return new NodeSettings(nodeId, type, host, port, apiKey, dataDir, databases, pool, memoryBudgetBytes,
                queryLimits, metricsSettings, admission, shutdownGrace, statements, tls);
    }

    public NodeSettings withAdmission(AdmissionSettings admissionSettings) {
        return new NodeSettings(nodeId, type, host, port, apiKey, dataDir, databases, pool, memoryBudgetBytes,
                queryLimits, metrics, admissionSettings, shutdownGrace, statements, tls);
    }

    public NodeSettings withShutdownGrace(Duration grace) {
        return new NodeSettings(nodeId, type, host, port, apiKey, dataDir, databases, pool, memoryBudgetBytes,
                queryLimits, metrics, admission, grace, statements, tls);
    }

    public NodeSettings withStatements(StatementPolicy policy) {
        return new NodeSettings(nodeId, type, host, port, apiKey, dataDir, databases, pool, memoryBudgetBytes,
                queryLimits, metrics, admission, shutdownGrace, policy, tls);
    }

    public NodeSettings withTls(NodeTls keyStore) {
        return new NodeSettings(nodeId, type, host, port, apiKey, dataDir, databases, pool, memoryBudgetBytes,
                queryLimits, metrics, admission, shutdownGrace, statements, keyStore);
    }

    /** Like the record's, with the API key masked. */
    @Override
    public String toString() {
        return "NodeSettings[nodeId=" + nodeId + ", type=" + type.wireName() + ", host=" + host + ", port=" + port
                + ", apiKey=" + (apiKey == null ? "(none)" : "(set)") + ", dataDir=" + dataDir
                + ", databases=" + databases + ", pool=" + pool + ", memoryBudgetBytes=" + memoryBudgetBytes
                + ", queryLimits=" + queryLimits + ", metrics=" + metrics + ", admission=" + admission
                + ", shutdownGrace=" + shutdownGrace + ", statements=" + statements + ", tls=" + tls + "]";
    }
}
