package dev.graphfleet.config;

import java.util.List;

/**
 * A tier ({@code tiers.<name>}): the instance its nodes run on, with defaults applied, and the
 * shared repositories its nodes serve (empty for writer tiers).
 */
public record TierConfig(InstanceConfig instance, List<String> sharedRepositories) {

    public TierConfig {
        instance = instance == null ? InstanceConfig.DEFAULTS : instance;
        sharedRepositories = ConfigMaps.copy(sharedRepositories);
    }

    public boolean isShared() {
        return !sharedRepositories.isEmpty();
    }
}
