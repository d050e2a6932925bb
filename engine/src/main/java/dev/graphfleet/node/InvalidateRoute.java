package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.graph.DatabaseNames;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PoolStatistics;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;

/**
 * {@code POST /databases/{name}/invalidate}: closes the database's connections and its Database
 * (once the connections in use come back), so the next query sees every committed write and the
 * buffer pool is released. The answer says whether it was open; an unknown database is a 404.
 */
final class InvalidateRoute implements HttpHandler {

    record Invalidated(String database, boolean wasOpen) {
    }

    private final GraphPool pool;
    private final ObjectMapper mapper;

    InvalidateRoute(GraphPool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
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
        pool.invalidate(database);
        HttpJson.send(exchange, mapper, 200, new Invalidated(database, before != null && before.open()));
    }
}
