package dev.graphfleet.node.metrics;

import java.util.Optional;

/**
 * Where a node's data volume figures come from when they are not the file system under its data directory:
 * the local fleet gives each node a simulated capacity. Read on the request path, so it answers from memory
 * (any measuring happens in the background).
 */
@FunctionalInterface
public interface DataVolumeSource {

    /** The last measurement; empty until the first one completes. */
    Optional<DataVolumeReading> latest();
}
