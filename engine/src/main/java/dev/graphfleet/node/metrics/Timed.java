package dev.graphfleet.node.metrics;

import java.time.Instant;

/** A section's value and when the figures in it were collected (a cache's time, not the request's). */
public record Timed<T>(T value, Instant collectedAt) {
}
