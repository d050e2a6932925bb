package dev.graphfleet.volume.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code system.volumes.data_volume} from a node's {@code GET /metrics} (JSON), sending the API key in
 * {@code X-Graph-API-Key} when one is configured. Each attempt has one deadline covering connect, headers and
 * body, so a node that accepts connections but never answers costs exactly the timeout. Timeouts, I/O errors and
 * 5xx are retried; 401/403/404 are not (retrying does not fix a key or a URL).
 */
public final class HttpInstanceVolumeReader implements InstanceVolumeReader {

    private static final Logger LOG = LoggerFactory.getLogger(HttpInstanceVolumeReader.class);
    public static final String API_KEY_HEADER = "X-Graph-API-Key";

    private final HttpClient http;
    private final NodeReadOptions options;
    private final String apiKey;
    private final Sleeper sleeper;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param http    shared by all reads (it pools connections)
     * @param apiKey  the node API key, or null when nodes need none; never logged
     */
    public HttpInstanceVolumeReader(HttpClient http, NodeReadOptions options, String apiKey, Sleeper sleeper) {
        this.http = Objects.requireNonNull(http, "http");
        this.options = Objects.requireNonNull(options, "options");
        this.apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** A reader with its own HTTP client (connect timeout = the read timeout). */
    public static HttpInstanceVolumeReader create(NodeReadOptions options, String apiKey) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(options.timeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        return new HttpInstanceVolumeReader(http, options, apiKey, Sleeper.system());
    }

    @Override
    public DiskReading read(FleetInstance instance) throws Exception {
        if (instance.metricsEndpoint() == null) {
            throw new NodeReadException("no metrics endpoint is known for " + instance.instanceId());
        }
        URI uri = metricsUri(instance.metricsEndpoint());
        NodeReadException last = null;
        for (int attempt = 0; attempt <= options.retries(); attempt++) {
            if (attempt > 0) {
                sleeper.sleep(options.backoffBefore(attempt));
            }
            try {
                return parse(fetch(uri));
            } catch (NodeReadException e) {
                if (!e.retryable) {
                    throw e;
                }
                last = e;
                LOG.debug("{}: attempt {} of {} failed: {}", uri, attempt + 1, options.retries() + 1, e.getMessage());
            }
        }
        throw new NodeReadException(uri + ": no answer after " + (options.retries() + 1) + " attempts ("
                + last.getMessage() + ")");
    }

    private byte[] fetch(URI uri) throws NodeReadException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .timeout(options.timeout())
                .header("Accept", "application/json");
        if (apiKey != null) {
            request.header(API_KEY_HEADER, apiKey);
        }
        CompletableFuture<HttpResponse<byte[]>> pending =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            response = pending.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new NodeReadException("timed out after " + options.timeout().toMillis() + " ms", true);
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new NodeReadException(cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), true);
        }
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new NodeReadException(uri + ": HTTP " + status + ": the node refused the API key (set the key the "
                    + "nodes expect in " + API_KEY_HEADER + ")", false);
        }
        if (status == 404) {
            throw new NodeReadException(uri + ": HTTP 404: no /metrics here (is this a Graphfleet node?)", false);
        }
        if (status != 200) {
            throw new NodeReadException("HTTP " + status, status >= 500);
        }
        return response.body();
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

        NodeReadException(String message) {
            this(message, false);
        }
    }
}
