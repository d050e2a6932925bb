package dev.graphfleet.node.admission;

import com.netflix.concurrency.limits.Limiter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One admitted request's place on its database and in the node's limit; closing it frees both.
 * Idempotent. Closing it normally tells the adaptive limit how long the request took.
 */
public final class AdmissionSlot implements AutoCloseable {

    private final AdmissionController controller;
    private final String database;
    private final AtomicInteger counter;
    private final Limiter.Listener listener;
    private final AtomicBoolean released = new AtomicBoolean();

    AdmissionSlot(AdmissionController controller, String database, AtomicInteger counter, Limiter.Listener listener) {
        this.controller = controller;
        this.database = database;
        this.counter = counter;
        this.listener = listener;
    }

    public String database() {
        return database;
    }

    /** The request was answered: its time counts as a latency sample. */
    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            listener.onSuccess();
            controller.release(counter);
        }
    }

    /**
     * The request failed before its answer. A timeout is a sign of overload (the limit shrinks); any
     * other failure (a bad query, a refusal) says nothing about the node's latency and is not counted.
     */
    public void closeFailed(boolean timedOut) {
        if (released.compareAndSet(false, true)) {
            if (timedOut) {
                listener.onDropped();
            } else {
                listener.onIgnore();
            }
            controller.release(counter);
        }
    }
}
