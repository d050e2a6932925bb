package dev.graphfleet.volume.monitor;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run is carried out.
 *
 * @param monitorId        names this monitor in the expansion lock (two monitors must differ)
 * @param parallelism      threads deciding and acting (CloudWatch fallback, describe, registry, modify, grow)
 * @param maxReadsInFlight node reads waiting at once; reads hold no thread, so dead nodes overlap instead of
 *                         adding up as long as this exceeds their number
 * @param budget           a run never takes longer than this (a Lambda has 300 s; the default leaves room)
 * @param actionReserve    no action starts with less than this left of the budget: an action once started
 *                         (modify and record, or a filesystem grow) is allowed to finish inside the budget
 * @param lockTtl          how long an expansion lock lives if its holder dies
 * @param modificationWait how long a run waits for a new modification to reach optimizing before leaving the
 *                         filesystem grow to the next run
 * @param pollInterval     how often it looks while waiting
 */
public record MonitorOptions(String monitorId, int parallelism, int maxReadsInFlight, Duration budget,
                             Duration actionReserve, Duration lockTtl, Duration modificationWait,
                             Duration pollInterval) {

    public MonitorOptions {
        Objects.requireNonNull(monitorId, "monitorId");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        if (maxReadsInFlight < 1) {
            throw new IllegalArgumentException("maxReadsInFlight must be at least 1, got " + maxReadsInFlight);
        }
        for (Duration d : new Duration[] {budget, actionReserve, lockTtl, modificationWait, pollInterval}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("durations must be given and not negative");
            }
        }
        if (actionReserve.compareTo(budget) > 0) {
            throw new IllegalArgumentException("actionReserve (" + actionReserve + ") must fit in the budget ("
                    + budget + ")");
        }
        if (lockTtl.compareTo(actionReserve) <= 0) {
            throw new IllegalArgumentException("lockTtl (" + lockTtl + ") must outlast an action (" + actionReserve
                    + ")");
        }
    }

    /**
     * 32 deciding threads, 512 reads in flight (a Lambda allows 1024 open files), a 240 s budget with 30 s
     * reserved for a started action, 15 min locks, and a 60 s wait for optimizing, polled every 10 s.
     */
    public static MonitorOptions defaults() {
        return new MonitorOptions("graphfleet-" + ManagementFactory.getRuntimeMXBean().getName(), 32, 512,
                Duration.ofSeconds(240), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofSeconds(60),
                Duration.ofSeconds(10));
    }

    public MonitorOptions withMonitorId(String id) {
        return new MonitorOptions(id, parallelism, maxReadsInFlight, budget, actionReserve, lockTtl,
                modificationWait, pollInterval);
    }

    /** {@code threads} deciding and acting, {@code reads} node reads in flight. */
    public MonitorOptions withParallelism(int threads, int reads) {
        return new MonitorOptions(monitorId, threads, reads, budget, actionReserve, lockTtl, modificationWait,
                pollInterval);
    }

    public MonitorOptions withBudget(Duration total, Duration reserve) {
        return new MonitorOptions(monitorId, parallelism, maxReadsInFlight, total, reserve, lockTtl,
                modificationWait, pollInterval);
    }

    public MonitorOptions withModificationWait(Duration wait, Duration poll) {
        return new MonitorOptions(monitorId, parallelism, maxReadsInFlight, budget, actionReserve, lockTtl, wait,
                poll);
    }
}
