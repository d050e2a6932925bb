package dev.graphfleet.config;

import java.nio.file.Path;

/**
 * This process, for {@code graphfleet serve} ({@code node}). A node runs on its tier's instance
 * settings; a shared replica names its {@code replica_group} so it runs on the group's (smaller)
 * instance instead: see {@link GraphfleetConfig#nodeInstance()}.
 *
 * @param store null when the node uses no repository store
 */
public record NodeConfig(
        String id,
        NodeType type,
        String tier,
        String replicaGroup,
        Path dataDir,
        ApiConfig api,
        StoreConfig store,
        PoolConfig pool,
        MetricsConfig metrics,
        AdmissionConfig admission,
        AttachConfig attach,
        StalenessConfig staleness,
        MemoryConfig memory,
        SharedConfig shared) {

    /** Under {@code data_dir} when {@code store.cache_dir} is not set. */
    public static final String DEFAULT_CACHE_DIR_NAME = "repository-cache";

    public NodeConfig {
        api = api == null ? ApiConfig.DEFAULTS : api;
        pool = pool == null ? PoolConfig.DEFAULTS : pool;
        metrics = metrics == null ? MetricsConfig.DEFAULTS : metrics;
        admission = admission == null ? AdmissionConfig.DEFAULTS : admission;
        attach = attach == null ? AttachConfig.DEFAULTS : attach;
        staleness = staleness == null ? StalenessConfig.DEFAULTS : staleness;
        memory = memory == null ? MemoryConfig.DEFAULTS : memory;
        shared = shared == null ? SharedConfig.DEFAULTS : shared;
    }

    /** Where downloaded repositories are kept: {@code store.cache_dir}, else {@code <data_dir>/repository-cache}. */
    public Path cacheDir() {
        if (store != null && store.cacheDir() != null) {
            return store.cacheDir();
        }
        return dataDir == null ? null : dataDir.resolve(DEFAULT_CACHE_DIR_NAME);
    }
}
