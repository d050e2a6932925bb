package dev.graphfleet.fleet.nodes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.fleet.DataVersion;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Reads nodes over HTTP: {@code GET /health} and {@code GET /metrics} of each node at the same time,
 * at most {@code parallelism} nodes at once, each request bounded by the timeout from connect to
 * last byte. No thread waits on a node: a fleet's dead nodes time out together, not one after another.
 */
public final class NodeProbe {

    public static final String API_KEY_HEADER = "X-Graph-API-Key";

    private final HttpClient http;
    private final ProbeOptions options;
    private final ObjectMapper json = new ObjectMapper();

    public NodeProbe(HttpClient http, ProbeOptions options) {
        this.http = Objects.requireNonNull(http, "http");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A probe with its own HTTP client (HTTP/1.1, connect timeout = the request timeout). */
    public static NodeProbe create(ProbeOptions options) {
        return new NodeProbe(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(options.timeout()).build(), options);
    }

    public ProbeOptions options() {
        return options;
    }

    /**
     * Reads every node, at most {@code parallelism} at a time. The list holds one future per node, in
     * order; each completes normally (a node that fails is a report saying so), within about
     * {@code timeout × ceil(n / parallelism)}.
     */
    public List<CompletableFuture<NodeReport>> probeAll(List<URI> endpoints, Instant seenAt) {
        return probeTargets(endpoints.stream().map(NodeTarget::of).toList(), seenAt);
    }

    /** {@link #probeAll} with a key per node (a target without one gets the options' key). */
    public List<CompletableFuture<NodeReport>> probeTargets(List<NodeTarget> targets, Instant seenAt) {
        return fanOut(targets, options.parallelism(), target -> probe(target, seenAt));
    }

    /** Reads one node; completes normally, with a report of UNREACHABLE health when it does not answer. */
    public CompletableFuture<NodeReport> probe(URI endpoint, Instant seenAt) {
        return probe(NodeTarget.of(endpoint), seenAt);
    }

    public CompletableFuture<NodeReport> probe(NodeTarget target, Instant seenAt) {
        URI endpoint = target.url();
        String key = target.apiKey() != null ? target.apiKey() : options.apiKey();
        CompletableFuture<Answer> health = get(endpoint, "health", null);
        CompletableFuture<Answer> metrics = get(endpoint, "metrics", key);
        return health.thenCombine(metrics, (h, m) -> report(endpoint, h, m, seenAt))
                .exceptionally(e -> new NodeReport(endpoint, null, null, null, Health.UNKNOWN,
                        "could not read the node: " + describe(e), null, null, null));
    }

    private NodeReport report(URI endpoint, Answer health, Answer metrics, Instant seenAt) {
        NodeDocuments.HealthDoc doc = health.json == null ? null : NodeDocuments.health(health.json);
        NodeSummary summary = null;
        String metricsError = null;
        NodeDocuments.HealthDoc cluster = null;
        if (metrics.status == 200 && metrics.json != null) {
            summary = NodeDocuments.summary(metrics.json);
            cluster = NodeDocuments.cluster(metrics.json);
        } else if (health.failure == null || metrics.failure == null) { // both unanswered: the health says it
            metricsError = metricsProblem(metrics);
        }
        String nodeId = doc != null && doc.nodeId() != null ? doc.nodeId() : cluster == null ? null : cluster.nodeId();
        var role = doc != null && doc.role() != null ? doc.role() : cluster == null ? null : cluster.role();
        String state = doc == null ? null : doc.status();
        Health judged;
        String detail;
        if (health.failure != null) {
            // /metrics answering means the node is there even though /health was not read
            judged = metrics.failure == null ? Health.UNKNOWN : Health.UNREACHABLE;
            detail = "/health: " + health.failure;
        } else if (health.status == 200) {
            boolean ready = state == null || state.equalsIgnoreCase("ready") || state.equalsIgnoreCase("healthy")
                    || state.equalsIgnoreCase("ok");
            judged = ready ? Health.HEALTHY : Health.UNHEALTHY;
            detail = ready ? (health.json == null ? "/health answered 200 without JSON" : null) : "state " + state;
        } else if (health.status == 503 || health.status >= 500) {
            judged = Health.UNHEALTHY;
            detail = "/health: HTTP " + health.status + (state == null ? "" : " (" + state + ")");
        } else if (health.status == 404) {
            judged = Health.UNKNOWN;
            detail = "/health: HTTP 404 (is this a Graphfleet node?)";
        } else {
            judged = Health.UNKNOWN;
            detail = "/health: HTTP " + health.status;
        }
        DataVersion version = NodeDocuments.dataVersion(summary, seenAt);
        if (version != null && doc != null && doc.stale() != null) {
            version = version.withStale(doc.stale());
        }
        if (detail == null && doc != null && Boolean.TRUE.equals(doc.stale())) {
            detail = doc.reason() != null ? doc.reason() : "stale data"; // still serving: no fresh peer to take over
        } else if (judged == Health.UNHEALTHY && doc != null && doc.reason() != null) {
            detail = detail + ": " + doc.reason();
        }
        return new NodeReport(endpoint, nodeId, role, state, judged, detail, version, summary, metricsError,
                doc == null ? null : doc.group());
    }

    private static String metricsProblem(Answer metrics) {
        if (metrics.failure != null) {
            return "/metrics: " + metrics.failure;
        }
        return switch (metrics.status) {
            case 401, 403 -> "/metrics: HTTP " + metrics.status
                    + ": the node refused the API key (pass the key the nodes expect, e.g. --api-key-env VAR)";
            case 404 -> "/metrics: HTTP 404 (is this a Graphfleet node?)";
            case 200 -> "/metrics: the answer is not JSON";
            default -> "/metrics: HTTP " + metrics.status;
        };
    }

    /** One HTTP answer: a status and maybe JSON, or a transport failure in words. */
    private record Answer(int status, JsonNode json, String failure) {
    }

    /** @param apiKey sent as {@value #API_KEY_HEADER} when not null */
    private CompletableFuture<Answer> get(URI endpoint, String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(endpoint, path)).GET()
                .timeout(options.timeout())
                .header("Accept", "application/json");
        if (apiKey != null) {
            request.header(API_KEY_HEADER, apiKey);
        }
        CompletableFuture<HttpResponse<byte[]>> sent;
        try {
            sent = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Answer(0, null, describe(e)));
        }
        // The request timeout covers the headers only; this bounds the body too, and cancels the exchange.
        return sent.orTimeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((response, failure) -> {
                    if (failure != null) {
                        sent.cancel(true);
                        return ConnectionFailure.diagnose(failure, endpoint, options.timeout())
                                .thenApply(words -> new Answer(0, null, words));
                    }
                    return CompletableFuture.completedFuture(
                            new Answer(response.statusCode(), parse(response.body()), null));
                }).thenCompose(answer -> answer);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private String describe(Throwable failure) {
        return ConnectionFailure.describe(failure, options.timeout());
    }

