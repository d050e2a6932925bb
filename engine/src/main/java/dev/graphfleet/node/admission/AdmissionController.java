package dev.graphfleet.node.admission;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Admits requests per database. The check and the in-flight increment are one compare-and-set, so a
 * burst can never overshoot the limit (the original checked, then registered). Resource figures
 * come from a {@link ResourceGauge} sampled in the background: admitting costs no I/O.
 */
public final class AdmissionController {

    private final AdmissionPolicy policy;
    private final ResourceGauge resources;
    private final MemoryPressure memory;
    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final LongAdder accepted = new LongAdder();
    private final Map<AdmissionDecision.Outcome, LongAdder> rejected = new EnumMap<>(AdmissionDecision.Outcome.class);
    private final Object idle = new Object();
    private final AdaptiveLimit nodeLimit;

    public AdmissionController(AdmissionSettings settings, ResourceGauge resources) {
        this(settings, resources, MemoryPressure.NONE);
    }

    /** Also refuses every request while {@code memory} says the process is over its budget. */
    public AdmissionController(AdmissionSettings settings, ResourceGauge resources, MemoryPressure memory) {
        this.policy = new AdmissionPolicy(settings);
        this.resources = resources;
        this.memory = memory;
        this.nodeLimit = new AdaptiveLimit(settings);
        for (AdmissionDecision.Outcome outcome : AdmissionDecision.Outcome.values()) {
            if (outcome != AdmissionDecision.Outcome.ACCEPT) {
                rejected.put(outcome, new LongAdder());
            }
        }
    }

    /**
     * Takes a slot on {@code database} or refuses.
     *
     * @throws AdmissionRejectedException when memory, CPU, the database's in-flight limit or the node's
     *                                     (adaptive) limit says no
     * @throws MemoryLimitException        while the process is over its memory budget
     */
    public AdmissionSlot admit(String database, Operation operation) {
        String overBudget = memory.overBudgetReason();
        if (overBudget != null) {
            rejected.get(AdmissionDecision.Outcome.REJECT_MEMORY).increment();
            throw new MemoryLimitException("refusing new work on " + database + ": " + overBudget + "; retry in "
                    + policy.settings().retryAfter().toSeconds() + " s", policy.settings().retryAfter());
        }
        ResourceSample sample = resources.latest();
        Double memory = sample == null ? null : sample.memoryPercent();
        Double cpu = sample == null ? null : sample.cpuPercent();
        AtomicInteger counter = inFlight.computeIfAbsent(database, name -> new AtomicInteger());
        while (true) {
            int current = counter.get();
            AdmissionDecision decision = policy.decide(memory, cpu, current, operation);
            if (!decision.accepted()) {
                rejected.get(decision.outcome()).increment();
                throw new AdmissionRejectedException(database, decision, policy.settings().retryAfter());
            }
            if (counter.compareAndSet(current, current + 1)) {
                var place = nodeLimit.acquire();
                if (place.isEmpty()) {
                    release(counter);
                    rejected.get(AdmissionDecision.Outcome.REJECT_LIMIT).increment();
                    throw new AdmissionRejectedException(database, new AdmissionDecision(
                            AdmissionDecision.Outcome.REJECT_LIMIT, "Too many queries in flight on this node: "
                            + nodeLimit.inFlight() + " of " + nodeLimit.limit() + " allowed" + (nodeLimit.adaptive()
                            ? " now (the limit adapts to the queries' latency; node.admission.max_in_flight caps it)"
                            : " (node.admission.max_in_flight)")), policy.settings().retryAfter());
                }
                accepted.increment();
                return new AdmissionSlot(this, database, counter, place.get());
            }
        }
    }

    void release(AtomicInteger counter) {
        if (counter.updateAndGet(n -> Math.max(0, n - 1)) == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /**
     * Drops the bookkeeping of a database that turned out not to exist, so names sent by callers
     * cannot grow the map. Only a counter at zero is dropped.
     */
    public void forget(String database) {
        inFlight.computeIfPresent(database, (name, counter) -> counter.get() == 0 ? null : counter);
    }

    public int inFlight(String database) {
        AtomicInteger counter = inFlight.get(database);
        return counter == null ? 0 : counter.get();
    }

    public int totalInFlight() {
        return inFlight.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Waits until no admitted request holds a slot on {@code database}; false on timeout. */
    public boolean awaitIdle(String database, Duration timeout) throws InterruptedException {
        return awaitUntil(() -> inFlight(database) == 0, timeout);
    }

    /** Waits until no admitted request holds a slot anywhere; false on timeout. */
    public boolean awaitAllIdle(Duration timeout) throws InterruptedException {
        return awaitUntil(() -> totalInFlight() == 0, timeout);
    }

    private boolean awaitUntil(java.util.function.BooleanSupplier done, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (!done.getAsBoolean()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
        }
    }

    public AdmissionSnapshot snapshot() {
        AdmissionSettings settings = policy.settings();
        ResourceSample sample = resources.latest();
        Map<String, Integer> perDatabase = new TreeMap<>();
        inFlight.forEach((name, counter) -> perDatabase.put(name, counter.get()));
        Map<String, Long> refusals = new TreeMap<>();
        rejected.forEach((outcome, count) -> refusals.put(outcome.label(), count.sum()));
        return new AdmissionSnapshot(settings.memoryThresholdPercent(), settings.cpuThresholdPercent(),
                settings.ingestionCpuThresholdPercent(), settings.maxInFlightPerDatabase(),
                round(sample == null ? null : sample.memoryPercent()), round(sample == null ? null : sample.cpuPercent()),
                sample == null ? null : sample.sampledAt(), perDatabase,
                perDatabase.values().stream().mapToInt(Integer::intValue).sum(), accepted.sum(), refusals,
                nodeLimit.limit(), settings.adaptive());
    }

    private static Double round(Double percent) {
        return percent == null ? null : Math.round(percent * 100) / 100.0;
    }

    public AdmissionSettings settings() {
        return policy.settings();
    }
}
