package dev.graphfleet.fleet.nodes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Checkpoints a database through a node's API ({@code CHECKPOINT} on {@code POST /databases/{name}/query}),
 * so its data file holds every committed write before its volume is snapshotted (the original took
 * crash-consistent snapshots with the WAL unreplayed).
 */
public final class NodeCheckpoint {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String apiKey;
    private final Duration timeout;

    /** @param apiKey the nodes' API key, or null when they have none */
    public NodeCheckpoint(String apiKey, Duration timeout) {
        this.apiKey = apiKey;
        this.timeout = timeout;
    }

    /** Throws with the node's answer when the checkpoint did not happen. */
    public void checkpoint(URI node, String database) {
        HttpRequest.Builder request = HttpRequest.newBuilder(NodeProbe.resolve(node, "databases/" + database + "/query"))
                .timeout(timeout).header("Content-Type", "application/json");
        if (apiKey != null) {
            request.header(NodeProbe.API_KEY_HEADER, apiKey);
        }
        try {
            HttpResponse<String> response = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(
                    json.writeValueAsBytes(Map.of("cypher", "CHECKPOINT")))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                String detail = json.readTree(response.body()).path("detail").asText(response.body());
                throw new IllegalStateException("CHECKPOINT of " + database + " on " + node + " answered HTTP "
                        + response.statusCode() + ": " + detail);
            }
        } catch (IOException e) {
            throw new IllegalStateException("CHECKPOINT of " + database + " on " + node + " failed: " + e.getMessage()
                    + " (pass --no-checkpoint to snapshot without one, crash-consistent only)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
