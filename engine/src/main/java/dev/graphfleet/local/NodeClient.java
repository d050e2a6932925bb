package dev.graphfleet.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.fleet.nodes.NodeProbe;
import dev.graphfleet.node.HttpJson;
import dev.graphfleet.repo.Version;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The supervisor's HTTP calls to its child nodes (loopback, each with the node's key). */
final class NodeClient {

    /** One repository on a replica, as its {@code GET /attachments} says. */
    record Attachment(String repository, String phase, String version, String error) {
        boolean attachedAt(Version wanted) {
            return "attached".equals(phase) && wanted.toString().equals(version);
        }

        /** The version it serves, empty when none (or not a version). */
        Optional<Version> servedVersion() {
            return Version.isValid(version) ? Optional.of(Version.parse(version)) : Optional.empty();
        }
    }

    /** A node's answer; {@code status} -1 when it did not answer (down, or not listening yet). */
    record Answer(int status, JsonNode body, String failure) {
        boolean answered() {
            return status > 0;
        }

        String detail() {
            if (!answered()) {
                return failure;
            }
            return "HTTP " + status + (body.has("detail") ? ": " + body.path("detail").asText() : "");
        }
    }

    private static final ObjectMapper JSON = HttpJson.mapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    NodeClient(Duration timeout) {
        this.timeout = timeout;
    }

    Answer health(URI node) {
        return send(HttpRequest.newBuilder(resolve(node, "health")).GET(), null);
    }

    Answer get(LocalNode node, String path) {
        return send(HttpRequest.newBuilder(resolve(node.url(), path)).GET(), node.apiKey());
    }

    /**
     * {@code POST /repositories/{repository}/refresh}: with a version, move there and pin it; without
     * ({@code {"follow": true}}), move to the store's current version and unpin.
     */
    Answer refresh(LocalNode node, String repository, Version version) {
        try {
            byte[] body = JSON.writeValueAsBytes(version == null ? Map.of("follow", true) : Map.of("version", version.toString()));
            return send(HttpRequest.newBuilder(resolve(node.url(), "repositories/" + repository + "/refresh"))
                    .header("Content-Type", HttpJson.JSON).POST(HttpRequest.BodyPublishers.ofByteArray(body)), node.apiKey());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Repository → attachment; empty when the node did not answer. */
    Map<String, Attachment> attachments(LocalNode node) {
        Answer answer = get(node, "attachments");
        Map<String, Attachment> byRepository = new TreeMap<>();
        if (answer.status() == 200) {
            for (JsonNode a : answer.body().path("attachments")) {
                byRepository.put(a.path("repository").asText(), new Attachment(a.path("repository").asText(),
                        a.path("phase").asText(), a.path("version").asText(null), a.path("error").asText(null)));
            }
        }
        return byRepository;
    }

    private static URI resolve(URI base, String path) {
        String root = base.toString();
        return URI.create((root.endsWith("/") ? root : root + "/") + path);
    }

    private Answer send(HttpRequest.Builder request, String apiKey) {
        if (apiKey != null) {
            request.header(NodeProbe.API_KEY_HEADER, apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = JSON.readTree(response.body());
            } catch (IOException e) {
                body = JSON.createObjectNode();
            }
            return new Answer(response.statusCode(), body == null ? JSON.createObjectNode() : body, null);
        } catch (IOException e) {
            return new Answer(-1, JSON.createObjectNode(), "no answer (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
