package dev.graphfleet.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.node.ControlHttp;
import dev.graphfleet.node.HttpJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Talks to a running local fleet's control endpoint (found through its {@code local-fleet.json}). */
public final class LocalControlClient {

    private static final ObjectMapper JSON = HttpJson.mapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(200);

    private final LocalControl.Endpoint endpoint;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public LocalControlClient(LocalControl.Endpoint endpoint) {
        this.endpoint = endpoint;
    }

    /** The client of the fleet running with {@code dataDir}, or empty when none runs (or it has no endpoint). */
    public static Optional<LocalControlClient> open(Path dataDir) {
        return LocalFleetFile.read(dataDir).map(LocalFleetFile::control).map(LocalControlClient::new);
    }

    /** What a start request got: the job (started, or the one already running), or a refusal. */
    public record Started(LocalJob job, boolean started, String refusal) {
    }

    public Started start(LocalControl.Request request) {
        HttpResponse<String> response = send("/jobs", request);
        JsonNode body = parse(response);
        if (response.statusCode() == 202) {
            return new Started(convert(body), true, null);
        }
        if (response.statusCode() == 409 && body.has("job")) {
            return new Started(convert(body.get("job")), false, body.path("detail").asText());
        }
        return new Started(null, false, refusal(response, body));
    }

    /** The changes the request would make; throws {@link IllegalArgumentException} with the fleet's reason. */
    public List<String> plan(LocalControl.Request request) {
        HttpResponse<String> response = send("/plans", request);
        JsonNode body = parse(response);
        if (response.statusCode() != 200) {
            throw new IllegalArgumentException(refusal(response, body));
        }
        List<String> changes = new ArrayList<>();
        body.path("changes").forEach(c -> changes.add(c.asText()));
        return changes;
    }

    public LocalJob job(String id) {
        HttpResponse<String> response = get("/jobs/" + id);
        JsonNode body = parse(response);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(refusal(response, body));
        }
        return convert(body);
    }

    /**
     * Follows job {@code id} until it ends, handing each new progress line to {@code progress}; its end
     * state. Polls: the fleet runs in another process, which has no way to call us back.
     */
    public LocalJob await(String id, Consumer<String> progress) throws InterruptedException {
        int heard = 0;
        while (true) {
            LocalJob job = job(id);
            List<String> lines = job.progress();
            lines.subList(Math.min(heard, lines.size()), lines.size()).forEach(progress);
            heard = lines.size();
            if (!job.isRunning()) {
                return job;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private HttpResponse<String> send(String path, LocalControl.Request request) {
        try {
            return exchange(HttpRequest.newBuilder(uri(path)).header("Content-Type", HttpJson.JSON)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path) {
        return exchange(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(TIMEOUT).header(ControlHttp.apiKeyHeader(), endpoint.apiKey()).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the local fleet's control endpoint " + endpoint.url()
                    + " did not answer (" + e.getMessage() + "); is ./graphfleet local still running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private URI uri(String path) {
        return URI.create(endpoint.url() + path);
    }

    private static JsonNode parse(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static String refusal(HttpResponse<String> response, JsonNode body) {
        String detail = body.path("detail").asText(null);
        return detail != null ? detail : "HTTP " + response.statusCode();
    }

    private static LocalJob convert(JsonNode node) {
        return JSON.convertValue(node, LocalJob.class);
    }
}
