package dev.graphfleet.node.admission;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.util.Optional;

/**
 * The node's limit on queries in flight, all databases together, as Netflix's concurrency-limits
 * keeps it for servers: a Gradient2 limit grows while the latency of admitted queries stays at its
 * long-run level and shrinks when it rises (queries queueing for the cores), so the node refuses
 * only what it could not serve without making everyone slower. It never goes below
 * {@code minInFlight} (light load is never refused, however busy the CPU) nor above the fixed cap.
 */
final class AdaptiveLimit {

    private final SimpleLimiter<Void> limiter;
    private final boolean adaptive;

    AdaptiveLimit(AdmissionSettings settings) {
        this.adaptive = settings.adaptive();
        this.limiter = SimpleLimiter.newBuilder()
                .named("graphfleet-admission")
                .limit(settings.adaptive()
                        ? Gradient2Limit.newBuilder()
                                .initialLimit(initialLimit(settings))
                                .minLimit(settings.minInFlight())
                                .maxConcurrency(settings.maxInFlight())
                                .build()
                        : FixedLimit.of(settings.maxInFlight()))
                .build();
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
