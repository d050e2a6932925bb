package dev.graphfleet.node.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * One section of /metrics. A guarded section is produced off the request thread; a request waits for
 * it only until its deadline and otherwise gets the last good value marked stale. While one
 * production is still running no other starts: a hung probe (a dead NFS mount, a stuck supplier)
 * holds one thread, not one per request. An inline section only reads memory and is produced on the
 * request thread: no thread hand-off, which is what keeps /metrics fast on a saturated machine.
 */
final class MetricsSection {

    private final String name;
    private final Supplier<Timed<?>> producer;
    private final Duration maxAge;
    private final Clock clock;
    private final Executor executor;
    private final boolean inline;
    private CompletableFuture<Timed<?>> running;
    private volatile Timed<?> last;

    /**
     * @param maxAge figures older than this are reported stale even when produced in time
     * @param inline produce on the caller's thread (for sections that only read memory)
     */
    MetricsSection(String name, Supplier<Timed<?>> producer, Duration maxAge, Clock clock, Executor executor,
                   boolean inline) {
        this.name = name;
        this.producer = producer;
        this.maxAge = maxAge;
        this.clock = clock;
        this.executor = executor;
        this.inline = inline;
    }

    String name() {
        return name;
    }

    /**
     * Starts producing the section unless a production is already running; never blocks. An inline
     * section is produced here and then, and comes back complete.
     */
    CompletableFuture<Timed<?>> start() {
        if (inline) {
            CompletableFuture<Timed<?>> produced = new CompletableFuture<>();
            try {
                Timed<?> timed = producer.get();
                last = timed;
                produced.complete(timed);
            } catch (RuntimeException e) {
                produced.completeExceptionally(e);
            }
            return produced;
        }
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = CompletableFuture.supplyAsync(producer, executor);
                running.thenAccept(timed -> last = timed);
            }
            return running;
        }
    }

    /** Waits for {@code production} until {@code deadlineNanos} ({@link System#nanoTime()}). */
    SectionReport await(CompletableFuture<Timed<?>> production, long deadlineNanos) {
        try {
            Timed<?> timed = production.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new SectionReport(timed.value(), timed.collectedAt(), tooOld(timed.collectedAt()), null);
        } catch (TimeoutException e) {
            return cached(null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cached(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cached("interrupted");
        }
    }

    private SectionReport cached(String error) {
        Timed<?> cached = last;
        if (cached == null) {
            return new SectionReport(null, null, true, error != null ? error
                    : "not produced within the metrics timeout, and nothing cached yet");
        }
        return new SectionReport(cached.value(), cached.collectedAt(), true, error);
    }

    private boolean tooOld(Instant collectedAt) {
        return collectedAt == null || Duration.between(collectedAt, clock.instant()).compareTo(maxAge) > 0;
    }
}
