package dev.graphfleet.node;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PoolStatistics;
import dev.graphfleet.pool.SuspectedLeak;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.util.List;

/**
 * {@code GET /pool}: the connection pool's statistics, and the connections suspected of leaking
 * (held past {@code leak_detection_threshold}) with their borrower's thread and stack, so a leak is
 * visible without access to the node's log.
 */
final class PoolRoute implements HttpHandler {

    /** Enough frames to reach the caller's code below the pool and engine frames. */
    static final int LEAK_STACK_FRAMES = 30;

    record PoolReport(@JsonUnwrapped PoolStatistics statistics, long leakDetectionThresholdMs,
                      List<SuspectedLeak> suspectedLeaks) {
    }

    private final GraphPool pool;
    private final ObjectMapper mapper;

    PoolRoute(GraphPool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        HttpJson.send(exchange, mapper, 200, new PoolReport(pool.statistics(),
                pool.settings().leakDetectionThreshold().toMillis(), pool.suspectedLeaks(LEAK_STACK_FRAMES)));
    }
}
