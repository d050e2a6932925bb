package dev.graphfleet.fleet.nodes;

import java.time.Duration;
import java.util.Objects;

/**
 * How nodes are read.
 *
 * @param timeout     per request, connect to last byte: a node that accepts but never answers costs this much
 * @param parallelism nodes read at the same time (each node's /health and /metrics go together)
 * @param apiKey      sent as {@code X-Graph-API-Key} on /metrics; null when nodes need none. Never printed.
 */
public record ProbeOptions(Duration timeout, int parallelism, String apiKey) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_PARALLELISM = 64;

    public ProbeOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("node timeout must be positive (found " + timeout + ")");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("node parallelism must be at least 1 (found " + parallelism + ")");
        }
        apiKey = apiKey == null || apiKey.isEmpty() ? null : apiKey;
    }

    public static ProbeOptions defaults() {
        return new ProbeOptions(DEFAULT_TIMEOUT, DEFAULT_PARALLELISM, null);
    }

    public ProbeOptions withApiKey(String key) {
        return new ProbeOptions(timeout, parallelism, key);
    }

    /** Says whether a key is set, never the key. */
    @Override
    public String toString() {
        return "ProbeOptions[timeout=" + timeout + ", parallelism=" + parallelism
                + ", apiKey=" + (apiKey == null ? "none" : "set") + "]";
    }
}
