package dev.graphfleet.node.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.netflix.concurrency.limits.Limit;
import org.junit.jupiter.api.Test;

/**
 * The adaptive limit against a model of a small node under sustained overload: 2 cores, a query
 * takes 2 ms alone, more in flight than cores share them (each takes proportionally longer), and
 * there are always more clients waiting than the limit lets in.
 */
class AdaptiveLimitTest {

    private static final int CORES = 2;
    private static final long ALONE_NANOS = 2_000_000;

    /** A few queries alone first (a node is not thrown into overload by its very first query): the latency unloaded. */
    private static Limit afterLightLoad(Limit limit) {
        for (int i = 0; i < 10; i++) {
            limit.onSample(i * ALONE_NANOS, ALONE_NANOS, 1, false);
        }
        return limit;
    }

    private static int afterSustainedOverload(Limit limit) {
        long now = 0;
        for (int i = 0; i < 5_000; i++) {
            int inFlight = limit.getLimit();
            long rtt = (long) (ALONE_NANOS * Math.max(1.0, (double) inFlight / CORES));
            limit.onSample(now, rtt, inFlight, false);
            now += rtt / inFlight;
        }
        return limit.getLimit();
    }

    @Test
    void underSustainedOverloadTheLimitStaysNearWhatTheCoresServe() {
        // 6 in flight: each query takes 3 × its time alone. Gradient2 (the earlier default) climbs to the cap here.
        assertThat(afterSustainedOverload(afterLightLoad(AdaptiveLimit.algorithm(AdmissionSettings.DEFAULTS, 4))))
                .isBetween(4, 6);
    }

    @Test
    void fromAboveItComesDownToTheSameRange() {
        // it stops at the top of the range (7: an estimated queue of 5, within beta) rather than at its middle
        assertThat(afterSustainedOverload(afterLightLoad(AdaptiveLimit.algorithm(AdmissionSettings.DEFAULTS, 64))))
                .isBetween(4, 7);
    }

    @Test
    void overloadedFromItsFirstQueryItStaysWithinTwiceItsStart() {
        // never unloaded, it takes the latency of 4 in flight for the unloaded one: one doubling, then holds
        assertThat(afterSustainedOverload(AdaptiveLimit.algorithm(AdmissionSettings.DEFAULTS, 4))).isBetween(4, 8);
    }

    @Test
    void lightLoadIsNeverRefusedHoweverSlowItsQueries() {
        Limit limit = AdaptiveLimit.algorithm(AdmissionSettings.DEFAULTS, 4);
        limit.onSample(0, ALONE_NANOS, 4, false);
        for (int i = 1; i <= 1_000; i++) { // another process takes the cores: 50 × slower, and timeouts
            limit.onSample(i * 100_000_000L, 50 * ALONE_NANOS, 4, i % 10 == 0);
        }
        assertThat(limit.getLimit()).isEqualTo(AdmissionSettings.DEFAULT_MIN_IN_FLIGHT);
    }

    @Test
    void withAdaptiveOffTheLimitIsTheCap() {
        Limit fixed = AdaptiveLimit.algorithm(AdmissionSettings.DEFAULTS.withInFlight(false, 4, 12));
        assertThat(afterSustainedOverload(fixed)).isEqualTo(12);
    }
}
