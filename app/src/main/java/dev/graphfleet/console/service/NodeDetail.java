package dev.graphfleet.console.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the detail views need from a node's {@code /metrics} beyond the fleet model's
 * {@code NodeSummary}: the machine's RAM, each open database's buffer pool, each database's
 * connection pool, and each repository's attachment progress. Parts the node did not send are null
 * or empty; {@code error} says why nothing could be read.
 *
 * @param ramBytes    the machine's memory ({@code system.memory.total_gb}), or null
 * @param bufferPools open database → its configured buffer pool in bytes
 */
public record NodeDetail(Long ramBytes, Map<String, Long> bufferPools, List<DatabasePool> pools, long waits,
                         long timeouts, long healthFailures, List<Attachment> attachments, String error) {

    public NodeDetail {
        bufferPools = bufferPools == null ? Map.of() : Map.copyOf(bufferPools);
        pools = pools == null ? List.of() : List.copyOf(pools);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public static NodeDetail failed(String error) {
        return new NodeDetail(null, Map.of(), List.of(), 0, 0, 0, List.of(), error);
    }

    /** One database's connection pool. */
    public record DatabasePool(String database, int inUse, int idle, int max, boolean open) {
    }

    /**
     * One repository on its way to serving.
     *
     * @param phase      lower case: pending, downloading, verifying, attaching, attached, failed
     * @param bytesTotal 0 when not known yet
     * @param attempt    the try in progress or last made (1 for the first), 0 when not said
     */
    public record Attachment(String repository, String phase, String version, long bytesDone, long bytesTotal,
                             int attempt, String error, Instant updatedAt) {

        /** Downloaded fraction 0..1, or -1 when the size is not known. */
        public double progress() {
            return bytesTotal > 0 ? Math.min(1.0, (double) bytesDone / bytesTotal) : -1;
        }
    }
}
