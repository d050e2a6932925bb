package dev.graphfleet.node;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that acts on every request's deadline: what is due is found by a scan every
 * {@value #TICK_MILLIS} ms. Watching a request costs two concurrent-set operations, where a
 * ScheduledFuture per request took the scheduler's lock twice and woke its thread on every cancel.
 * A deadline is therefore acted on at most one tick late. The thread rests only after
 * {@value #IDLE_MILLIS} ms with nothing to watch, and only then does a new watch wake it: waking it
 * on every request cost each query a thread wake-up (two at one client, where the set empties
 * between requests).
 */
final class DeadlineReaper implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineReaper.class);
    static final long TICK_MILLIS = 5;
    private static final long IDLE_MILLIS = 100;

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final Thread thread;
    private volatile boolean closed;
    /** Parked for {@value #IDLE_MILLIS} ms or more: the next watch must wake it. */
    private volatile boolean resting;

    /** A deadline being watched; closing it (when the request is done) stops the watch. */
    final class Watch implements AutoCloseable {
        private final Runnable action;
        private final long repeatNanos;
        private volatile long nextNanos;
        private volatile boolean fired;

        private Watch(long dueNanos, long repeatNanos, Runnable action) {
            this.nextNanos = dueNanos;
            this.repeatNanos = repeatNanos;
            this.action = action;
        }

        /** The deadline came and the action ran (at least once). */
        boolean fired() {
            return fired;
        }

        @Override
        public void close() {
            watched.remove(this);
        }
    }

    DeadlineReaper() {
        thread = new Thread(this::run, "graphfleet-query-deadlines");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Runs {@code action} once {@link System#nanoTime()} reaches {@code dueNanos}, then every
     * {@code repeatNanos} (0: once) until the watch is closed.
     */
    Watch watch(long dueNanos, long repeatNanos, Runnable action) {
        Watch watch = new Watch(dueNanos, repeatNanos, action);
        watched.add(watch);
        if (resting) {
            LockSupport.unpark(thread);
        }
        return watch;
    }

    int watching() {
        return watched.size();
    }

    private void run() {
        long emptySince = System.nanoTime();
        while (!closed) {
            long now = System.nanoTime();
            if (!watched.isEmpty()) {
                emptySince = now;
            }
            for (Watch w : watched) {
                if (now - w.nextNanos < 0) {
                    continue;
                }
                if (w.repeatNanos > 0) {
                    w.nextNanos = now + w.repeatNanos;
                } else {
                    watched.remove(w);
                }
                w.fired = true;
                try {
                    w.action.run();
                } catch (RuntimeException e) {
                    log.warn("acting on a query deadline failed: {}", e.toString());
                }
            }
            if (now - emptySince < TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS)) {
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
            } else {
                rest();
            }
        }
    }

    /** With nothing watched for a while it rests; the first new watch wakes it (the timeout is only a fallback). */
    private void rest() {
        resting = true;
        if (watched.isEmpty()) { // a watch added before the flag was seen is not missed
            LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS));
        }
        resting = false;
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
    }
}
