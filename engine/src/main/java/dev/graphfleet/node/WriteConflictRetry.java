package dev.graphfleet.node;

import dev.graphfleet.graph.GraphException;
import dev.graphfleet.time.Sleeper;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a statement that met another write transaction. The engine runs one write transaction
 * per database and fails the others at once, before they change anything, so retrying is safe; a
 * short server-side retry smooths brief overlaps, and a caller still blocked after the window gets
 * a 409 with Retry-After. Backoff doubles from 2 ms to 64 ms.
 */
final class WriteConflictRetry {

    private static final Duration FIRST_PAUSE = Duration.ofMillis(2);
    private static final Duration MAX_PAUSE = Duration.ofMillis(64);

    private final Duration window;
    private final Sleeper sleeper;

    WriteConflictRetry(Duration window, Sleeper sleeper) {
        this.window = window;
        this.sleeper = sleeper;
    }

    <T> T run(Supplier<T> attempt) {
        Duration waited = Duration.ZERO;
        Duration pause = FIRST_PAUSE;
        while (true) {
            try {
                return attempt.get();
            } catch (GraphException e) {
                if (e.kind() != GraphException.Kind.WRITE_CONFLICT || waited.plus(pause).compareTo(window) > 0) {
                    throw e;
                }
                try {
                    sleeper.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                waited = waited.plus(pause);
                pause = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
            }
        }
    }
}
