package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.engine.ManualClock;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryGovernorTest {

    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock();

    @Test
    void overTheBudgetTheColdDatabaseIsClosedWhileTheHotOneKeepsServing() {
        try (GraphPool pool = TestPools.writer(dataDir, TestPools.smallDefaults(2), TestPools.manualMaintenance(), clock)) {
            for (String name : List.of("cold", "hot")) {
                pool.query(name, "CREATE NODE TABLE N(id INT64, body STRING, PRIMARY KEY(id))");
                pool.query(name, "UNWIND range(1, 20000) AS i CREATE (:N {id: i, body: 'payload-' + CAST(i AS STRING)})");
            }
            pool.query("cold", "MATCH (n:N) RETURN sum(size(n.body))");
            clock.advance(Duration.ofSeconds(1));
            pool.query("hot", "MATCH (n:N) RETURN sum(size(n.body))");

            List<BufferPoolUsage> usage = pool.bufferPoolUsage();
            assertThat(usage).extracting(BufferPoolUsage::database).containsExactly("cold", "hot");
            assertThat(usage).allSatisfy(u -> assertThat(u.usedBytes()).isPositive().isLessThan(u.limitBytes()));
            long used = usage.stream().mapToLong(BufferPoolUsage::usedBytes).sum();

            // A budget whose 90 % mark sits just below what both use: one database must go.
            long budget = (long) (used / 0.9) - 1;
            MemoryGovernor governor = new MemoryGovernor(pool, budget, 0.9);
            assertThat(governor.enforce()).containsExactly("cold");
            assertThat(governor.evictions()).isEqualTo(1);
            PoolStatistics stats = pool.statistics();
            assertThat(stats.databases().get("cold").open()).isFalse();
            assertThat(stats.databases().get("hot").open()).isTrue();
            assertThat(pool.query("hot", "MATCH (n:N) RETURN count(n)")).containsExactly(List.of(20000L));

            // The evicted database reopens on its next use, with its data.
            assertThat(pool.query("cold", "MATCH (n:N) RETURN count(n)")).containsExactly(List.of(20000L));
        }
    }

    @Test
    void aDatabaseInUseIsNeverClosedByTheGovernor() {
        try (GraphPool pool = TestPools.writer(dataDir, TestPools.smallDefaults(1), TestPools.manualMaintenance(), clock)) {
            pool.query("busy", "RETURN 1");
            clock.advance(Duration.ofSeconds(1));
            pool.query("recent", "RETURN 1");
            MemoryGovernor governor = new MemoryGovernor(pool, 1, 0.9); // everything is over a 1-byte budget
            try (PooledConnection held = pool.borrow("busy")) {
                clock.advance(Duration.ofSeconds(1));
                pool.query("recent", "RETURN 1"); // keep "busy" the least recently used
                assertThat(governor.enforce()).isEmpty();
                // Busy, it still counts (its last known usage) and is planned, but not closed under its borrower.
                assertThat(pool.bufferPoolUsage()).extracting(BufferPoolUsage::database).contains("busy");
                assertThat(governor.skippedEvictions()).isEqualTo(1);
                assertThat(held.query("RETURN 1").all()).containsExactly(List.of(1L));
            }
            assertThat(governor.enforce()).containsExactly("busy");
        }
    }

    @Test
    void thePlannerEvictsLeastRecentlyUsedFirstAndNeverTheHottest() {
        List<BufferPoolUsage> usage = List.of(
                new BufferPoolUsage("a", 100, 40, 3),
                new BufferPoolUsage("b", 100, 30, 1),
                new BufferPoolUsage("c", 100, 50, 2));
        assertThat(EvictionPlanner.plan(200, 0.9, usage)).isEmpty();      // 120 <= 180
        assertThat(EvictionPlanner.plan(100, 0.9, usage)).containsExactly("b"); // 120 > 90: b goes, 90 remain
        assertThat(EvictionPlanner.plan(100, 0.5, usage)).containsExactly("b", "c"); // a (hottest) is kept
        assertThat(EvictionPlanner.plan(10, 0.9, List.of(new BufferPoolUsage("only", 100, 50, 1)))).isEmpty();
    }

    @Test
    void exactlyAtTheMarkIsNotOverItAndEvictionStopsOnceBackAtTheMark() {
        List<BufferPoolUsage> usage = List.of(
                new BufferPoolUsage("hot", 100, 40, 9),
                new BufferPoolUsage("cold", 100, 40, 1),
                new BufferPoolUsage("warm", 100, 40, 5));
        // 120 used against a mark of 240 * 0.5 = 120: not over it, so every database stays open.
        assertThat(EvictionPlanner.plan(240, 0.5, usage)).isEmpty();
        // A mark of 80: closing the coldest brings the sum to exactly 80, so warm stays open.
        assertThat(EvictionPlanner.plan(160, 0.5, usage)).containsExactly("cold");
        // A mark of 78: both colder ones go, in least-recently-used order; the hottest never.
        assertThat(EvictionPlanner.plan(156, 0.5, usage)).containsExactly("cold", "warm");
        assertThat(EvictionPlanner.plan(2, 0.5, usage)).containsExactly("cold", "warm");
    }
}
