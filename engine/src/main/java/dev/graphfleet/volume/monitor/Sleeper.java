package dev.graphfleet.volume.monitor;

import java.time.Duration;

/** Waits between retries and polls; injectable so tests never sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration d) throws InterruptedException;

    static Sleeper system() {
        return d -> {
            if (!d.isZero() && !d.isNegative()) {
                Thread.sleep(d.toMillis());
            }
        };
    }
}
