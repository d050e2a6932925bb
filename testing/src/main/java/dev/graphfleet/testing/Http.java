package dev.graphfleet.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A real HTTP client on loopback for the node's tests. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();

    public record Response(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String apiKey;

    public Http(URI base) {
        this(base, null);
    }

    public Http(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public Http withKey(String key) {
        return new Http(base, key);
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response query(String database, String cypher) {
        return query(database, cypher, Map.of());
    }

    public Response query(String database, String cypher, Map<String, ?> parameters) {
        return post("/databases/" + database + "/query", body(cypher, parameters));
    }

    /** Starts a streaming query and hands back the open body: the test decides when to read. */
    public HttpResponse<InputStream> stream(String database, String cypher) {
        HttpRequest request = request("/databases/" + database + "/query?stream=true")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(cypher, Map.of()))).build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (apiKey != null) {
            builder.header("X-Graph-API-Key", apiKey);
        }
        return builder;
    }

    public static String body(String cypher, Map<String, ?> parameters) {
        try {
            return JSON.writeValueAsString(Map.of("cypher", cypher, "parameters", parameters));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
