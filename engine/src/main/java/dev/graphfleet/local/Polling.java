package dev.graphfleet.local;

import java.time.Duration;

/** The pause between two looks at a child node: another process cannot call back, so the fleet polls it. */
final class Polling {

    static final Duration INTERVAL = Duration.ofMillis(100);

    private Polling() {
    }

    static void pause() {
        try {
            Thread.sleep(INTERVAL.toMillis()); // polling another process: it cannot call back
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
