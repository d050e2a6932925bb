package dev.graphfleet.node.admission;

import java.time.Instant;

/**
 * One background sample of the machine. A figure that could not be read is null: admission then
 * ignores it (fails open) rather than refusing every request on a broken probe.
 *
 * @param cpuPercent           whole-system CPU use, 0..100
 * @param cpuCount             processors available to the JVM
 * @param memoryTotalBytes     physical memory
 * @param memoryAvailableBytes memory available without swapping (Linux {@code MemAvailable}: the page
 *                             cache counts as available, so a warm cache is not "memory pressure")
 * @param disk                 the data volume, or null when it could not be read
 */
public record ResourceSample(Double cpuPercent, int cpuCount, Long memoryTotalBytes, Long memoryAvailableBytes,
                             DiskUsage disk, Instant sampledAt) {

    /** Memory in use, 0..100, or null when unknown. */
    public Double memoryPercent() {
        if (memoryTotalBytes == null || memoryAvailableBytes == null || memoryTotalBytes <= 0) {
            return null;
        }
        return 100.0 * (memoryTotalBytes - memoryAvailableBytes) / memoryTotalBytes;
    }

    /**
     * The file system holding the data directory, as {@code df} reports it.
     *
     * @param usedBytes blocks in use (total minus free)
     * @param freeBytes blocks available to the node's user (excludes the root reserve)
     */
    public record DiskUsage(long totalBytes, long usedBytes, long freeBytes, String mountPoint) {

        /** Used share of the space a user can fill, 0..1 (as {@code df} and psutil compute it). */
        public double usageFraction() {
            long usable = usedBytes + freeBytes;
            return usable <= 0 ? 0.0 : (double) usedBytes / usable;
        }
    }
}
