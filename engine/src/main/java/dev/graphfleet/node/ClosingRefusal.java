package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.node.metrics.QueryStats;
import io.undertow.server.HttpServerExchange;

/**
 * Refuses a request from the IO thread and closes its connection once the answer is out
 * ({@code Connection: close}). Whatever the client still sends is not read: a non-persistent
 * exchange shuts the request side instead of draining it, so a slow body costs nothing.
 */
final class ClosingRefusal {

    private final ObjectMapper mapper;
    private final QueryStats stats;

    ClosingRefusal(ObjectMapper mapper, QueryStats stats) {
        this.mapper = mapper;
        this.stats = stats;
    }

    void send(HttpServerExchange exchange, ApiException error) {
        stats.recordError(error.status());
        exchange.setPersistent(false);
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        HttpJson.sendError(exchange, mapper, error);
    }
}
