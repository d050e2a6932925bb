package dev.graphfleet.node;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import dev.graphfleet.node.metrics.QueryStats;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The node's HTTP plumbing for other small loopback APIs (the local fleet's control endpoint): the
 * same API-key check, JSON errors ({@code {error, detail}}) and worker-thread dispatch as a node.
 */
public final class ControlHttp {

    private ControlHttp() {
    }

    /** {@code routes} behind the API key (required on every path), with JSON errors, on a worker thread. */
    public static HttpHandler guarded(HttpHandler routes, String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a control endpoint needs an API key");
        }
        QueryStats stats = new QueryStats(Clock.systemUTC(), new SimpleMeterRegistry());
        HttpHandler chain = new ErrorHandling(routes, new ErrorMapper(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                HttpJson.mapper(), stats);
        // the key is checked on the IO thread, before a worker is taken or a body read
        return new ApiKeyAuth(new BlockingHandler(chain), apiKey, Set.of(), new ClosingRefusal(HttpJson.mapper(), stats));
    }

    /** Sends {@code body} as JSON (snake_case, ISO times) with {@code status}. */
    public static void send(HttpServerExchange exchange, int status, Object body) {
        HttpJson.send(exchange, HttpJson.mapper(), status, body);
    }

    /** The header that carries the key. */
    public static String apiKeyHeader() {
        return ApiKeyAuth.HEADER.toString();
    }
}
