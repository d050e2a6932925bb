package dev.graphfleet.volume.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code system.volumes.data_volume} from a node's {@code GET /metrics} (JSON), sending the API key in
 * {@code X-Graph-API-Key} when one is configured.
 *
 * <p>Reads are asynchronous: no thread waits on a node, so a fleet's dead nodes all time out together. Each
 * attempt has one deadline covering connect, headers and body, so a node that accepts connections but never
 * answers costs exactly the timeout. Timeouts, I/O errors and 5xx are retried after backoff × 2^(retry-1);
 * 401/403/404 and malformed answers are not (retrying does not fix a key, a URL or a node).
 */
public final class HttpInstanceVolumeReader implements InstanceVolumeReader {

    private static final Logger LOG = LoggerFactory.getLogger(HttpInstanceVolumeReader.class);
    public static final String API_KEY_HEADER = "X-Graph-API-Key";

    private final HttpClient http;
    private final NodeReadOptions options;
    private final Function<WatchedInstance, String> apiKeys;
    private final RetryDelay delay;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param http   shared by all reads (it pools connections)
     * @param apiKey the node API key, or null when nodes need none; never logged
     */
    public HttpInstanceVolumeReader(HttpClient http, NodeReadOptions options, String apiKey, RetryDelay delay) {
        this(http, options, instance -> apiKey, delay);
    }

    private HttpInstanceVolumeReader(HttpClient http, NodeReadOptions options, Function<WatchedInstance, String> apiKeys,
                                     RetryDelay delay) {
        this.http = Objects.requireNonNull(http, "http");
        this.options = Objects.requireNonNull(options, "options");
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.delay = Objects.requireNonNull(delay, "delay");
    }

    /** A reader with its own HTTP client (connect timeout = the read timeout). */
    public static HttpInstanceVolumeReader create(NodeReadOptions options, String apiKey) {
        return withKeyPerInstance(newClient(options), options, instance -> apiKey, RetryDelay.system());
    }

    /**
     * A reader for fleets whose nodes each have their own API key (the local fleet).
     *
     * @param apiKeys each instance's key, null or empty for none; never logged
     */
    public static HttpInstanceVolumeReader withKeyPerInstance(HttpClient http, NodeReadOptions options,
                                                              Function<WatchedInstance, String> apiKeys,
                                                              RetryDelay delay) {
        return new HttpInstanceVolumeReader(http, options, apiKeys, delay);
    }

