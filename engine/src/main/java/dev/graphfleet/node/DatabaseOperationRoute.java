package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.graph.DatabaseNames;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PoolStatistics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.time.Duration;

/**
 * {@code POST /databases/{name}/invalidate}, {@code .../cleanup} and {@code .../close}: each closes the
 * database's connections and its Database (cleanup checkpoints it first), so the next query opens
 * it anew, sees every committed write, and the buffer pool is released meanwhile. Queries running
 * on it are waited for, at most {@code wait}; if they still run then, nothing is closed and the
 * answer is 503 {@code database_busy} ({@link ErrorMapper}). An unknown database is a 404.
 */
final class DatabaseOperationRoute implements HttpHandler {

    enum Operation {
        INVALIDATE("invalidate"), CLEANUP("cleanup"), CLOSE("close");

        private final String wireName;

        Operation(String wireName) {
            this.wireName = wireName;
        }
    }

    record Done(String database, String operation, boolean wasOpen) {
    }

    private final GraphPool pool;
    private final ObjectMapper mapper;
    private final Operation operation;
    private final Duration wait;

    DatabaseOperationRoute(GraphPool pool, ObjectMapper mapper, Operation operation, Duration wait) {
        this.pool = pool;
        this.mapper = mapper;
        this.operation = operation;
        this.wait = wait;
    }

    /**
     * How long an operation waits for running queries: the tier's query timeout and a second (every
     * query has ended or been cancelled by then), at most {@code cap}; {@code cap} without a timeout.
     */
    static Duration waitFor(Duration queryTimeout, Duration cap) {
        if (queryTimeout == null || queryTimeout.isZero()) {
            return cap;
        }
        Duration wait = queryTimeout.plusSeconds(1);
        return wait.compareTo(cap) < 0 ? wait : cap;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String database = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("name");
        DatabaseNames.requireValid(database); // a 400 naming the rule
        if (!pool.databases().contains(database)) {
            throw new ApiException(404, "database_not_found", "no database " + database + " on this node; "
                    + "GET /databases lists them");
        }
        PoolStatistics.DatabasePoolStatistics before = pool.statistics().databases().get(database);
        switch (operation) {
            case CLEANUP -> pool.forceCleanup(database, wait);
            case INVALIDATE, CLOSE -> pool.invalidate(database, wait);
        }
        HttpJson.send(exchange, mapper, 200, new Done(database, operation.wireName, before != null && before.open()));
    }
}
