package dev.graphfleet.node;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.node.metrics.QueryStats;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers any failure of the handlers inside as JSON {@code {error, detail}} and counts it by status. */
final class ErrorHandling implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final HttpHandler next;
    private final ErrorMapper errors;
    private final ObjectMapper mapper;
    private final QueryStats stats;

    ErrorHandling(HttpHandler next, ErrorMapper errors, ObjectMapper mapper, QueryStats stats) {
        this.next = next;
        this.errors = errors;
        this.mapper = mapper;
        this.stats = stats;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        try {
            next.handleRequest(exchange);
        } catch (Throwable failure) {
            ApiException error = errors.map(failure);
            stats.recordError(error.status());
            if (exchange.isResponseStarted()) {
                // A stream already sent its 200; the route wrote its own error chunk if it could.
                log.debug("{} {} failed after the answer started: {}", exchange.getRequestMethod(),
                        exchange.getRequestPath(), failure.toString());
                exchange.endExchange();
                return;
            }
            if (error.error().equals("internal_error")) {
                log.error("{} {} failed unexpectedly", exchange.getRequestMethod(), exchange.getRequestPath(), failure);
            } else if (error.status() >= 500 && error.status() != 503) { // refusals under load would flood the log
                log.warn("{} {} -> {} {}: {}", exchange.getRequestMethod(), exchange.getRequestPath(),
                        error.status(), error.error(), error.detail());
            }
            HttpJson.sendError(exchange, mapper, error);
        }
    }
}