    /** An HTTP client for node reads: connect timeout = the read timeout. */
    public static HttpClient newClient(NodeReadOptions options) {
        return HttpClient.newBuilder().connectTimeout(options.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public DiskReading read(WatchedInstance instance) throws Exception {
        CompletableFuture<DiskReading> reading = readAsync(instance, Runnable::run);
        try {
            return reading.get();
        } catch (InterruptedException e) {
            reading.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    @Override
    public CompletableFuture<DiskReading> readAsync(WatchedInstance instance, Executor unused) {
        if (instance.metricsEndpoint() == null) {
            return CompletableFuture.failedFuture(
                    new NodeReadException("no metrics endpoint is known for " + instance.instanceId(), false));
        }
        String key = apiKeys.apply(instance);
        return new Read(metricsUri(instance.metricsEndpoint()), key == null || key.isEmpty() ? null : key).start();
    }

    /** One read: its attempts one after the other; cancelling it cancels the attempt in flight. */
    private final class Read {
        private final URI uri;
        private final String apiKey;
        private final CompletableFuture<DiskReading> result = new CompletableFuture<>();
        private volatile CompletableFuture<?> inFlight;

        Read(URI uri, String apiKey) {
            this.uri = uri;
            this.apiKey = apiKey;
            result.whenComplete((r, e) -> {
                CompletableFuture<?> current = inFlight;
                if (result.isCancelled() && current != null) {
                    current.cancel(true);
                }
            });
        }

        CompletableFuture<DiskReading> start() {
            attempt(0);
            return result;
        }

        private void attempt(int n) {
            if (result.isDone()) {
                return;
            }
            CompletableFuture<HttpResponse<byte[]>> sent = http
                    .sendAsync(request(), HttpResponse.BodyHandlers.ofByteArray())
                    .orTimeout(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
            inFlight = sent;
            sent.whenComplete((response, failure) -> {
                try {
                    if (failure != null) {
                        throw transportFailure(failure);
                    }
                    result.complete(parse(check(response)));
                } catch (NodeReadException e) {
                    retryOrFail(n, e);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        }

        private void retryOrFail(int n, NodeReadException e) {
            if (!e.retryable) {
                result.completeExceptionally(e);
                return;
            }
            if (n >= options.retries()) {
                result.completeExceptionally(new NodeReadException(uri + ": no answer after " + (n + 1)
                        + " attempts (" + e.getMessage() + ")", false));
                return;
            }
            LOG.debug("{}: attempt {} of {} failed: {}", uri, n + 1, options.retries() + 1, e.getMessage());
            CompletableFuture<Void> wait = delay.after(options.backoffBefore(n + 1));
            inFlight = wait;
            wait.whenComplete((ok, interrupted) -> attempt(n + 1));
        }

        private HttpRequest request() {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                    .timeout(options.timeout())
                    .header("Accept", "application/json");
            if (apiKey != null) {
                request.header(API_KEY_HEADER, apiKey);
            }
            return request.build();
        }

        private byte[] check(HttpResponse<byte[]> response) throws NodeReadException {
            int status = response.statusCode();
            if (status == 401 || status == 403) {
                throw new NodeReadException(uri + ": HTTP " + status + ": the node refused the API key (set the key "
                        + "the nodes expect in " + API_KEY_HEADER + ")", false);
            }
            if (status == 404) {
                throw new NodeReadException(uri + ": HTTP 404: no /metrics here (is this a Graphfleet node?)", false);
            }
            if (status != 200) {
                throw new NodeReadException("HTTP " + status, status >= 500);
            }
            return response.body();
        }
    }

    private NodeReadException transportFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return new NodeReadException("timed out after " + options.timeout().toMillis() + " ms", true);
        }
        if (cause instanceof CancellationException) {
            return new NodeReadException("cancelled", false);
        }
        return new NodeReadException(cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), true);
    }

    private DiskReading parse(byte[] body) throws NodeReadException {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            throw new NodeReadException("the /metrics answer is not JSON: " + e.getMessage(), false);
        }
        JsonNode volume = root.path("system").path("volumes").path("data_volume");
        if (!volume.isObject()) {
            throw new NodeReadException("the /metrics answer has no system.volumes.data_volume", false);
        }
        if (volume.hasNonNull("error")) {
            throw new NodeReadException("the node could not read its data volume: " + volume.get("error").asText(),
                    false);
        }
        double size = number(volume, "volume_size_gb");
        double used = volume.hasNonNull("used_gb") ? number(volume, "used_gb")
                : size - number(volume, "free_gb");
        double usage = volume.hasNonNull("usage_percent") ? number(volume, "usage_percent") : used / size;
        if (usage > 1 && usage <= 100) {
            throw new NodeReadException("system.volumes.data_volume.usage_percent is " + usage
                    + ", but it must be a fraction 0..1 (the node reports a percentage: upgrade it)", false);
        }
        try {
            return new DiskReading(size, used, usage, volume.path("mount_point").asText(null), MetricsSource.NODE);
        } catch (IllegalArgumentException e) {
            throw new NodeReadException("system.volumes.data_volume: " + e.getMessage(), false);
        }
    }

    private static double number(JsonNode volume, String field) throws NodeReadException {
        JsonNode v = volume.get(field);
        if (v == null || !v.isNumber()) {
            throw new NodeReadException("system.volumes.data_volume." + field + " is missing or not a number", false);
        }
        return v.asDouble();
    }

    private static URI metricsUri(URI base) {
        String s = base.toString();
        return URI.create(s.endsWith("/") ? s + "metrics" : s + "/metrics");
    }

    /** A read that failed; {@code retryable} when another attempt may succeed. */
    static final class NodeReadException extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean retryable;

        NodeReadException(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }
    }
}
