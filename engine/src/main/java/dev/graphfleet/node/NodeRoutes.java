package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.node.metrics.QueryStats;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import java.util.Set;

/**
 * The endpoints and the chain every request passes: the shutdown gate (on the IO thread), then a
 * worker thread (nothing blocking runs on IO threads), JSON errors, the API key, the route.
 */
final class NodeRoutes {

    /** Open without an API key, and still answered while shutting down. */
    static final Set<String> OPEN_PATHS = Set.of("/health");

    record Routes(HttpHandler health, HttpHandler metrics, HttpHandler prometheus, HttpHandler databases,
                  HttpHandler query, HttpHandler invalidate, HttpHandler pool, HttpHandler attachments) {
    }

    private NodeRoutes() {
    }

    static ShutdownGate build(Routes routes, String apiKey, ErrorMapper errors, ObjectMapper mapper, QueryStats stats) {
        RoutingHandler router = Handlers.routing()
                .get("/health", routes.health())
                .get("/metrics", routes.metrics())
                .get("/metrics/prometheus", routes.prometheus())
                .get("/databases", routes.databases())
                .post("/databases/{name}/query", routes.query())
                .post("/databases/{name}/invalidate", routes.invalidate())
                .get("/pool", routes.pool())
                .get("/attachments", routes.attachments())
                .setFallbackHandler(exchange -> {
                    throw new ApiException(404, "not_found", "no endpoint " + exchange.getRequestPath()
                            + "; the endpoints are /health, /metrics, /metrics/prometheus, /databases, "
                            + "/databases/{name}/query, /databases/{name}/invalidate, /pool and /attachments");
                })
                .setInvalidMethodHandler(exchange -> {
                    throw new ApiException(405, "method_not_allowed", exchange.getRequestMethod() + " is not allowed on "
                            + exchange.getRequestPath() + " (queries and invalidate are POST, the rest GET)");
                });
        HttpHandler chain = new ApiKeyAuth(router, apiKey, OPEN_PATHS);
        chain = new ErrorHandling(chain, errors, mapper, stats);
        chain = new BlockingHandler(chain);
        return new ShutdownGate(chain, OPEN_PATHS);
    }
}
