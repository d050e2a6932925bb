package dev.graphfleet.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryStatsTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final QueryStats stats = new QueryStats(clock, registry);

    @Test
    void countsQueriesErrorsAndLatencyPerDatabase() {
        stats.recordQuery("alpha", 200, Duration.ofMillis(3));
        stats.recordQuery("alpha", 200, Duration.ofMillis(5));
        stats.recordQuery("alpha", 408, Duration.ofMillis(900));
        stats.recordQuery("beta", 200, Duration.ofMillis(1));
        stats.recordError(408);
        stats.recordError(401);

        QueryMetrics metrics = stats.snapshot();
        assertThat(metrics.windowSeconds()).isEqualTo(3600);
        assertThat(metrics.totalQueries()).isEqualTo(4);
        assertThat(metrics.totalErrors()).isEqualTo(1);
        QueryMetrics.DatabaseQueries alpha = metrics.queriesByDatabase().get("alpha");
        assertThat(alpha.count()).isEqualTo(3);
        assertThat(alpha.errors()).isEqualTo(1);
        assertThat(alpha.maxMs()).isEqualTo(900.0);
        assertThat(alpha.meanMs()).isEqualTo(302.667);
        // From the histogram: the median is 5 ms within 1%; the p99 is the slowest query, exactly the max.
        assertThat(alpha.p50Ms()).isBetween(5.0, 5.05);
        assertThat(alpha.p99Ms()).isEqualTo(900.0);
        assertThat(metrics.errorsByStatus()).containsEntry("408", 1L).containsEntry("401", 1L);
        assertThat(stats.queryCount("alpha")).isEqualTo(3);
        assertThat(stats.queryCount("never")).isZero();
        assertThat(registry.get("graphfleet.queries").tags("database", "alpha", "status", "200").timer().count())
                .isEqualTo(2);
    }

    @Test
    void oldMinutesRollOutOfTheHourWithoutNewTraffic() {
        stats.recordQuery("alpha", 200, Duration.ofMillis(1));
        stats.recordError(500);
        clock.advance(Duration.ofMinutes(30));
        stats.recordQuery("alpha", 200, Duration.ofMillis(1));
        assertThat(stats.queryCount("alpha")).isEqualTo(2);

        clock.advance(Duration.ofMinutes(31)); // the first minute is now more than an hour ago
        assertThat(stats.queryCount("alpha")).isEqualTo(1);
        assertThat(stats.snapshot().errorsByStatus()).isEmpty();

        clock.advance(Duration.ofMinutes(30));
        QueryMetrics idle = stats.snapshot();
        assertThat(idle.totalQueries()).isZero();
        assertThat(idle.queriesByDatabase()).isEmpty();
    }

    @Test
    void aReusedMinuteBucketStartsFromZero() {
        stats.recordQuery("alpha", 200, Duration.ofMillis(1));
        clock.advance(Duration.ofMinutes(60)); // same bucket slot, an hour later
        stats.recordQuery("alpha", 500, Duration.ofMillis(2));
        QueryMetrics.DatabaseQueries alpha = stats.snapshot().queriesByDatabase().get("alpha");
        assertThat(alpha.count()).isEqualTo(1);
        assertThat(alpha.errors()).isEqualTo(1);
    }

    @Test
    void queriesStoppedForTimeOrMemoryAreCountedByTheirErrorCode() {
        stats.recordQuery("alpha", 408, "query_timeout", Duration.ofSeconds(1));
        stats.recordQuery("alpha", 408, "query_timeout", Duration.ofSeconds(1));
        stats.recordQuery("beta", 503, "memory_limit", Duration.ofMillis(700));
        stats.recordQuery("beta", 503, "pool_exhausted", Duration.ofMillis(30)); // refused, not stopped
        stats.recordQuery("beta", 200, Duration.ofMillis(3));

        assertThat(stats.stopped("query_timeout")).isEqualTo(2);
        assertThat(stats.stopped("memory_limit")).isEqualTo(1);
        assertThat(stats.snapshot().stoppedSinceStart()).containsExactly(
                java.util.Map.entry("memory_limit", 1L), java.util.Map.entry("query_timeout", 2L));
        clock.advance(Duration.ofHours(2)); // counts since start: they do not roll out of the window
        assertThat(stats.snapshot().stoppedSinceStart()).containsEntry("query_timeout", 2L);
    }
}
