package dev.graphfleet.console.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Reads each answering node's {@code /metrics} for the details the fleet model leaves out (see
 * {@link NodeDetail}). An adapter of the console: when the fleet model carries these figures, this
 * goes away. All nodes are read at once, each bounded by the timeout; a node that fails gets a
 * {@link NodeDetail#failed} entry saying why.
 */
public final class NodeDetailReader {

    static final String API_KEY_HEADER = "X-Graph-API-Key";
    static final int PARALLELISM = 64;

    private final HttpClient http;
    private final Duration timeout;
    private final String apiKey;
    private final Map<URI, String> keysByNode;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param apiKey     sent to every node, or null
     * @param keysByNode nodes with their own key (the local fleet's), sent instead of {@code apiKey}
     */
    public NodeDetailReader(HttpClient http, Duration timeout, String apiKey, Map<URI, String> keysByNode) {
        this.http = http;
        this.timeout = timeout;
        this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
        this.keysByNode = Map.copyOf(keysByNode);
    }

    public static NodeDetailReader create(Duration timeout, String apiKey) {
        return new NodeDetailReader(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).build(), timeout, apiKey, Map.of());
    }

    /**
     * Details of every instance of {@code fleet} that has an endpoint and answered; by instance id.
     * At most {@link #PARALLELISM} requests are open at once (a 500-instance fleet is not 500 sockets).
     */
    public Map<String, NodeDetail> read(FleetSnapshot fleet) {
        List<FleetInstance> answering = fleet.instances().stream()
                .filter(i -> i.endpoint() != null && i.health() != Health.UNREACHABLE)
                .toList();
        Semaphore open = new Semaphore(PARALLELISM);
        Map<String, CompletableFuture<NodeDetail>> reads = new HashMap<>();
        for (FleetInstance instance : answering) {
            if (!open.tryAcquire()) {
                try {
                    open.acquire(); // the refresh thread waits here, never the FX thread
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    reads.put(instance.id(), CompletableFuture.completedFuture(NodeDetail.failed("interrupted")));
                    continue;
                }
            }
            reads.put(instance.id(), read(instance.endpoint()).whenComplete((detail, failure) -> open.release()));
        }
        Map<String, NodeDetail> out = new HashMap<>();
        reads.forEach((id, read) -> out.put(id, read.join()));
        return out;
    }

    private CompletableFuture<NodeDetail> read(URI endpoint) {
        HttpRequest.Builder request = HttpRequest.newBuilder(metricsUri(endpoint)).GET().timeout(timeout)
                .header("Accept", "application/json");
        String key = keysByNode.getOrDefault(endpoint, apiKey);
        if (key != null) {
            request.header(API_KEY_HEADER, key);
        }
        try {
            return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                    .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .handle((response, failure) -> failure != null
                            ? NodeDetail.failed("/metrics: " + describe(failure))
                            : parse(response));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(NodeDetail.failed("/metrics: " + describe(e)));
        }
    }

    private NodeDetail parse(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            return NodeDetail.failed("/metrics: HTTP " + response.statusCode());
        }
        try {
            JsonNode root = json.readTree(response.body());
            return root != null && root.isObject() ? NodeDetailParser.parse(root)
                    : NodeDetail.failed("/metrics: the answer is not a JSON object");
        } catch (IOException e) {
            return NodeDetail.failed("/metrics: the answer is not JSON");
        }
    }

    private String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null && failure instanceof java.util.concurrent.CompletionException
                ? failure.getCause() : failure;
        if (cause instanceof java.util.concurrent.TimeoutException
                || cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        if (cause instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return cause.getClass().getSimpleName();
    }

    private static URI metricsUri(URI base) {
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s + "metrics" : s + "/metrics");
    }
}
