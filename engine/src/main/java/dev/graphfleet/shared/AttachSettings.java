package dev.graphfleet.shared;

import java.time.Duration;
import java.util.List;

/**
 * Retries of one attach round and the background retry after a failed round.
 *
 * @param attempts        tries per round (3)
 * @param backoff         waits between tries, the last repeated (5 s, 10 s)
 * @param backgroundRetry wait before a failed repository starts a new round
 */
public record AttachSettings(int attempts, List<Duration> backoff, Duration backgroundRetry) {

    public static final AttachSettings DEFAULTS = new AttachSettings(3,
            List.of(Duration.ofSeconds(5), Duration.ofSeconds(10)), Duration.ofMinutes(1));

    public AttachSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("node.attach.attempts must be at least 1, got " + attempts);
        }
        backoff = List.copyOf(backoff);
        if (backoff.isEmpty()) {
            throw new IllegalArgumentException("node.attach.backoff_s needs at least one wait");
        }
    }

    /** The wait after failed try number {@code attempt} (1-based). */
    public Duration waitAfter(int attempt) {
        return backoff.get(Math.min(attempt - 1, backoff.size() - 1));
    }
}
