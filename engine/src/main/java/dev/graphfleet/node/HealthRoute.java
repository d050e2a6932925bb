package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code GET /health}: 200 when ready, 503 otherwise; open without an API key. */
final class HealthRoute implements HttpHandler {

    record Health(String status, String nodeId, String nodeType, long uptimeSeconds, boolean readOnly) {
    }

    private final NodeStatus status;
    private final ObjectMapper mapper;

    HealthRoute(NodeStatus status, ObjectMapper mapper) {
        this.status = status;
        this.mapper = mapper;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        boolean ready = status.ready();
        HttpJson.send(exchange, mapper, ready ? 200 : 503, new Health(status.state(), status.nodeId(),
                status.type().wireName(), status.uptimeSeconds(), status.type().isReadOnly()));
    }
}
