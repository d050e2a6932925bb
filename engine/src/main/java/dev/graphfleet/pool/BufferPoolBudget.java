package dev.graphfleet.pool;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The buffer pools of all Databases of a pool under one hard limit ({@code max_memory_mb}). A
 * Database opens only with a grant from here and holds it until it has really closed (a retired
 * Database whose connections are still lent keeps counting), so the sum of the pools' limits, and
 * with it what they can hold, never passes the budget. Room is made by closing the least recently
 * used idle Databases; when every other one is busy, the opener waits a bounded time, then is refused.
 */
final class BufferPoolBudget {

    /** The engine refuses smaller buffer pools ({@code DatabaseSettings}). */
    static final long MIN_GRANT_BYTES = 16L * 1024 * 1024;
    /** How often a waiting opener looks again for a Database that became idle. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    interface RoomMaker {
        RoomMaker NONE = new RoomMaker() {
            @Override
            public boolean closeOneIdle(String except) {
                return false;
            }

            @Override
            public boolean requestClose(String except) {
                return false;
            }
        };

        /** Closes one idle open Database other than {@code except}, least recently used first; false if none. */
        boolean closeOneIdle(String except);

        /**
         * Asks the least recently used busy one (other than {@code except}) to close once its
         * connections return; false when none was newly asked.
         */
        boolean requestClose(String except);
    }

    private final long budgetBytes;
    private long grantedBytes;
    private long peakGrantedBytes;
    private final LongAdder evictions = new LongAdder();
    private final LongAdder refusals = new LongAdder();

    BufferPoolBudget(long budgetBytes) {
        if (budgetBytes < MIN_GRANT_BYTES) {
            throw new IllegalArgumentException("the buffer pool budget (max_memory_mb) must be at least 16 MiB, got "
                    + (budgetBytes >> 20) + " MiB");
        }
        this.budgetBytes = budgetBytes;
    }

    static BufferPoolBudget unlimited() {
        return new BufferPoolBudget(Long.MAX_VALUE);
    }

    boolean limited() {
        return budgetBytes != Long.MAX_VALUE;
    }

    /**
     * Grants a buffer pool to {@code database}: {@code wanted}, capped at {@code cap}; less (but at
     * least {@link #MIN_GRANT_BYTES} and a quarter of it) when only that much is free and nothing idle
     * can be closed, so memory keeps flowing to the databases being queried.
     *
     * @throws MemoryBudgetExceededException when no room came free within {@code wait}
     */
    long grant(String database, long wanted, long cap, Duration wait, RoomMaker room) {
        long want = Math.max(MIN_GRANT_BYTES, Math.min(wanted, Math.min(cap, budgetBytes)));
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            synchronized (this) {
                if (budgetBytes - grantedBytes >= want) {
                    return take(want);
                }
            }
            // Outside this monitor: closing a Database gives its grant back through release().
            if (room.closeOneIdle(database)) {
                evictions.increment();
                continue;
            }
            synchronized (this) {
                long free = budgetBytes - grantedBytes;
                if (free >= want) {
                    return take(want);
                }
                if (free >= Math.max(MIN_GRANT_BYTES, want / 4)) {
                    return take(free);
                }
            }
            if (room.requestClose(database)) {
                evictions.increment();
            }
            synchronized (this) {
                if (budgetBytes - grantedBytes >= want) {
                    return take(want);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    refusals.increment();
                    throw new MemoryBudgetExceededException(database, want, budgetBytes, grantedBytes, wait);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, Math.min(left, RECHECK_NANOS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for buffer-pool memory for " + database, e);
                }
            }
        }
    }

    private long take(long bytes) {
        grantedBytes += bytes;
        peakGrantedBytes = Math.max(peakGrantedBytes, grantedBytes);
        return bytes;
    }

    synchronized void release(long bytes) {
        grantedBytes -= bytes;
        notifyAll();
    }

    long budgetBytes() {
        return budgetBytes;
    }

    synchronized long grantedBytes() {
        return grantedBytes;
    }

    synchronized long peakGrantedBytes() {
        return peakGrantedBytes;
    }

    /** Databases closed, or asked to close once their queries return, to make room for another (not the governor's). */
    long evictions() {
        return evictions.sum();
    }

    /** Opens refused because no room came free in time. */
    long refusals() {
        return refusals.sum();
    }
}
