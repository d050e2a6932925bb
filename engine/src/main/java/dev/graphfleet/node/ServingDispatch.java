package dev.graphfleet.node;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Methods;
import java.util.concurrent.Executor;

/**
 * Hands a complete, authorised request from the IO thread to the thread that serves it, where it may
 * block. A query goes straight to a query thread, which parses it, admits it, runs the engine and
 * writes the answer: one change of thread per query, where going through a worker first cost two more
 * (the worker handing the call to a query thread and being woken by its result), a third of a
 * point lookup's time on loopback. Everything else goes to a worker.
 */
final class ServingDispatch implements HttpHandler {

    private final HttpHandler next;
    private final Executor queryThreads;

    ServingDispatch(HttpHandler next, Executor queryThreads) {
        this.next = next;
        this.queryThreads = queryThreads;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        exchange.startBlocking();
        if (!exchange.isInIoThread()) {
            next.handleRequest(exchange);
        } else {
            exchange.dispatch(isQuery(exchange) ? queryThreads : null, next); // null: a worker
        }
    }

    /** {@code POST /databases/{name}/query}; anything that only looks like it is refused by the router there. */
    static boolean isQuery(HttpServerExchange exchange) {
        return exchange.getRequestMethod().equals(Methods.POST) && exchange.getRelativePath().endsWith("/query");
    }
}
