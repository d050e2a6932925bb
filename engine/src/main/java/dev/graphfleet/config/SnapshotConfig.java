package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

/**
 * Snapshots a replica group boots from: {@code graph_id} (the repository the snapshot is tagged
 * with; optional) and how many snapshots to keep for rollback (default 3).
 */
public record SnapshotConfig(String graphId, Integer keep) {

    public static final int DEFAULT_KEEP = 3;
    public static final SnapshotConfig DEFAULTS = new SnapshotConfig(null, null);

    public SnapshotConfig {
        keep = orDefault(keep, DEFAULT_KEEP);
    }
}
