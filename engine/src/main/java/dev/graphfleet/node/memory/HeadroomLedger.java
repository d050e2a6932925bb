package dev.graphfleet.node.memory;

import dev.graphfleet.node.admission.MemoryLimitException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The query headroom shared by the statements running at once: a statement whose {@code range()} or
 * pad calls the engine will build in one uninterruptible step reserves their estimated size while it
 * runs, so several allowed statements together cannot pass the headroom either. A statement that does
 * not fit waits a bounded time for others to finish, then is refused (503 {@code memory_limit}).
 */
public final class HeadroomLedger {

    private static final long MIB = 1024L * 1024L;

    /**
     * What the process itself grows by outside its heap and buffer pools (thread stacks, metaspace,
     * JIT code, the engine's own structures): the headroom keeps this much back from statements, or
     * several estimates that fit the headroom exactly pass the budget by that growth (seen: 1.5 MiB over
     * a 728 MiB budget with two 300 MiB statements sharing a 600 MiB headroom).
     */
    static final long PROCESS_ALLOWANCE_BYTES = 64 * MIB;

    private final long capacityBytes;
    private final Duration wait;
    private final Duration retryAfter;
    private long reservedBytes;

    /** A ledger over what statements may hold of {@code headroomBytes}: see {@link #lendable(long)}. */
    public static HeadroomLedger forHeadroom(long headroomBytes, Duration wait, Duration retryAfter) {
        return new HeadroomLedger(lendable(headroomBytes), wait, retryAfter);
    }

    /** The headroom less the process's own allowance, but at least half of it. */
    static long lendable(long headroomBytes) {
        return Math.max(headroomBytes / 2, headroomBytes - PROCESS_ALLOWANCE_BYTES);
    }

    public HeadroomLedger(long capacityBytes, Duration wait, Duration retryAfter) {
        this.capacityBytes = capacityBytes;
        this.wait = wait;
        this.retryAfter = retryAfter;
    }

    /** Reserves {@code bytes} (at most the capacity; zero reserves nothing), waiting up to the wait. */
    public void reserve(long bytes) {
        if (bytes <= 0) {
            return;
        }
        long want = Math.min(bytes, capacityBytes);
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (this) {
            while (capacityBytes - reservedBytes < want) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new MemoryLimitException("this statement's range()/lpad()/rpad() values (~" + want / MIB
                            + " MiB) did not fit the " + capacityBytes / MIB
                            + " MiB that statements may hold of the query headroom (node.memory.query_headroom_mb) within " + wait.toMillis()
                            + " ms: statements running now hold " + reservedBytes / MIB + " MiB of it; retry", retryAfter);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for query headroom", e);
                }
            }
            reservedBytes += want;
        }
    }

    public synchronized void release(long bytes) {
        if (bytes <= 0) {
            return;
        }
        reservedBytes -= Math.min(bytes, capacityBytes);
        notifyAll();
    }

    public synchronized long reservedBytes() {
        return reservedBytes;
    }

    public long capacityBytes() {
        return capacityBytes;
    }
}
