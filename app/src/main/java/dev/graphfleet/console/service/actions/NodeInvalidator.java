package dev.graphfleet.console.service.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /databases/{name}/invalidate} on one node, with that node's API key (or the common
 * one). Keys go only into the request header, never into a message.
 */
public final class NodeInvalidator {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the node said: whether the database was open. */
    public record Invalidated(boolean wasOpen) {
    }

    /** Built on first use: most consoles never invalidate anything. */
    private final java.util.function.Supplier<HttpClient> httpFactory;
    private volatile HttpClient http;
    private final Duration timeout;
    private final String apiKey;
    private final Map<URI, String> keysByUrl;

    public NodeInvalidator(HttpClient http, Duration timeout, String apiKey, Map<URI, String> keysByUrl) {
        this(() -> Objects.requireNonNull(http, "http"), timeout, apiKey, keysByUrl);
    }

    private NodeInvalidator(java.util.function.Supplier<HttpClient> httpFactory, Duration timeout, String apiKey,
                            Map<URI, String> keysByUrl) {
        this.httpFactory = httpFactory;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.apiKey = apiKey;
        this.keysByUrl = keysByUrl == null ? Map.of() : Map.copyOf(keysByUrl);
    }

    public static NodeInvalidator create(Duration timeout, String apiKey) {
        return new NodeInvalidator(() -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).build(), timeout, apiKey, Map.of());
    }

    /** Throws {@link IllegalStateException} with the node's own reason when it refuses. */
    public Invalidated invalidate(URI endpoint, String database) {
        URI uri = endpoint.resolve("/databases/" + database + "/invalidate");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.noBody());
        String key = keysByUrl.getOrDefault(endpoint, apiKey);
        if (key != null) {
            request.header("X-Graph-API-Key", key);
        }
        HttpResponse<String> response;
        try {
            response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(endpoint + " did not answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + endpoint, e);
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() != 200) {
            String detail = body != null && body.hasNonNull("detail") ? body.get("detail").asText()
                    : "HTTP " + response.statusCode();
            throw new IllegalStateException(endpoint + " refused (HTTP " + response.statusCode() + "): " + detail);
        }
        return new Invalidated(body != null && body.path("was_open").asBoolean(false));
    }

    private HttpClient client() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = httpFactory.get();
                }
                client = http;
            }
        }
        return client;
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
