package dev.graphfleet.pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the buffer pools of all open Databases within one memory budget. Each Database may use
 * the whole budget (the engine allocates lazily), so memory goes where the queries are; when the
 * sum passes the high-water mark, the least recently used idle Databases are closed and reopen on
 * their next use. A writer's oversubscribed per-database pools are guarded the same way.
 */
public final class MemoryGovernor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MemoryGovernor.class);

    private final GraphPool pool;
    private final long budgetBytes;
    private final double highWater;
    private final LongAdder evictions = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private volatile List<BufferPoolUsage> lastUsage = List.of();
    private ScheduledExecutorService scheduler;

    public MemoryGovernor(GraphPool pool, long budgetBytes, double highWater) {
        if (highWater <= 0 || highWater > 1) {
            throw new IllegalArgumentException("memory high-water mark must be in (0, 1], got " + highWater);
        }
        this.pool = pool;
        this.budgetBytes = budgetBytes;
        this.highWater = highWater;
        pool.governedBy(this);
    }

    /** Checks every {@code interval} on a background thread. */
    public MemoryGovernor start(Duration interval) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "graphfleet-memory-governor");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                enforce();
            } catch (RuntimeException e) {
                log.error("memory governor check failed; retrying at the next interval", e);
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One check: read every open Database's buffer pool, close the coldest while over the mark. */
    public List<String> enforce() {
        List<BufferPoolUsage> usage = pool.bufferPoolUsage();
        lastUsage = usage;
        List<String> plan = EvictionPlanner.plan(budgetBytes, highWater, usage);
        List<String> closed = plan.stream().filter(pool::tryCloseIdle).toList();
        evictions.add(closed.size());
        skipped.add(plan.size() - closed.size());
        if (!closed.isEmpty()) {
            log.info("memory budget {} MiB passed {}%: closed {} (least recently used)",
                    budgetBytes >> 20, Math.round(highWater * 100), closed);
        }
        return closed;
    }

    public long budgetBytes() {
        return budgetBytes;
    }

    public long evictions() {
        return evictions.sum();
    }

    /** Planned evictions that did not happen because the database was in use at that moment. */
    public long skippedEvictions() {
        return skipped.sum();
    }

    public List<BufferPoolUsage> lastUsage() {
        return lastUsage;
    }

    @Override
    public void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
