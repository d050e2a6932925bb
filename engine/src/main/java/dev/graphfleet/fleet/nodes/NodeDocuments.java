package dev.graphfleet.fleet.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.DataVersion;
import dev.graphfleet.fleet.NodeSummary;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Reads a node's /health and /metrics JSON, tolerant of what is missing: an older node, a section
 * that failed, a field of the wrong type all leave that part null instead of failing the read.
 */
final class NodeDocuments {

    private NodeDocuments() {
    }

    /**
     * The parts of /health a fleet view uses.
     *
     * @param stale  whether the node said its data is over its maximum staleness; null when it did not say
     * @param reason the node's reason for its health, or null
     * @param group  the replica group its config names ({@code replica_group}), or null when it does not say
     */
    record HealthDoc(String status, String nodeId, NodeType role, Long uptimeSeconds, Boolean stale, String reason,
                     String group) {

        HealthDoc(String status, String nodeId, NodeType role, Long uptimeSeconds) {
            this(status, nodeId, role, uptimeSeconds, null, null, null);
        }
    }

    static HealthDoc health(JsonNode root) {
        JsonNode stale = root.get("stale");
        return new HealthDoc(text(root, "status"), text(root, "node_id"), role(text(root, "node_type")),
                longValue(root, "uptime_seconds"), stale != null && stale.isBoolean() ? stale.asBoolean() : null,
                text(root, "reason"), text(root, "replica_group"));
    }

    /** The node's id and type from /metrics {@code cluster}, for when /health did not say. */
    static HealthDoc cluster(JsonNode metrics) {
        JsonNode cluster = metrics.path("cluster");
        return new HealthDoc(null, text(cluster, "node_id"), role(text(cluster, "node_type")),
                longValue(cluster, "uptime_seconds"));
    }

    static NodeSummary summary(JsonNode root) {
        return new NodeSummary(instant(root, "timestamp"), longValue(root.path("cluster"), "uptime_seconds"),
                volume(root.path("system").path("volumes").path("data_volume")),
                bufferPool(root.path("buffer_pool")), pool(root.path("pool")),
                phases(root.path("attachments")), attachments(root.path("attachments")), staleSections(root));
    }

    /**
     * {@code sec@v3 industry@v2}: the versions of the repositories the node attached, by name, created when
     * the oldest of them was published; null when none say.
     */
    static DataVersion dataVersion(NodeSummary summary, Instant seenAt) {
        if (summary == null) {
            return null;
        }
        String versions = summary.attachments().stream()
                .filter(a -> a.version() != null)
                .sorted((a, b) -> a.repository().compareTo(b.repository()))
                .map(a -> a.repository() + "@" + a.version())
                .collect(Collectors.joining(" "));
        Instant oldest = summary.attachments().stream()
                .filter(a -> a.version() != null && a.versionCreatedAt() != null)
                .map(NodeSummary.Attachment::versionCreatedAt).min(Instant::compareTo).orElse(null);
        return versions.isEmpty() ? null : DataVersion.of(versions, oldest, seenAt);
    }

    static NodeType role(String wire) {
        if (wire == null) {
            return null;
        }
        for (NodeType type : NodeType.values()) {
            if (type.wireName().equalsIgnoreCase(wire.trim())) {
                return type;
            }
        }
        return null;
    }

    private static NodeSummary.VolumeUsage volume(JsonNode v) {
        Double size = number(v, "volume_size_gb");
        if (size == null || v.hasNonNull("error")) {
            return null;
        }
        Double used = number(v, "used_gb");
        Double free = number(v, "free_gb");
        if (used == null && free != null) {
            used = size - free;
        }
        if (used == null) {
            return null;
        }
        Double usage = number(v, "usage_percent");
        if (usage == null || usage > 1) {
            usage = size > 0 ? used / size : 0; // an old node reporting 0..100: recompute the fraction
        }
        return new NodeSummary.VolumeUsage(size, used, free != null ? free : size - used, usage,
                text(v, "mount_point"), v.path("simulated").asBoolean(false));
    }

    private static NodeSummary.BufferPool bufferPool(JsonNode b) {
        Long budget = longValue(b, "memory_budget_bytes");
        if (budget == null) {
            return null;
        }
        Long configured = longValue(b, "configured_total_bytes");
        JsonNode open = b.path("open_databases");
        int openCount = open.isObject() || open.isArray() ? open.size() : 0;
        return new NodeSummary.BufferPool(budget, configured == null ? 0 : configured, openCount,
                b.path("over_budget").asBoolean(false), longValue(b, "process_resident_bytes"),
                longValue(b, "buffer_pool_per_database_bytes"));
    }

    private static NodeSummary.PoolUsage pool(JsonNode p) {
        JsonNode databases = p.path("databases");
        if (!databases.isObject()) {
            return null;
        }
        int inUse = 0;
        int idle = 0;
        int max = 0;
        for (Iterator<JsonNode> it = databases.elements(); it.hasNext(); ) {
            JsonNode db = it.next();
            inUse += db.path("in_use").asInt(0);
            idle += db.path("idle").asInt(0);
            max += db.path("max").asInt(0);
        }
        JsonNode perDatabase = p.get("max_per_database");
        return new NodeSummary.PoolUsage(inUse, idle, max, databases.size(), p.path("waits").asLong(0),
                p.path("timeouts").asLong(0), perDatabase != null && perDatabase.isInt() && perDatabase.asInt() > 0
                        ? perDatabase.asInt() : null);
    }

    private static Map<String, Integer> phases(JsonNode section) {
        Map<String, Integer> phases = new TreeMap<>();
        JsonNode byPhase = section.path("by_phase");
        if (byPhase.isObject()) {
            byPhase.fields().forEachRemaining(e -> phases.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asInt(0)));
        } else {
            attachments(section).forEach(a -> phases.merge(a.phase(), 1, Integer::sum));
        }
        return phases;
    }

    private static List<NodeSummary.Attachment> attachments(JsonNode section) {
        JsonNode list = section.path("attachments");
        List<NodeSummary.Attachment> out = new ArrayList<>();
        if (list.isArray()) {
            for (JsonNode a : list) {
                String repository = text(a, "repository");
                if (repository != null) {
                    String phase = text(a, "phase");
                    out.add(new NodeSummary.Attachment(repository,
                            phase == null ? "unknown" : phase.toLowerCase(Locale.ROOT), text(a, "version"),
                            text(a, "error") != null ? text(a, "error") : text(a, "last_error"),
                            instant(a, "version_created_at")));
                }
            }
        }
        return out;
    }

    private static List<String> staleSections(JsonNode root) {
        List<String> stale = new ArrayList<>();
        root.fields().forEachRemaining(e -> {
            JsonNode section = e.getValue();
            if (section.isObject() && (section.path("stale").asBoolean(false) || section.hasNonNull("error"))) {
                stale.add(e.getKey());
            }
        });
        return stale;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static Double number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asDouble() : null;
    }

    private static Long longValue(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() ? v.asLong() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
