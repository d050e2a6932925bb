package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.pool.GraphPool;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code GET /pool}: the connection pool's statistics. */
final class PoolRoute implements HttpHandler {

    private final GraphPool pool;
    private final ObjectMapper mapper;

    PoolRoute(GraphPool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        HttpJson.send(exchange, mapper, 200, pool.statistics());
    }
}
