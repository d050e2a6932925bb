package dev.graphfleet.node;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Counts requests in flight and, once closing, refuses new ones with 503 while letting those in
 * flight finish: the first step of a graceful stop. The open paths (/health) still pass, so a load
 * balancer sees the node go unhealthy.
 */
final class ShutdownGate implements HttpHandler {

    private static final byte[] REFUSAL = "{\"error\":\"shutting_down\",\"detail\":\"this node is shutting down; use another node\",\"retry_after\":5}"
            .getBytes(StandardCharsets.UTF_8);

    private final HttpHandler next;
    private final Set<String> openPaths;
    private final Object lock = new Object();
    private int inFlight;
    private volatile boolean closing;

    ShutdownGate(HttpHandler next, Set<String> openPaths) {
        this.next = next;
        this.openPaths = Set.copyOf(openPaths);
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (closing && !openPaths.contains(exchange.getRelativePath())) {
            exchange.setStatusCode(503);
            exchange.getResponseHeaders().put(Headers.RETRY_AFTER, 5);
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, HttpJson.JSON);
            exchange.getResponseSender().send(java.nio.ByteBuffer.wrap(REFUSAL));
            return;
        }
        synchronized (lock) {
            inFlight++;
        }
        exchange.addExchangeCompleteListener((done, nextListener) -> {
            synchronized (lock) {
                inFlight--;
                lock.notifyAll();
            }
            nextListener.proceed();
        });
        next.handleRequest(exchange);
    }

    /** From now on, new requests are refused. */
    void close() {
        closing = true;
    }

    /** Waits until no request is in flight; false when {@code timeout} passed first. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (inFlight > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }

    int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }
}
