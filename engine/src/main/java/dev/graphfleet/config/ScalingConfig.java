package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

/** Auto Scaling bounds, {@code 0 ≤ min ≤ desired ≤ max ≤ 50}. Defaults 2 / 10, desired = min. */
public record ScalingConfig(Integer min, Integer max, Integer desired) {

    public static final int DEFAULT_MIN = 2;
    public static final int DEFAULT_MAX = 10;
    /** The most instances a replica group may have. */
    public static final int LIMIT = 50;
    public static final ScalingConfig DEFAULTS = new ScalingConfig(null, null, null);

    public ScalingConfig {
        min = orDefault(min, DEFAULT_MIN);
        max = orDefault(max, DEFAULT_MAX);
        desired = orDefault(desired, min);
    }
}
