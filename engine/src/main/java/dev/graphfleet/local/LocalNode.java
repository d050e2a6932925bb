package dev.graphfleet.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.graphfleet.config.NodeType;
import java.net.URI;
import java.nio.file.Path;

/**
 * One node of the local fleet as clients find it in {@code local-fleet.json}. The API key is
 * generated per run and lives only in that file (readable by its owner only) and in memory.
 */
public record LocalNode(String id, NodeType type, URI url, @JsonProperty("api_key") String apiKey, Path dataDir) {

    @Override
    public String toString() {
        return "LocalNode[" + id + " " + type + " " + url + "]"; // never the key
    }
}
