package dev.graphfleet.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@link NodeDetail} from a node's {@code /metrics} JSON. Tolerant like the fleet model's
 * reader: a missing section or a field of the wrong type leaves that part empty, never fails.
 */
final class NodeDetailParser {

    private static final double GIB = 1024.0 * 1024 * 1024;

    private NodeDetailParser() {
    }

    static NodeDetail parse(JsonNode metrics) {
        JsonNode pool = metrics.path("pool");
        return new NodeDetail(ramBytes(metrics.path("system").path("memory")), bufferPools(metrics.path("buffer_pool")),
                pools(pool.path("databases")), pool.path("waits").asLong(0), pool.path("timeouts").asLong(0),
                pool.path("health_failures").asLong(0), attachments(metrics.path("attachments").path("attachments")),
                null);
    }

    private static Long ramBytes(JsonNode memory) {
        JsonNode total = memory.get("total_gb");
        return total != null && total.isNumber() ? Math.round(total.asDouble() * GIB) : null;
    }

    private static Map<String, Long> bufferPools(JsonNode section) {
        Map<String, Long> out = new LinkedHashMap<>();
        JsonNode open = section.path("open_databases");
        if (open.isObject()) {
            open.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    out.put(e.getKey(), e.getValue().asLong());
                }
            });
        }
        return out;
    }

    private static List<NodeDetail.DatabasePool> pools(JsonNode databases) {
        List<NodeDetail.DatabasePool> out = new ArrayList<>();
        if (databases.isObject()) {
            databases.fields().forEachRemaining(e -> {
                JsonNode db = e.getValue();
                out.add(new NodeDetail.DatabasePool(e.getKey(), db.path("in_use").asInt(0), db.path("idle").asInt(0),
                        db.path("max").asInt(0), db.path("open").asBoolean(true)));
            });
        }
        return out;
    }

    private static List<NodeDetail.Attachment> attachments(JsonNode list) {
        List<NodeDetail.Attachment> out = new ArrayList<>();
        if (!list.isArray()) {
            return out;
        }
        for (JsonNode a : list) {
            String repository = text(a, "repository");
            if (repository == null) {
                continue;
            }
            String phase = text(a, "phase");
            // The node says attempt/error; older documents said attempts/last_error.
            int attempt = a.has("attempt") ? a.path("attempt").asInt(0) : a.path("attempts").asInt(0);
            String error = text(a, "error") != null ? text(a, "error") : text(a, "last_error");
            out.add(new NodeDetail.Attachment(repository, phase == null ? "unknown" : phase.toLowerCase(Locale.ROOT),
                    pinned(text(a, "version"), a.path("pinned").asBoolean(false)), a.path("bytes_done").asLong(0),
                    a.path("bytes_total").asLong(0), attempt,
                    error, instant(text(a, "updated_at"))));
        }
        return out;
    }

    /** A version the node was pinned to by a refresh (the store poller leaves it) says so where it is shown. */
    private static String pinned(String version, boolean pinned) {
        return version != null && pinned ? version + " (pinned)" : version;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static Instant instant(String text) {
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
