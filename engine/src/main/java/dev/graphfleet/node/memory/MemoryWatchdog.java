package dev.graphfleet.node.memory;

import dev.graphfleet.node.admission.MemoryPressure;
import dev.graphfleet.node.metrics.ProcessMemory;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the process to its memory budget. A daemon thread reads the resident set every few
 * milliseconds; past the budget it first gives freed allocator memory back (a trim), and if the
 * process is still over, stops the running queries (they fail with {@code memory_limit}) and makes
 * admission refuse new ones until it is under again. The engine's query memory lives outside its
 * buffer pools and outside the JVM heap, so only the process's own figure shows it.
 */
public final class MemoryWatchdog implements MemoryPressure, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MemoryWatchdog.class);
    private static final long MIB = 1024L * 1024L;
    /** A trim walks the allocator's arenas: at most this often, so an over-budget spell does not spin on it. */
    private static final long TRIM_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /**
     * Under the budget, a trim follows a rise of this much since the last trim (at most every few
     * seconds), so memory a finished query left in the allocator goes back before the next one needs it.
     */
    private static final long EAGER_TRIM_RISE_BYTES = 128 * MIB;
    private static final long EAGER_TRIM_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final ProcessMemoryBudget budget;
    private final ResidentMemory resident;
    private final IntSupplier stopQueries;
    private final NativeHeapTrim trim = new NativeHeapTrim();
    private final long intervalNanos;
    private final LongAdder queriesStopped = new LongAdder();
    private final LongAdder overBudgetSpells = new LongAdder();
    private final Thread thread;
    private volatile long residentBytes = -1;
    private volatile long peakResidentBytes = -1;
    private volatile boolean overBudget;
    private volatile boolean closed;
    private long lastTrim;
    private long residentAfterTrim;

    private MemoryWatchdog(ProcessMemoryBudget budget, ResidentMemory resident, IntSupplier stopQueries,
                           long intervalMillis) {
        this.budget = budget;
        this.resident = resident;
        this.stopQueries = stopQueries;
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.thread = resident == null ? null : new Thread(this::run, "graphfleet-memory-watchdog");
        if (thread != null) {
            sample();
            residentAfterTrim = Math.max(0, residentBytes);
            thread.setDaemon(true);
            thread.start();
        } else {
            log.warn("the process's resident memory cannot be read here (no /proc/self/statm): the memory budget of {} "
                    + "is not enforced and its figures are missing", budget.describe());
        }
    }

    /**
     * Starts watching.
     *
     * @param stopQueries interrupts every running query and returns how many it interrupted
     */
    public static MemoryWatchdog start(ProcessMemoryBudget budget, IntSupplier stopQueries, long intervalMillis) {
        return new MemoryWatchdog(budget, ResidentMemory.open().orElse(null), stopQueries, intervalMillis);
    }

    private void run() {
        while (!closed) {
            try {
                sample();
            } catch (RuntimeException e) {
                log.warn("memory watchdog check failed; checking again shortly", e);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(intervalNanos);
        }
    }

    /** One check; also called once at start so the figures exist at once. */
    private void sample() {
        OptionalLong read = resident.bytes();
        if (read.isEmpty()) {
            residentBytes = -1;
            overBudget = false;
            return;
        }
        long rss = read.getAsLong();
        record(rss);
        long now = System.nanoTime();
        if (rss <= budget.totalBytes()) {
            if (overBudget) {
                overBudget = false;
                log.info("memory back under the budget: {} MiB resident of {} MiB", rss / MIB, budget.totalBytes() / MIB);
            }
            if (rss > residentAfterTrim + EAGER_TRIM_RISE_BYTES && now - lastTrim >= EAGER_TRIM_EVERY_NANOS) {
                trimNow(now);
            }
            return;
        }
        if (!overBudget) {
            overBudget = true;
            overBudgetSpells.increment();
        }
        if (now - lastTrim >= TRIM_EVERY_NANOS) {
            trimNow(now);
            if (residentBytes >= 0 && residentBytes <= budget.totalBytes()) {
                overBudget = false; // freed memory the allocator held was all it took
                return;
            }
        }
        int stopped = stopQueries.getAsInt();
        if (stopped > 0) {
            queriesStopped.add(stopped);
            log.warn("process memory {} MiB passed the budget of {}: stopped {} running quer(ies)", rss / MIB,
                    budget.describe(), stopped);
        }
    }

    private void trimNow(long now) {
        lastTrim = now;
        if (trim.trim()) {
            resident.bytes().ifPresent(this::record);
        }
        residentAfterTrim = Math.max(0, residentBytes);
    }

    private void record(long rss) {
        residentBytes = rss;
        if (rss > peakResidentBytes) {
            peakResidentBytes = rss;
        }
    }

    @Override
    public String overBudgetReason() {
        if (!overBudget) {
            return null;
        }
        return "the process holds " + residentBytes / MIB + " MiB, more than its memory budget of " + budget.describe();
    }

    /** The message a query stopped for memory fails with. */
    public String stoppedReason() {
        return "the query was stopped because the process passed its memory budget of " + budget.describe()
                + "; make the query need less memory, or raise node.memory.query_headroom_mb";
    }

    /** The watchdog's own readings and budget as the node's memory figures (/metrics, Prometheus). */
    public ProcessMemory figures() {
        return new ProcessMemory() {
            @Override
            public OptionalLong rssBytes() {
                return residentBytes();
            }

            @Override
            public OptionalLong budgetBytes() {
                return OptionalLong.of(budget.totalBytes());
            }
        };
    }

    public ProcessMemoryBudget budget() {
        return budget;
    }

    /** The last resident-set reading in bytes; empty when it cannot be read on this system. */
    public OptionalLong residentBytes() {
        long rss = residentBytes;
        return rss < 0 ? OptionalLong.empty() : OptionalLong.of(rss);
    }

    /** The highest resident set seen since start (sampled, so a spike between two readings may be missed). */
    public OptionalLong peakResidentBytes() {
        long peak = peakResidentBytes;
        return peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak);
    }

    public boolean overBudget() {
        return overBudget;
    }

    /** Queries interrupted because the process was over its budget. */
    public long queriesStopped() {
        return queriesStopped.sum();
    }

    /** How many times the process went over its budget. */
    public long overBudgetSpells() {
        return overBudgetSpells.sum();
    }

    /** Whether the resident set can be read here; when false every figure is missing and nothing is enforced. */
    public boolean enforced() {
        return thread != null;
    }

    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
