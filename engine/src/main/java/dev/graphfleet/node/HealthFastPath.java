package dev.graphfleet.node;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;

/**
 * Answers {@code GET} and {@code HEAD /health} on the IO thread, from state kept in memory: no worker
 * thread, no body read, nothing query traffic or slow clients can hold up. Load balancers send
 * {@code HEAD}; it gets the same status and headers without the body. Everything else goes on.
 */
final class HealthFastPath implements HttpHandler {

    private final HttpHandler health;
    private final HttpHandler next;

    HealthFastPath(HttpHandler health, HttpHandler next) {
        this.health = health;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        boolean getOrHead = exchange.getRequestMethod().equals(Methods.GET) || exchange.getRequestMethod().equals(Methods.HEAD);
        if (getOrHead && exchange.getRelativePath().equals("/health")) {
            health.handleRequest(exchange);
        } else {
            next.handleRequest(exchange);
        }
    }
}
