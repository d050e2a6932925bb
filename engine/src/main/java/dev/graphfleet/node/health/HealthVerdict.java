package dev.graphfleet.node.health;

import java.util.Objects;

/**
 * What {@code /health} answers.
 *
 * @param serving true for 200 (take traffic), false for 503
 * @param status  {@code ready}, {@code starting}, {@code shutting_down}, {@code attach_failed} or {@code stale}
 * @param stale   the data is older than the maximum, whether or not that took the node out
 * @param reason  why, in words, or null when all is well
 */
public record HealthVerdict(boolean serving, String status, boolean stale, String reason) {

    public HealthVerdict {
        Objects.requireNonNull(status, "status");
    }

    public int httpStatus() {
        return serving ? 200 : 503;
    }
}
