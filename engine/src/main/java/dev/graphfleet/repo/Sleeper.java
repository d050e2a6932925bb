package dev.graphfleet.repo;

import java.time.Duration;

/** Waits between retries. Injected so tests neither sleep nor depend on timing. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return duration -> {
            if (!duration.isZero()) {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
