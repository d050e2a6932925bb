package dev.graphfleet.config;

import static dev.graphfleet.config.ConfigMaps.orDefault;

import java.time.Duration;
import java.util.List;

/**
 * {@code node.attach}: how often a repository attach is tried, and the waits between tries
 * ({@code backoff_s}: the first wait, the second, ...; the last repeats when there are more tries).
 */
public record AttachConfig(Integer attempts, List<Integer> backoffS) {

    public static final int DEFAULT_ATTEMPTS = 3;
    public static final List<Integer> DEFAULT_BACKOFF_S = List.of(5, 10);
    public static final AttachConfig DEFAULTS = new AttachConfig(null, null);

    public AttachConfig {
        attempts = orDefault(attempts, DEFAULT_ATTEMPTS);
        backoffS = backoffS == null ? DEFAULT_BACKOFF_S : ConfigMaps.copy(backoffS);
    }

    /** The wait after failed attempt {@code failed} (1-based), before the next one. */
    public Duration backoffAfter(int failed) {
        if (failed < 1) {
            throw new IllegalArgumentException("failed attempts count from 1, got " + failed);
        }
        if (backoffS.isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds(backoffS.get(Math.min(failed, backoffS.size()) - 1));
    }
}
