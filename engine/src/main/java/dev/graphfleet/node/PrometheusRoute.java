package dev.graphfleet.node;

import dev.graphfleet.node.metrics.PrometheusMetrics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics/prometheus}: the text exposition format 0.0.4. */
final class PrometheusRoute implements HttpHandler {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMetrics metrics;

    PrometheusRoute(PrometheusMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
        exchange.getResponseSender().send(metrics.scrape(), StandardCharsets.UTF_8);
    }
}
