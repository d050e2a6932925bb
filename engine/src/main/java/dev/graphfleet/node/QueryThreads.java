package dev.graphfleet.node;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads engine calls run on, and the timer that enforces their deadlines.
 *
 * <p>The engine recurses on the calling thread's native stack while it parses and plans, so these
 * threads get a 32 MiB stack: a worker's 1 MiB dies at about 250 nested parentheses. The stack is
 * reserved, not committed: memory is only used as deep as a query really goes.
 */
final class QueryThreads implements AutoCloseable {

    static final long STACK_BYTES = 32L << 20;
    /** How often a call past its deadline is interrupted again until the engine gives it up. */
    static final Duration REINTERRUPT = Duration.ofMillis(250);

    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService timer;

    QueryThreads(int size) {
        ThreadGroup group = new ThreadGroup("graphfleet-query");
        AtomicInteger ids = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(group, runnable, "graphfleet-query-" + ids.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        executor.allowCoreThreadTimeOut(true);
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "graphfleet-query-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Threads for {@code connectionsPerDatabase} connections and {@code inFlightPerDatabase}
     * admitted requests per database: four databases busy at their limit at once, at least 8.
     * More would not run faster (the engine has its own worker threads); fewer queue, within
     * their deadlines.
     */
    static int size(int connectionsPerDatabase, int inFlightPerDatabase) {
        return Math.max(8, 4 * Math.min(connectionsPerDatabase, inFlightPerDatabase));
    }

    int size() {
        return executor.getMaximumPoolSize();
    }

    <T> Future<T> submit(Callable<T> task) {
        return executor.submit(task);
    }

    ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
        return timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** Interrupts {@code call} now and every {@link #REINTERRUPT} until its engine call has returned. */
    void interruptUntilDone(EngineCall call) {
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        synchronized (self) {
            self[0] = timer.scheduleWithFixedDelay(() -> {
                if (call.done()) {
                    synchronized (self) {
                        self[0].cancel(false);
                    }
                } else {
                    call.interrupt();
                }
            }, 0, REINTERRUPT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops taking calls; those running carry on (the engine cannot be stopped mid-call from Java). */
    @Override
    public void close() {
        executor.shutdown();
        timer.shutdownNow();
    }
}
