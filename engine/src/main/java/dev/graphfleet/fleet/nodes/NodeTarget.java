package dev.graphfleet.fleet.nodes;

import java.net.URI;
import java.util.Objects;

/**
 * A node to read: its API URL and, when it has its own, its API key (the local fleet gives each node
 * one). A null key means the probe's default key, if any.
 */
public record NodeTarget(URI url, String apiKey) {

    public NodeTarget {
        Objects.requireNonNull(url, "url");
        apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
    }

    public static NodeTarget of(URI url) {
        return new NodeTarget(url, null);
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "NodeTarget[" + url + (apiKey == null ? "" : ", apiKey=set") + "]";
    }
}