    static URI resolve(URI base, String path) {
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s + path : s + "/" + path);
    }

    /**
     * Runs {@code task} on every item, at most {@code parallelism} at a time: each completion starts
     * the next item. The futures are in the items' order.
     */
    static <T, R> List<CompletableFuture<R>> fanOut(List<T> items, int parallelism,
                                                    Function<T, CompletableFuture<R>> task) {
        List<CompletableFuture<R>> results = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            results.add(new CompletableFuture<>());
        }
        FanOut<T, R> fanOut = new FanOut<>(items, task, results);
        for (int w = 0; w < Math.min(parallelism, items.size()); w++) {
            fanOut.pump();
        }
        return results;
    }

    /** One worker's loop: takes the next item; tasks that finish at once do not deepen the stack. */
    private record FanOut<T, R>(List<T> items, Function<T, CompletableFuture<R>> task,
                                List<CompletableFuture<R>> results, AtomicInteger next) {

        FanOut(List<T> items, Function<T, CompletableFuture<R>> task, List<CompletableFuture<R>> results) {
            this(items, task, results, new AtomicInteger());
        }

        void pump() {
            while (true) {
                int i = next.getAndIncrement();
                if (i >= items.size()) {
                    return;
                }
                CompletableFuture<R> running;
                try {
                    running = task.apply(items.get(i));
                } catch (RuntimeException e) {
                    running = CompletableFuture.failedFuture(e);
                }
                if (!running.isDone()) {
                    running.whenComplete((value, failure) -> {
                        settle(i, value, failure);
                        pump();
                    });
                    return;
                }
                running.whenComplete((value, failure) -> settle(i, value, failure));
            }
        }

        private void settle(int i, R value, Throwable failure) {
            if (failure != null) {
                results.get(i).completeExceptionally(failure);
            } else {
                results.get(i).complete(value);
            }
        }
    }
}
