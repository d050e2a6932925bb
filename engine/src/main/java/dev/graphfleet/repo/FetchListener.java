package dev.graphfleet.repo;

import java.time.Duration;

/**
 * Observes a fetch. Calls come from download threads, one at a time (never concurrently), about
 * once per MiB and once per completed part: keep them cheap.
 */
@FunctionalInterface
public interface FetchListener {

    FetchListener NONE = progress -> { };

    void onProgress(FetchProgress progress);

    /** A part failed and will be tried again after {@code wait}. */
    default void onRetry(VersionRef ref, int part, int nextAttempt, Duration wait, Exception error) {
    }
}
