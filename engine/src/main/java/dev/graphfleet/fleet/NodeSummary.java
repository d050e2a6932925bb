package dev.graphfleet.fleet;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The figures a reachable node reported on {@code /metrics}, boiled down to what a fleet view shows.
 * Any part the node did not send (an older node, a failed section) is null; {@code staleSections}
 * names the sections the node marked stale or failed.
 *
 * @param collectedAt the node's {@code timestamp}, or null
 */
public record NodeSummary(Instant collectedAt, Long uptimeSeconds, VolumeUsage dataVolume, BufferPool bufferPool,
                          PoolUsage pool, Map<String, Integer> attachmentPhases, List<Attachment> attachments,
                          List<String> staleSections) {

    public NodeSummary {
        attachmentPhases = OrderedMaps.copyOf(attachmentPhases);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        staleSections = staleSections == null ? List.of() : List.copyOf(staleSections);
    }

    /**
     * The data volume ({@code system.volumes.data_volume}).
     *
     * @param usage     used fraction 0..1
     * @param simulated true when the capacity is simulated (the local fleet), not a disk
     */
    public record VolumeUsage(double sizeGb, double usedGb, double freeGb, double usage, String mountPoint,
                              boolean simulated) {

        /** A real volume. */
        public VolumeUsage(double sizeGb, double usedGb, double freeGb, double usage, String mountPoint) {
            this(sizeGb, usedGb, freeGb, usage, mountPoint, false);
        }
    }

    /**
     * Memory: the node's budget against the buffer pools its open Databases may take.
     *
     * @param processResidentBytes the process's resident set, or null when unknown
     * @param perDatabaseBytes     the buffer pool each database opens with, or null when the node does not say
     */
    public record BufferPool(long memoryBudgetBytes, long configuredTotalBytes, int openDatabases,
                             boolean overBudget, Long processResidentBytes, Long perDatabaseBytes) {

        public BufferPool(long memoryBudgetBytes, long configuredTotalBytes, int openDatabases, boolean overBudget,
                          Long processResidentBytes) {
            this(memoryBudgetBytes, configuredTotalBytes, openDatabases, overBudget, processResidentBytes, null);
        }
    }

    /**
     * Connections across every database's pool.
     *
     * @param maxPerDatabase the node's configured maximum per database ({@code pool.max_per_database}), known
     *                       before any database opens; null when the node does not say (an older node)
     */
    public record PoolUsage(int inUse, int idle, int max, int databases, long waits, long timeouts,
                            Integer maxPerDatabase) {

        public PoolUsage(int inUse, int idle, int max, int databases, long waits, long timeouts) {
            this(inUse, idle, max, databases, waits, timeouts, null);
        }
    }

    /**
     * One shared repository on its way to serving.
     *
     * @param phase   lower case: pending, downloading, verifying, attaching, attached, failed
     * @param version e.g. {@code v3}, or null when the node does not say
     * @param error   the last failure, or null
     * @param versionCreatedAt when {@code version} was published, or null when the node does not say
     */
    public record Attachment(String repository, String phase, String version, String error, Instant versionCreatedAt) {

        public Attachment(String repository, String phase, String version, String error) {
            this(repository, phase, version, error, null);
        }
    }
}
