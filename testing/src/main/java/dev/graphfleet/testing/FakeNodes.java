package dev.graphfleet.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Nodes on loopback: one JDK HttpServer, each node under its own path ({@code /<id>/metrics}), answering the
 * {@code /metrics} JSON of a Graphfleet node with {@code system.volumes.data_volume}. A node's disk comes from a
 * function, so it can follow a simulated volume. Requests without the right API key get 401.
 */
public final class FakeNodes implements AutoCloseable {

    /** What a node reports: filesystem size and used GB. */
    public record Disk(double sizeGb, double usedGb) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String apiKey;
    private final Map<String, Function<String, Disk>> disks = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, String> rawBodies = new ConcurrentHashMap<>();

    public FakeNodes(String apiKey, int threads) throws IOException {
        this.apiKey = apiKey;
        // Thousands of "nodes" share this one listener, so a scan's connections all arrive here at once; a
        // short accept queue would drop their SYNs and cost them a retransmit (1 s), which no real fleet has.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
        server.createContext("/", this::handle);
        executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.start();
    }

    /** Adds a node answering {@code disk.apply(id)}; returns its base URL. */
    public URI add(String id, Function<String, Disk> disk) {
        disks.put(id, disk);
        hits.put(id, new AtomicInteger());
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + id);
    }

    public URI add(String id, double sizeGb, double usedGb) {
        return add(id, i -> new Disk(sizeGb, usedGb));
    }

    /** A node at the server's root ({@code /metrics}), as a node found by address and port is read. */
    public URI addAtRoot(double sizeGb, double usedGb) {
        add("", i -> new Disk(sizeGb, usedGb));
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A node whose /metrics answers 200 with exactly {@code body}. */
    public URI addRaw(String id, String body) {
        rawBodies.put(id, body);
        return add(id, i -> null);
    }

    /** The node's next {@code n} requests answer 500. */
    public void failNext(String id, int n) {
        failures.computeIfAbsent(id, k -> new AtomicInteger()).set(n);
    }

    public int hits(String id) {
        return hits.get(id).get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String id = parts.length == 3 && parts[2].equals("metrics") ? parts[1]
                    : parts.length == 2 && parts[1].equals("metrics") ? "" : null;
            Function<String, Disk> disk = id == null ? null : disks.get(id);
            if (disk == null) {
                reply(exchange, 404, "{\"detail\":\"not found\"}");
                return;
            }
            hits.get(id).incrementAndGet();
            if (apiKey != null && !apiKey.equals(exchange.getRequestHeaders().getFirst("X-Graph-API-Key"))) {
                reply(exchange, 401, "{\"detail\":\"invalid API key\"}");
                return;
            }
            AtomicInteger failing = failures.get(id);
            if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                reply(exchange, 500, "{\"detail\":\"internal error\"}");
                return;
            }
            if (rawBodies.containsKey(id)) {
                reply(exchange, 200, rawBodies.get(id));
                return;
            }
            Disk d = disk.apply(id);
            String json = String.format(Locale.ROOT, "{\"timestamp\":\"2026-03-01T12:00:00Z\",\"system\":{\"volumes\":"
                            + "{\"data_volume\":{\"volume_size_gb\":%.3f,\"used_gb\":%.3f,\"free_gb\":%.3f,"
                            + "\"usage_percent\":%.6f,\"mount_point\":\"/mnt/lbug-data\"}}}}",
                    d.sizeGb(), d.usedGb(), d.sizeGb() - d.usedGb(), d.usedGb() / d.sizeGb());
            reply(exchange, 200, json);
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
