package dev.graphfleet.node.metrics;

import dev.graphfleet.node.admission.AdmissionController;
import dev.graphfleet.node.admission.ResourceGauge;
import dev.graphfleet.pool.GraphPool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Everything the node's metrics are read from. Every source answers from memory: the resource
 * sampler and the size scanner do their I/O on their own threads.
 *
 * @param nodeType              {@code writer}, {@code shared_master} or {@code shared_replica}
 * @param attachments           the attachments section as served (the shared-repository work fills it)
 * @param attachmentsByPhase    repositories per attachment phase, for Prometheus
 * @param dataVolume            the data volume when it is not the file system under the data directory
 *                              (the local fleet's simulated capacities); null for the file system
 * @param processMemory         what the process holds against its whole memory budget
 * @param maxConnectionsPerDatabase the pool's configured maximum per database, known before any database opens
 */
public record MetricsSources(String nodeId, String nodeType, Instant startedAt, Clock clock,
                             ResourceGauge resources, Duration sampleInterval, DatabaseSizeScanner sizes,
                             QueryStats queries, GraphPool pool, long bufferPoolBytesPerDatabase,
                             long memoryBudgetBytes, AdmissionController admission, Supplier<?> attachments,
                             Supplier<Map<String, Integer>> attachmentsByPhase, BooleanSupplier ready,
                             MetricsSettings settings, DataVolumeSource dataVolume,
                             ProcessMemory processMemory, int maxConnectionsPerDatabase) {

    /** Evictions by the pool's memory governor since start; null while no governor watches the pool. */
    public Long governorEvictions() {
        return pool.governor().map(governor -> governor.evictions()).orElse(null);
    }

    public long uptimeSeconds() {
        return Math.max(0, Duration.between(startedAt, clock.instant()).toSeconds());
    }
}
