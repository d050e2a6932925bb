package dev.graphfleet.time;

import java.time.Duration;

/**
 * Waits between retries and polls. Injected so tests neither sleep nor depend on timing: they record the waits
 * or skip them.
 */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** {@link Thread#sleep}; a zero or negative duration returns at once. */
    static Sleeper system() {
        return duration -> {
            if (!duration.isZero() && !duration.isNegative()) {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
