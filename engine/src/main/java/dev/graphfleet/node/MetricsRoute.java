package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.node.metrics.MetricsCollector;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code GET /metrics}: the JSON document; each section fresh, stale from cache, or with its error. */
final class MetricsRoute implements HttpHandler {

    private final MetricsCollector collector;
    private final ObjectMapper mapper;

    MetricsRoute(MetricsCollector collector, ObjectMapper mapper) {
        this.collector = collector;
        this.mapper = mapper;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        HttpJson.send(exchange, mapper, 200, collector.collect());
    }
}
