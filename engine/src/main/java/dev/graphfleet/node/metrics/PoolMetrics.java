package dev.graphfleet.node.metrics;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.graphfleet.pool.PoolStatistics;

/**
 * The {@code pool} section: the pool's statistics as they always were, plus the configured maximum each
 * database's pool opens with, so a node that has opened no database yet still says its real maximum.
 */
public record PoolMetrics(@JsonUnwrapped PoolStatistics statistics, int maxPerDatabase) {
}
