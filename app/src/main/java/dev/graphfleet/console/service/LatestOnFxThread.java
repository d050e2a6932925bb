package dev.graphfleet.console.service;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from a background thread to the FX thread, keeping only the latest: if the FX thread
 * is busy while two refreshes finish, it applies the newer one once instead of both. At most one
 * task is queued on the FX thread at any time.
 */
public final class LatestOnFxThread<T> implements Consumer<T> {

    private final AtomicReference<T> pending = new AtomicReference<>();
    private final Executor fxThread;
    private final Consumer<T> apply;

    /**
     * @param fxThread {@code Platform::runLater} in the app
     * @param apply    runs on {@code fxThread} with the latest value
     */
    public LatestOnFxThread(Executor fxThread, Consumer<T> apply) {
        this.fxThread = Objects.requireNonNull(fxThread, "fxThread");
        this.apply = Objects.requireNonNull(apply, "apply");
    }

    @Override
    public void accept(T value) {
        Objects.requireNonNull(value, "value");
        if (pending.getAndSet(value) == null) {
            fxThread.execute(() -> {
                T latest = pending.getAndSet(null);
                if (latest != null) {
                    apply.accept(latest);
                }
            });
        }
    }
}
