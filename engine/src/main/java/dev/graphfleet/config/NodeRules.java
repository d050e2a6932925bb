package dev.graphfleet.config;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks of the {@code node} section: identity, tier or replica group, API, store and timings. */
final class NodeRules {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1");

    private NodeRules() {
    }

    static void check(GraphfleetConfig config, Findings out) {
        NodeConfig node = config.node();
        if (node.id() == null) {
            out.error("node.id", "missing", "set node.id to a name unique in the fleet, e.g. writer-1");
        } else if (!NODE_ID.matcher(node.id()).matches()) {
            out.error("node.id", Names.quote(node.id()) + " is not a valid node id",
                    "use up to 63 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (node.type() == null) {
            out.error("node.type", "missing", "set node.type to one of " + String.join(", ", NodeType.wireNames()));
        }
        if (node.dataDir() == null) {
            out.error("node.data_dir", "missing", "set node.data_dir to the directory for databases, e.g. /mnt/lbug-data");
        } else if (node.dataDir().toString().isBlank()) {
            // An empty path is the working directory: databases would land wherever the node was started.
            out.error("node.data_dir", "is empty", "set node.data_dir to the directory for databases, e.g. /mnt/lbug-data");
        }
        checkTier(config, node, out);
        checkApi(config, node.api(), out);
        if (node.store() != null) {
            checkStore(node.store(), out);
        }
        checkTimings(node, out);
    }

    private static void checkTier(GraphfleetConfig config, NodeConfig node, Findings out) {
        Map<String, TierConfig> tiers = config.tiers();
        String tierName = node.tier();
        if (node.replicaGroup() != null) {
            ReplicaGroupConfig group = config.replicas().get(node.replicaGroup());
            if (group == null) {
                out.error("node.replica_group", "unknown replica group " + Names.quote(node.replicaGroup()),
                        ConfigValidator.choose("replicas", node.replicaGroup(), config.replicas().keySet()));
                return;
            }
            if (node.type() != null && node.type() != NodeType.SHARED_REPLICA) {
                out.error("node.replica_group", "a " + node.type() + " node is not part of a replica group",
                        "remove node.replica_group, or set node.type to shared_replica");
            }
            if (tierName != null && group.tier() != null && !tierName.equals(group.tier())) {
                out.error("node.tier", "tier " + tierName + " differs from replicas." + node.replicaGroup()
                        + ".tier " + group.tier(), "remove node.tier (the group's tier applies) or make them equal");
                return;
            }
            tierName = group.tier();
        } else if (node.type() == NodeType.SHARED_REPLICA && !config.replicas().isEmpty()) {
            out.warning("node.replica_group", "not set: this shared_replica runs with its tier's instance"
                    + " settings, which are sized for the shared master",
                    "set node.replica_group to its group: " + String.join(", ", config.replicas().keySet()));
        }
        if (tierName == null) {
            if (node.replicaGroup() == null) {
                out.error("node.tier", "missing", "set node.tier to one of: " + String.join(", ", tiers.keySet()));
            }
            return;
        }
        TierConfig tier = tiers.get(tierName);
        if (tier == null) {
            if (node.replicaGroup() == null) {
                out.error("node.tier", "unknown tier " + Names.quote(tierName),
                        ConfigValidator.choose("tiers", tierName, tiers.keySet()));
            }
            return;
        }
        if (node.type() != null && node.type().isShared() && !tier.isShared()) {
            out.error("node.tier", "tier " + tierName + " has no shared_repositories, but a " + node.type()
                    + " node serves shared repositories",
                    "add shared_repositories to tiers." + tierName + ", or point node.tier at a tier that has them");
        } else if (node.type() == NodeType.WRITER && tier.isShared()) {
            out.warning("node.tier", "a writer on tier " + tierName + ", which lists shared_repositories;"
                    + " writers do not serve shared repositories",
                    "use a writer tier, or set node.type to shared_master");
        }
    }

    private static void checkApi(GraphfleetConfig config, ApiConfig api, Findings out) {
        if (api.host().isBlank()) {
            out.error("node.api.host", "is empty", "set it to the address to listen on, e.g. 127.0.0.1");
        }
        out.between("node.api.port", api.port(), Ports.LOWEST_LISTEN, Ports.HIGHEST, "");
        out.between("node.api.body_read_timeout_s", api.bodyReadTimeoutS(), 1, 300, " s");
        if (api.apiKeyEnv() == null) {
            if (!config.isLocal() || !LOOPBACK.contains(api.host())) {
                out.warning("node.api.api_key_env", "not set: the API answers requests without a key",
                        "set api_key_env: GRAPH_API_KEY and export GRAPH_API_KEY with the key on the node");
            }
        } else if (!ENV_VAR.matcher(api.apiKeyEnv()).matches()) {
            // Never echo the value: this is where someone pastes the key itself.
            out.error("node.api.api_key_env", "must be the name of an environment variable (letters, digits, _)",
                    "put the key in an environment variable and write its name here, e.g. GRAPH_API_KEY;"
                            + " the key itself never goes in the config");
        }
        if (api.tls() != null) {
            checkTls(api.tls(), out);
        }
    }

    private static void checkTls(TlsConfig tls, Findings out) {
        if (tls.keyStore() == null || tls.keyStore().toString().isBlank()) {
            out.error("node.api.tls.key_store", "missing", "set it to the path of the node's PKCS12 key store, "
                    + "or remove node.api.tls to serve plain HTTP");
        }
        if (tls.keyStorePasswordEnv() != null && !ENV_VAR.matcher(tls.keyStorePasswordEnv()).matches()) {
            // Never echo the value: this is where someone pastes the password itself.
            out.error("node.api.tls.key_store_password_env", "must be the name of an environment variable "
                    + "(letters, digits, _)", "put the password in an environment variable and write its name here, "
                    + "e.g. GRAPH_TLS_PASSWORD; the password itself never goes in the config");
        }
    }

    private static void checkStore(StoreConfig store, Findings out) {
        URI uri = store.uri();
        if (uri == null) {
            out.error("node.store.uri", "missing", "set it to s3://bucket/prefix or file:///dir");
        } else if (store.isS3()) {
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                out.error("node.store.uri", "has no bucket", "write it as s3://bucket/prefix");
            }
        } else if (store.isFile()) {
            if (uri.getPath() == null || !uri.getPath().startsWith("/")) {
                out.error("node.store.uri", "is not an absolute file URI", "write it as file:///absolute/dir");
            }
        } else {
            out.error("node.store.uri", "has scheme " + uri.getScheme() + "; the store is S3 or a directory",
                    "write it as s3://bucket/prefix or file:///dir");
        }
        URI endpoint = store.endpoint();
        if (endpoint != null && (endpoint.getHost() == null
                || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
            out.error("node.store.endpoint", "is not an http(s) URL", "write it as https://host:port, or remove it to use AWS");
        }
    }

    private static void checkTimings(NodeConfig node, Findings out) {
        PoolConfig pool = node.pool();
        out.atLeast("node.pool.acquire_timeout_ms", pool.acquireTimeoutMs(), 1, " ms");
        out.atLeast("node.pool.connection_ttl_minutes", pool.connectionTtlMinutes(), 1, " min");
        out.atLeast("node.pool.repository_ttl_hours", pool.repositoryTtlHours(), 1, " h");
        out.atLeast("node.pool.health_check_interval_minutes", pool.healthCheckIntervalMinutes(), 1, " min");
        out.atLeast("node.pool.cleanup_interval_minutes", pool.cleanupIntervalMinutes(), 1, " min");
        out.atLeast("node.pool.leak_detection_threshold_s", pool.leakDetectionThresholdS(), 0, " s");
        out.atLeast("node.metrics.timeout_s", node.metrics().timeoutS(), 1, " s");
        if (node.memory().queryHeadroomMb() != null) {
            out.atLeast("node.memory.query_headroom_mb", node.memory().queryHeadroomMb(), 64, " MB");
        }
        int refresh = node.shared().refreshIntervalS();
        if (refresh < 0 || refresh > SharedConfig.MAX_REFRESH_INTERVAL_S) {
            out.error("node.shared.refresh_interval_s", "is " + refresh + " s; it must be between 0 (off) and "
                    + SharedConfig.MAX_REFRESH_INTERVAL_S + " s (a day)", "set node.shared.refresh_interval_s to "
                    + SharedConfig.DEFAULT_REFRESH_INTERVAL_S + " (the default), or 0 to stop polling the store");
        }
        out.atLeast("node.staleness.max_age_s", node.staleness().maxAgeS(), 0, " s");
        out.atLeast("node.staleness.peer_check_s", node.staleness().peerCheckS(), 1, " s");
        for (java.net.URI peer : node.staleness().peers()) {
            if (peer == null || peer.getHost() == null
                    || !("http".equals(peer.getScheme()) || "https".equals(peer.getScheme()))) {
                out.error("node.staleness.peers", "has " + peer + ", which is not an http(s) URL",
                        "list the other replicas' API base URLs, e.g. http://10.0.1.6:8001");
            }
        }
        if (node.staleness().maxAgeS() > 0 && node.type() != null && !node.type().isShared()) {
            out.warning("node.staleness.max_age_s", "set on a " + node.type() + ", which serves live data and"
                    + " has no data age", "remove node.staleness, or set it on the shared replicas");
        }

        AdmissionConfig admission = node.admission();
        out.between("node.admission.memory_percent", admission.memoryPercent(), 1, 100, " %");
        out.between("node.admission.cpu_percent", admission.cpuPercent(), 1, 100, " %");
        out.between("node.admission.ingestion_cpu_percent", admission.ingestionCpuPercent(), 1, 100, " %");
        if (admission.cpuPercent() < 100 || admission.ingestionCpuPercent() < 100) {
            out.warning(admission.cpuPercent() < 100 ? "node.admission.cpu_percent" : "node.admission.ingestion_cpu_percent",
                    "deprecated: a CPU threshold refuses work exactly when the CPU is busy serving what the node "
                    + "admitted (and on a shared machine, when others are busy)", "remove it: the adaptive in-flight "
                    + "limit (node.admission.adaptive, max_in_flight) refuses only beyond what the node can serve");
        }
        if (admission.ingestionCpuPercent() > admission.cpuPercent() && admission.ingestionCpuPercent() < 100) {
            out.warning("node.admission.ingestion_cpu_percent", "ingestion_cpu_percent "
                    + admission.ingestionCpuPercent() + " % is above cpu_percent " + admission.cpuPercent()
                    + " %: ingestion would be admitted when queries are refused",
                    "set ingestion_cpu_percent below cpu_percent, e.g. 10 points lower");
        }
        out.atLeast("node.admission.max_in_flight_per_database", admission.maxInFlightPerDatabase(), 1, "");
        out.atLeast("node.admission.retry_after_s", admission.retryAfterS(), 1, " s");
        out.atLeast("node.admission.min_in_flight", admission.minInFlight(), 1, "");
        out.atLeast("node.admission.max_in_flight", admission.maxInFlight(), 1, "");
        if (admission.maxInFlight() < admission.minInFlight()) {
            out.error("node.admission.max_in_flight", "max_in_flight " + admission.maxInFlight()
                    + " is below min_in_flight " + admission.minInFlight(), "raise max_in_flight to at least "
                    + admission.minInFlight() + " or lower min_in_flight");
        }

        AttachConfig attach = node.attach();
        out.atLeast("node.attach.attempts", attach.attempts(), 1, "");
        for (int i = 0; i < attach.backoffS().size(); i++) {
            Integer wait = attach.backoffS().get(i);
            if (wait == null || wait < 0) {
                out.error("node.attach.backoff_s[" + i + "]", "must be a wait of 0 s or more",
                        "list waits in seconds, e.g. [5, 10]");
            }
        }
    }
}
