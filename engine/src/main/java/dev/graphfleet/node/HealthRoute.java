package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.graphfleet.node.health.DataFreshness;
import dev.graphfleet.node.health.HealthVerdict;
import dev.graphfleet.node.health.NodeHealth;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /health}: 200 when the node takes traffic, 503 otherwise ({@link dev.graphfleet.node.health.HealthRules});
 * open without an API key. A shared node adds its data versions, their age and whether it is stale; one
 * that refreshes in place also the version each repository moves to ({@code target_versions}, equal to
 * {@code data_versions} when no move runs) and the repositories pinned to a version ({@code pinned}).
 */
final class HealthRoute implements HttpHandler {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, String nodeId, String nodeType, long uptimeSeconds, boolean readOnly,
                  Map<String, String> dataVersions, Long dataAgeSeconds, Long maxStalenessSeconds, Boolean stale,
                  String reason, Map<String, String> targetVersions, List<String> pinned, String replicaGroup) {
    }

    private final NodeStatus status;
    private final NodeHealth health;
    private final ObjectMapper mapper;
    private final boolean readOnly;
    private final String replicaGroup;

    /**
     * @param readOnly     whether the node refuses writes: the same setting its statement guard holds queries to
     * @param replicaGroup the group its config names ({@code node.replica_group}), or null (then not in the answer)
     */
    HealthRoute(NodeStatus status, NodeHealth health, ObjectMapper mapper, boolean readOnly, String replicaGroup) {
        this.status = status;
        this.health = health;
        this.mapper = mapper;
        this.readOnly = readOnly;
        this.replicaGroup = replicaGroup;
    }

    /** Null on a node that does not refresh in place (its attachments have no target). */
    private Map<String, String> targets() {
        Map<String, String> targets = new TreeMap<>();
        status.attachments().attachments().stream().filter(a -> a.target() != null)
                .forEach(a -> targets.put(a.repository(), a.target()));
        return targets.isEmpty() ? null : targets;
    }

    private List<String> pinned() {
        List<AttachmentProgress> attachments = status.attachments().attachments();
        if (attachments.stream().noneMatch(a -> a.pinned() != null)) {
            return null;
        }
        return attachments.stream().filter(a -> Boolean.TRUE.equals(a.pinned())).map(AttachmentProgress::repository)
                .sorted().toList();
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        HealthVerdict verdict = health.verdict(status.state(), status.ready());
        DataFreshness fresh = health.freshness();
        boolean versioned = !fresh.versions().isEmpty();
        var max = health.settings().maxAge();
        HttpJson.send(exchange, mapper, verdict.httpStatus(), new Health(verdict.status(), status.nodeId(),
                status.type().wireName(), status.uptimeSeconds(), readOnly,
                versioned ? fresh.versions() : null, fresh.ageSeconds(), max == null ? null : max.toSeconds(),
                versioned ? verdict.stale() : null, verdict.reason(), targets(), pinned(), replicaGroup));
    }
}
