package dev.graphfleet.node.admission;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.util.Optional;

/**
 * The node's limit on queries in flight, all databases together, as Netflix's concurrency-limits
 * keeps it for servers: a Vegas limit estimates how many admitted queries are queueing, from their
 * latency against the lowest latency seen (the node unloaded), grows the limit while that queue is
 * short and shrinks it when the queue grows, so the node refuses only what it could not serve
 * without making everyone slower. It never goes below {@code minInFlight} (light load is never
 * refused, however busy the CPU) nor above the fixed cap.
 *
 * <p>Why not Gradient2 or Vegas's probing: both compare latency with a level that follows a
 * sustained overload up (Gradient2 its long-run average, Vegas's probe the latest latency), so the
 * limit creeps up while the queue grows. Measured at four times a 2-core node's capacity, Gradient2
 * let 19 queries in and their p99 went to 8 × the unloaded one, while a cap of two per core served
 * as much. The price of never probing: if the node's queries become slower for good (a bigger graph),
 * the limit settles lower, never below {@code minInFlight}.
 */
final class AdaptiveLimit {

    /** Samples between Vegas's probes, per unit of limit: so many that it never probes (see above). */
    private static final int NEVER_PROBE = 1_000_000_000;

    private final SimpleLimiter<Void> limiter;
    private final boolean adaptive;

    AdaptiveLimit(AdmissionSettings settings) {
        this.adaptive = settings.adaptive();
        this.limiter = SimpleLimiter.newBuilder()
                .named("graphfleet-admission")
                .limit(algorithm(settings))
                .build();
    }

    static Limit algorithm(AdmissionSettings settings) {
        return algorithm(settings, initialLimit(settings));
    }

    /**
     * Vegas keeps its estimate of the queue between {@code alpha} and {@code beta} queries; its
     * defaults (3 and 6 below 100 in flight) let a small node queue up to 6 behind its cores, so the
     * floors here are 2 and 4 (one or two waiting per core on 2 cores); from about 10 in flight the
     * library's own scale (3 and 6 × log10 of the limit) takes over.
     */
    static Limit algorithm(AdmissionSettings settings, int initialLimit) {
        if (!settings.adaptive()) {
            return FixedLimit.of(settings.maxInFlight());
        }
        return new FloorLimit(VegasLimit.newBuilder()
                .initialLimit(initialLimit)
                .maxConcurrency(settings.maxInFlight())
                .alphaFunction(limit -> Math.max(2, (int) (3 * Math.log10(limit))))
                .betaFunction(limit -> Math.max(4, (int) (6 * Math.log10(limit))))
                .probeMultiplier(NEVER_PROBE)
                .build(), settings.minInFlight());
    }

    /**
     * Starts at what the cores can serve at once (two queries per core: one running, one being
     * answered) and grows from there while latency holds; a start far above capacity would admit a
     * burst that queues before the limit has learnt anything.
     */
    static int initialLimit(AdmissionSettings settings) {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.min(settings.maxInFlight(), Math.max(settings.minInFlight(), 2 * cores));
    }

    /** A place, or empty when the node is at its limit. */
    Optional<Limiter.Listener> acquire() {
        return limiter.acquire(null);
    }

    int limit() {
        return limiter.getLimit();
    }

    int inFlight() {
        return limiter.getInflight();
    }

    boolean adaptive() {
        return adaptive;
    }
}
