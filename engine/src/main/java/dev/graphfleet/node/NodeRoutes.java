package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.node.metrics.QueryStats;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.HttpContinueReadHandler;
import io.undertow.util.Methods;
import java.util.Set;

/**
 * The endpoints and the chain every request passes. On the IO thread: the shutdown gate, {@code /health}
 * (answered right there), the API key (refused at once, before any body is read), then the body,
 * read without blocking under a deadline. Only a complete, authorised request takes a worker thread
 * (nothing blocking runs on IO threads): JSON errors, the route.
 */
final class NodeRoutes {

    /** Open without an API key, and still answered while shutting down. */
    static final Set<String> OPEN_PATHS = Set.of("/health");

    record Routes(HttpHandler health, HttpHandler metrics, HttpHandler prometheus, HttpHandler databases,
                  HttpHandler query, HttpHandler invalidate, HttpHandler cleanup, HttpHandler close, HttpHandler pool,
                  HttpHandler attachments, HttpHandler refresh) {
    }

    private NodeRoutes() {
    }

    static ShutdownGate build(Routes routes, String apiKey, ErrorMapper errors, ObjectMapper mapper, QueryStats stats,
                              QueryLimits limits) {
        RoutingHandler router = Handlers.routing()
                .get("/health", routes.health())
                .add(Methods.HEAD, "/health", routes.health())
                .get("/metrics", routes.metrics())
                .get("/metrics/prometheus", routes.prometheus())
                .get("/databases", routes.databases())
                .post("/databases/{name}/query", routes.query())
                .post("/databases/{name}/invalidate", routes.invalidate())
                .post("/databases/{name}/cleanup", routes.cleanup())
                .post("/databases/{name}/close", routes.close())
                .get("/pool", routes.pool())
                .get("/attachments", routes.attachments())
                .post("/repositories/{repository}/refresh", routes.refresh())
                .setFallbackHandler(exchange -> {
                    throw new ApiException(404, "not_found", "no endpoint " + exchange.getRequestPath()
                            + "; the endpoints are /health, /metrics, /metrics/prometheus, /databases, "
                            + "/databases/{name}/query, /databases/{name}/invalidate, /databases/{name}/cleanup, "
                            + "/databases/{name}/close, /pool, /attachments and /repositories/{repository}/refresh");
                })
                .setInvalidMethodHandler(exchange -> {
                    throw new ApiException(405, "method_not_allowed", exchange.getRequestMethod() + " is not allowed on "
                            + exchange.getRequestPath() + " (queries, invalidate, cleanup, close and refresh are POST, the rest GET)");
                });
        ClosingRefusal refusal = new ClosingRefusal(mapper, stats);
        HttpHandler chain = new ErrorHandling(router, errors, mapper, stats);
        chain = new BlockingHandler(chain);
        chain = new RequestBodyReader(chain, limits.maxBodyBytes(), limits.bodyReadTimeout(), refusal);
        chain = new HttpContinueReadHandler(chain); // "Expect: 100-continue" is answered once the key passed
        chain = new ApiKeyAuth(chain, apiKey, OPEN_PATHS, refusal);
        chain = new HealthFastPath(routes.health(), chain);
        return new ShutdownGate(chain, OPEN_PATHS);
    }
}
