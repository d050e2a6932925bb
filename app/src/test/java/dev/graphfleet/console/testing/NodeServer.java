package dev.graphfleet.console.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A node's HTTP face on loopback: answers GET /health and GET /metrics with a {@link NodeDocument}
 * over real HTTP, so the console reads it through the real {@code NodesFleetSource}. Replace the
 * document to change what the next refresh sees; {@link #stop} makes the node unreachable.
 */
public final class NodeServer implements AutoCloseable {

    private final int port;
    private HttpServer server;
    private ExecutorService executor;
    private volatile NodeDocument document;
    private volatile String requiredKey;
    private final java.util.List<String> invalidated = new java.util.concurrent.CopyOnWriteArrayList<>();

    private NodeServer(NodeDocument document) throws IOException {
        this.document = document;
        listen(0);
        this.port = server.getAddress().getPort();
    }

    private void listen(int onPort) throws IOException {
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "node-server");
            t.setDaemon(true);
            return t;
        });
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        server.createContext("/health", exchange -> answer(exchange, this.document.healthStatus(),
                this.document.healthBytes()));
        server.createContext("/metrics", exchange -> {
            String key = requiredKey;
            if (key != null && !key.equals(exchange.getRequestHeaders().getFirst("X-Graph-API-Key"))) {
                answer(exchange, 401, "{\"error\":\"unauthorized\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else {
                answer(exchange, 200, this.document.metricsBytes());
            }
        });
        // POST /databases/{name}/invalidate, answered as a real node does (NodeApiTest); GET is a 405 there too.
        server.createContext("/databases/", exchange -> {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            if (!"POST".equals(exchange.getRequestMethod()) || parts.length != 4 || !"invalidate".equals(parts[3])) {
                answer(exchange, 405, "{\"error\":\"method_not_allowed\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            invalidated.add(parts[2]);
            answer(exchange, 200, ("{\"database\":\"" + parts[2] + "\",\"was_open\":true}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Listens again on the same port after {@link #stop} (the node came back). */
    public void resume() {
        try {
            listen(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on port " + port + " again", e);
        }
    }

    /** An address on loopback nothing listens on: connections are refused at once. */
    public static URI deadUrl() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static NodeServer start(NodeDocument document) {
        try {
            return new NodeServer(document);
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on loopback", e);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public void serve(NodeDocument next) {
        document = next;
    }

    /** Like a node with an API key: /metrics answers 401 without {@code key} in X-Graph-API-Key. */
    public NodeServer requireKey(String key) {
        requiredKey = key;
        return this;
    }

    /** The databases invalidated through this node, in order. */
    public java.util.List<String> invalidated() {
        return java.util.List.copyOf(invalidated);
    }

    public NodeDocument document() {
        return document;
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Stops listening: from now on connections to this port are refused. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }
}
