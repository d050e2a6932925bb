package dev.graphfleet.pool;

import dev.graphfleet.graph.GraphConnection;
import java.util.concurrent.atomic.AtomicLong;

/** One physical connection and its bookkeeping. Its state changes only under the owner's permit. */
final class PooledEntry {

    private static final AtomicLong IDS = new AtomicLong();

    final long id = IDS.incrementAndGet();
    final GraphConnection connection;
    final DatabaseHandle handle;
    final long createdAt;
    final long generation;

    volatile boolean inUse;
    volatile boolean broken;
    volatile long borrowedAt;
    volatile Thread borrower;
    volatile boolean leakReported;
    /** The borrower's stack when the leak was noticed; null until then. */
    volatile StackTraceElement[] leakStack;

    PooledEntry(GraphConnection connection, DatabaseHandle handle, long createdAt, long generation) {
        this.connection = connection;
        this.handle = handle;
        this.createdAt = createdAt;
        this.generation = generation;
    }

    boolean expired(long now, long ttlNanos) {
        return now - createdAt >= ttlNanos;
    }

    void lend(long now) {
        borrowedAt = now;
        borrower = Thread.currentThread();
        leakReported = false;
        leakStack = null;
        inUse = true;
    }

    void giveBack() {
        inUse = false;
        borrower = null;
    }
}
