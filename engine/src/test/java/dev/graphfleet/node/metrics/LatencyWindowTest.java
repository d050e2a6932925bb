package dev.graphfleet.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyWindowTest {

    private static final long MINUTE = 29_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void percentilesOfAUniformDistributionAreWithinOnePercent() {
        LatencyWindow window = new LatencyWindow();
        for (long ms = 1; ms <= 1_000; ms++) {
            window.record(MINUTE, false, ms * MS);
        }
        QueryMetrics.DatabaseQueries summary = window.summary(MINUTE);
        assertThat(summary.count()).isEqualTo(1_000);
        assertThat(summary.p50Ms()).isCloseTo(500.0, within(5.0));
        assertThat(summary.p95Ms()).isCloseTo(950.0, within(9.5));
        assertThat(summary.p99Ms()).isCloseTo(990.0, within(9.9));
        assertThat(summary.maxMs()).isEqualTo(1_000.0);
        assertThat(summary.meanMs()).isEqualTo(500.5);
    }

    /** The figure the issue found: a p99 of 536,870 ms next to a max of 282,016 ms. */
    @Test
    void aRareSlowQueryIsTheMaxNotThePercentiles() {
        LatencyWindow window = new LatencyWindow();
        for (int i = 0; i < 999; i++) {
            window.record(MINUTE, false, 2 * MS);
        }
        window.record(MINUTE, true, 282_016 * MS);
        QueryMetrics.DatabaseQueries summary = window.summary(MINUTE);
        assertThat(summary.p50Ms()).isCloseTo(2.0, within(0.02));
        assertThat(summary.p99Ms()).isCloseTo(2.0, within(0.02));
        assertThat(summary.maxMs()).isEqualTo(282_016.0);
        assertThat(summary.errors()).isEqualTo(1);
    }

    @Test
    void aSingleSlowQueryIsEveryPercentileAndNeverMoreThanItself() {
        LatencyWindow window = new LatencyWindow();
        window.record(MINUTE, false, 282_016_123_456L); // the histogram's bucket top lies above this value
        QueryMetrics.DatabaseQueries summary = window.summary(MINUTE);
        assertThat(summary.maxMs()).isEqualTo(282_016.123);
        assertThat(List.of(summary.p50Ms(), summary.p95Ms(), summary.p99Ms()))
                .allSatisfy(p -> assertThat(p).isLessThanOrEqualTo(summary.maxMs()).isGreaterThan(279_000.0));
    }

    @Test
    void aWindowWithoutQueriesHasNoLatencyFiguresRatherThanZeros() {
        LatencyWindow window = new LatencyWindow();
        window.record(MINUTE, false, 5 * MS);
        QueryMetrics.DatabaseQueries later = window.summary(MINUTE + LatencyWindow.BUCKETS); // the hour has passed
        assertThat(later.count()).isZero();
        assertThat(later.meanMs()).isNull();
        assertThat(later.p50Ms()).isNull();
        assertThat(later.p95Ms()).isNull();
        assertThat(later.p99Ms()).isNull();
        assertThat(later.maxMs()).isNull();
    }

    @Test
    void minutesMergeAcrossTheHourAndExpireOneByOne() {
        LatencyWindow window = new LatencyWindow();
        for (int i = 0; i < 100; i++) {
            window.record(MINUTE, false, 10 * MS);
            window.record(MINUTE + 30, false, 1_000 * MS);
        }
        QueryMetrics.DatabaseQueries both = window.summary(MINUTE + 30);
        assertThat(both.p50Ms()).isCloseTo(10.0, within(0.1));
        assertThat(both.p95Ms()).isCloseTo(1_000.0, within(10.0));

        QueryMetrics.DatabaseQueries lastHalf = window.summary(MINUTE + LatencyWindow.BUCKETS); // first minute gone
        assertThat(lastHalf.count()).isEqualTo(100);
        assertThat(lastHalf.p50Ms()).isCloseTo(1_000.0, within(10.0));
    }

    /** Generated windows (seeded, so a failure repeats): edge values mixed with values spread over an hour. */
    @Test
    void percentilesAreOrderedAndNeverAboveTheMax() {
        long hour = 3_600_000_000_000L;
        SplittableRandom random = new SplittableRandom(20_261_207L);
        for (int trial = 0; trial < 200; trial++) {
            long[] nanos = new long[1 + random.nextInt(300)];
            for (int i = 0; i < nanos.length; i++) {
                int pick = random.nextInt(10);
                nanos[i] = pick == 0 ? 0 : pick == 1 ? hour : pick < 5 ? random.nextLong(1_000_000) : random.nextLong(hour);
            }
            LatencyWindow window = new LatencyWindow();
            for (long n : nanos) {
                window.record(MINUTE, false, n);
            }
            QueryMetrics.DatabaseQueries summary = window.summary(MINUTE);
            String inTrial = "trial " + trial + " of " + nanos.length + " samples";
            assertThat(summary.p50Ms()).as(inTrial).isLessThanOrEqualTo(summary.p95Ms());
            assertThat(summary.p95Ms()).as(inTrial).isLessThanOrEqualTo(summary.p99Ms());
            assertThat(summary.p99Ms()).as(inTrial).isLessThanOrEqualTo(summary.maxMs());
            long max = java.util.Arrays.stream(nanos).max().orElseThrow();
            assertThat(summary.maxMs()).as(inTrial).isEqualTo(Math.round(max / 1_000.0) / 1_000.0);
        }
    }
}
