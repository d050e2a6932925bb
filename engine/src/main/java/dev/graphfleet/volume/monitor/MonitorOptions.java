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
 *                         adding up as long as this exceeds their number (each holds a socket while it waits)
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
     * 32 deciding threads, reads in flight as {@link #readsInFlightFor} the process's open-file limit allows
     * (512 in a Lambda), a 240 s budget with 30 s reserved for a started action, 15 min locks, and a 60 s wait
     * for optimizing, polled every 10 s.
     */
    public static MonitorOptions defaults() {
        return new MonitorOptions("graphfleet-" + ManagementFactory.getRuntimeMXBean().getName(), 32,
                readsInFlightFor(openFileLimit()),
                Duration.ofSeconds(240), Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofSeconds(60),
                Duration.ofSeconds(10));
    }

    /**
     * Half the open-file limit, 64 to 4,096: every silent node holds a socket for its whole read, so with fewer
     * slots than silent nodes they wait in waves (at 10,000 instances, 10 % silent, 512 slots took two waves of
     * timeouts); the other half of the files stays for the SDK clients, logs and the JVM. A Lambda's 1,024 files
     * give 512.
     */
    static int readsInFlightFor(long openFileLimit) {
        return (int) Math.max(64, Math.min(4096, openFileLimit / 2));
    }

    /** The process's open-file limit where the JVM can tell (Linux, macOS), else a Lambda's 1,024. */
    private static long openFileLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long limit = unix.getMaxFileDescriptorCount();
            return limit > 0 ? limit : 1024;
        }
        return 1024;
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
