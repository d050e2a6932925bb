package dev.graphfleet.node.admission;

import java.time.Duration;

/**
 * The process is over its memory budget: a running query was stopped, or a new one is refused until
 * memory is back under it (an HTTP 503 {@code memory_limit} with Retry-After).
 */
public final class MemoryLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public MemoryLimitException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
