package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.graphfleet.node.health.DataFreshness;
import dev.graphfleet.node.health.HealthVerdict;
import dev.graphfleet.node.health.NodeHealth;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.Map;

/**
 * {@code GET /health}: 200 when the node takes traffic, 503 otherwise ({@link dev.graphfleet.node.health.HealthRules});
 * open without an API key. A shared node adds its data versions, their age and whether it is stale.
 */
final class HealthRoute implements HttpHandler {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, String nodeId, String nodeType, long uptimeSeconds, boolean readOnly,
                  Map<String, String> dataVersions, Long dataAgeSeconds, Long maxStalenessSeconds, Boolean stale,
                  String reason) {
    }

    private final NodeStatus status;
    private final NodeHealth health;
    private final ObjectMapper mapper;
    private final boolean readOnly;

    /** @param readOnly whether the node refuses writes: the same setting its statement guard holds queries to */
    HealthRoute(NodeStatus status, NodeHealth health, ObjectMapper mapper, boolean readOnly) {
        this.status = status;
        this.health = health;
        this.mapper = mapper;
        this.readOnly = readOnly;
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
                versioned ? verdict.stale() : null, verdict.reason()));
    }
}
