package dev.graphfleet.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Fails a load test that stops making progress instead of letting it hang the build: every second it
 * reads a progress counter; when the counter has not moved for {@code stallAfter}, it dumps every
 * thread (with the locks they hold and wait for) and completes {@link #stalled()} with that dump.
 */
public final class Watchdog implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "soak-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private final CompletableFuture<String> stalled = new CompletableFuture<>();

    public Watchdog(LongSupplier progress, Duration stallAfter) {
        long[] last = {progress.getAsLong(), System.nanoTime()};
        scheduler.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            long value = progress.getAsLong();
            if (value != last[0]) {
                last[0] = value;
                last[1] = now;
            } else if (now - last[1] >= stallAfter.toNanos() && !stalled.isDone()) {
                String dump = threadDump();
                System.err.println("WATCHDOG: no progress for " + stallAfter.toSeconds() + " s; threads:\n" + dump);
                stalled.complete(dump);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Completes with a thread dump when progress stopped; never completes otherwise. */
    public CompletableFuture<String> stalled() {
        return stalled;
    }

    public static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append('"').append(info.getThreadName()).append("\" ").append(info.getThreadState());
            if (info.getLockName() != null) {
                dump.append(" on ").append(info.getLockName());
            }
            if (info.getLockOwnerName() != null) {
                dump.append(" owned by \"").append(info.getLockOwnerName()).append('"');
            }
            dump.append('\n');
            for (StackTraceElement frame : info.getStackTrace()) {
                dump.append("\tat ").append(frame).append('\n');
            }
        }
        return dump.toString();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
