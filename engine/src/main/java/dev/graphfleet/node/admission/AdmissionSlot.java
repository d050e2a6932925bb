package dev.graphfleet.node.admission;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One admitted request's place on its database; closing it frees the place. Idempotent. */
public final class AdmissionSlot implements AutoCloseable {

    private final AdmissionController controller;
    private final String database;
    private final AtomicInteger counter;
    private final AtomicBoolean released = new AtomicBoolean();

    AdmissionSlot(AdmissionController controller, String database, AtomicInteger counter) {
        this.controller = controller;
        this.database = database;
        this.counter = counter;
    }

    public String database() {
        return database;
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            controller.release(counter);
        }
    }
}
