package dev.graphfleet.node.metrics;

import java.time.Instant;
import java.util.Map;

/** Bytes per database as of one completed scan. */
public record DatabaseSizes(Map<String, Long> bytes, Instant collectedAt) {

    public DatabaseSizes {
        bytes = Map.copyOf(bytes);
    }

    public long totalBytes() {
        return bytes.values().stream().mapToLong(Long::longValue).sum();
    }
}
