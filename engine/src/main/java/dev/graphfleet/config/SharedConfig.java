package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import java.time.Duration;

/**
 * {@code node.shared}: how a shared node follows its store. Every {@code refresh_interval_s} it reads the
 * store's current version of each repository and moves to a newer one in place (new queries to the new
 * version, queries in flight finish on the old); {@code 0} turns the poll off (the refresh endpoint works
 * either way).
 */
public record SharedConfig(Integer refreshIntervalS) {

    public static final int DEFAULT_REFRESH_INTERVAL_S = 60;
    /** A day: a poll rarer than this is a typo for "off" (0). */
    public static final int MAX_REFRESH_INTERVAL_S = 86_400;
    public static final SharedConfig DEFAULTS = new SharedConfig(null);

    public SharedConfig {
        refreshIntervalS = orDefault(refreshIntervalS, DEFAULT_REFRESH_INTERVAL_S);
    }

    /** Zero when the poll is off. */
    public Duration refreshInterval() {
        return Duration.ofSeconds(Math.max(0, refreshIntervalS));
    }
}
