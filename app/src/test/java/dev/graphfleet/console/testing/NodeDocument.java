package dev.graphfleet.console.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * A node's /health and /metrics answers, starting from documents recorded from a real node
 * ({@code recorded/}), with only the figures a scenario needs changed. Safe to change while a
 * server answers from it.
 */
public final class NodeDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final ObjectNode health;
    private final ObjectNode metrics;
    private int healthStatus = 200;

    private NodeDocument(ObjectNode health, ObjectNode metrics) {
        this.health = health;
        this.metrics = metrics;
    }

    /** The recorded writer, renamed to {@code id} and typed {@code type} (writer, shared_master, shared_replica). */
    public static NodeDocument recorded(String id, String type) {
        NodeDocument doc = new NodeDocument((ObjectNode) read("writer-health.json"),
                (ObjectNode) read("writer-metrics.json"));
        doc.metrics.put("timestamp", Instant.now().toString());
        return doc.identity(id, type).uptime(3 * 3600 + 25 * 60);
    }

    private static JsonNode read(String name) {
        try (InputStream in = NodeDocument.class.getResourceAsStream("/dev/graphfleet/console/recorded/" + name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized NodeDocument identity(String id, String type) {
        health.put("node_id", id).put("node_type", type).put("read_only", type.equals("shared_replica"));
        cluster().put("node_id", id).put("node_type", type);
        return this;
    }

    public synchronized NodeDocument uptime(long seconds) {
        health.put("uptime_seconds", seconds);
        cluster().put("uptime_seconds", seconds);
        return this;
    }

    /** /health answers {@code status} with HTTP {@code code} (503 while starting or stopping). */
    public synchronized NodeDocument healthState(String status, int code) {
        health.put("status", status);
        healthStatus = code;
        return this;
    }

    public synchronized NodeDocument ram(double totalGb) {
        ((ObjectNode) metrics.path("system").path("memory")).put("total_gb", totalGb);
        return this;
    }

    public synchronized NodeDocument volume(double sizeGb, double usedGb, String mountPoint) {
        ObjectNode v = (ObjectNode) metrics.path("system").path("volumes").path("data_volume");
        v.put("volume_size_gb", sizeGb).put("used_gb", usedGb).put("free_gb", sizeGb - usedGb)
                .put("usage_percent", usedGb / sizeGb).put("mount_point", mountPoint);
        ObjectNode disk = (ObjectNode) metrics.path("system").path("disk");
        disk.put("total_gb", sizeGb).put("used_gb", usedGb).put("free_gb", sizeGb - usedGb)
                .put("percent", 100 * usedGb / sizeGb).put("mount_point", mountPoint);
        return this;
    }

    /** Marks the data volume's capacity simulated, as the local fleet's nodes do. */
    public synchronized NodeDocument simulatedVolume() {
        ((ObjectNode) metrics.path("system").path("volumes").path("data_volume")).put("simulated", true);
        return this;
    }

    /** The memory budget and the open databases' buffer pools (bytes); over_budget as the node computes it. */
    public synchronized NodeDocument bufferPool(long budgetBytes, Map<String, Long> open, long processBytes) {
        ObjectNode b = (ObjectNode) metrics.path("buffer_pool");
        ObjectNode openNode = b.putObject("open_databases");
        open.forEach(openNode::put);
        long total = open.values().stream().mapToLong(Long::longValue).sum();
        b.put("memory_budget_bytes", budgetBytes).put("configured_total_bytes", total)
                .put("over_budget", total > budgetBytes).put("process_resident_bytes", processBytes);
        if (!open.isEmpty()) {
            b.put("buffer_pool_per_database_bytes", open.values().iterator().next());
        }
        return this;
    }

    /** Replaces the connection pools: {@code db → {in_use, idle, max}}. */
    public synchronized NodeDocument pools(Map<String, int[]> databases, long waits, long timeouts) {
        ObjectNode pool = (ObjectNode) metrics.path("pool");
        ObjectNode dbs = pool.putObject("databases");
        databases.forEach((name, f) -> dbs.putObject(name).put("total", f[0] + f[1]).put("idle", f[1])
                .put("in_use", f[0]).put("max", f[2]).put("open", true));
        pool.put("waits", waits).put("timeouts", timeouts);
        return this;
    }

    /** Adds a shared repository's attachment progress, in the node's wire shape. */
    public synchronized NodeDocument attachment(String repository, String phase, long bytesDone, long bytesTotal, int attempt,
                                   String error) {
        ObjectNode section = (ObjectNode) metrics.path("attachments");
        ArrayNode list = (ArrayNode) section.path("attachments");
        ObjectNode a = list.addObject().put("repository", repository).put("phase", phase)
                .put("bytes_done", bytesDone).put("bytes_total", bytesTotal).put("attempt", attempt)
                .put("updated_at", Instant.now().toString());
        if (error != null) {
            a.put("error", error);
        }
        section.put("count", list.size());
        ObjectNode byPhase = section.putObject("by_phase");
        list.forEach(e -> byPhase.put(e.path("phase").asText(), byPhase.path(e.path("phase").asText()).asInt(0) + 1));
        section.put("ready", false);
        return this;
    }

    /** Sets the version an attachment of {@code repository} (added before) reports serving. */
    public synchronized NodeDocument servedVersion(String repository, String version) {
        ((ObjectNode) metrics.path("attachments")).path("attachments").forEach(a -> {
            if (repository.equals(a.path("repository").asText())) {
                ((ObjectNode) a).put("version", version);
            }
        });
        return this;
    }

    private ObjectNode cluster() {
        return (ObjectNode) metrics.path("cluster");
    }

    public static long gib(double n) {
        return Math.round(n * GIB);
    }

    synchronized int healthStatus() {
        return healthStatus;
    }

    synchronized byte[] healthBytes() {
        return bytes(health);
    }

    synchronized byte[] metricsBytes() {
        return bytes(metrics);
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
