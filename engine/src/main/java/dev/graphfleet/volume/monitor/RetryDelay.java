package dev.graphfleet.volume.monitor;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The wait before a retry, without holding a thread; injectable so tests never wait. */
@FunctionalInterface
public interface RetryDelay {

    /** Completes after {@code d}. */
    CompletableFuture<Void> after(Duration d);

    static RetryDelay system() {
        return d -> CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(Math.max(0, d.toMillis()), TimeUnit.MILLISECONDS));
    }
}
