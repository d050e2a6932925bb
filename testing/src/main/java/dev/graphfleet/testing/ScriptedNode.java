package dev.graphfleet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback answering /health and /metrics the way a Graphfleet node does, with
 * answers the test sets (status and body per path). Records the API key header of each request.
 */
public final class ScriptedNode implements AutoCloseable {

    /** The header a node reads its API key from (the engine's NodeProbe.API_KEY_HEADER; this module cannot see it). */
    static final String API_KEY_HEADER = "X-Graph-API-Key";

    record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    public final List<String> keysSeen = new CopyOnWriteArrayList<>();
    public final List<String> pathsSeen = new CopyOnWriteArrayList<>();
    private volatile String requiredKey;

    public ScriptedNode() {
        this("127.0.0.1", 0);
    }

    /** On {@code host:port} (port 0: any free port). Fails when the port is taken on that address. */
    public ScriptedNode(String host, int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "scripted-node");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public static ScriptedNode serving(String healthJson, String metricsJson) {
        ScriptedNode node = new ScriptedNode();
        node.answer("/health", 200, healthJson);
        node.answer("/metrics", 200, metricsJson);
        return node;
    }

    public static String health(String status, String nodeId, String nodeType) {
        return "{\"status\":\"" + status + "\",\"node_id\":\"" + nodeId + "\",\"node_type\":\"" + nodeType
                + "\",\"uptime_seconds\":3600,\"read_only\":false}";
    }

    /** A realistic node answer recorded from a real node ({@code dev/graphfleet/testing/nodes/} in this module). */
    public static String resource(String name) {
        try (InputStream in = ScriptedNode.class.getResourceAsStream("/dev/graphfleet/testing/nodes/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ScriptedNode answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body));
        return this;
    }

    /** /metrics answers 401 unless this key is sent (as the node's auth does). */
    public ScriptedNode requireKey(String key) {
        requiredKey = key;
        return this;
    }

    public URI url() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        pathsSeen.add(path);
        String key = exchange.getRequestHeaders().getFirst(API_KEY_HEADER);
        keysSeen.add(path + "=" + key);
        Answer answer = answers.getOrDefault(path, new Answer(404, "{\"error\":\"not found\"}"));
        if (requiredKey != null && !path.equals("/health") && !requiredKey.equals(key)) {
            answer = new Answer(401, "{\"error\":\"missing or invalid API key\"}");
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
