package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.testing.engine.ManualClock;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the pool tells an operator (the node's {@code GET /pool} and metrics): suspected leaks, which
 * databases are open and when they were last used, the buffer-pool budget and its grants, the memory
 * governor's last reading. Each figure is checked against what the test did to the pool.
 */
class PoolReportsTest {

    private static final long MIB = DatabaseSettings.MIB;

    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock();

    private GraphPool pool(int max, Duration leakThreshold) {
        return TestPools.writer(dataDir, TestPools.smallDefaults(max),
                TestPools.manualMaintenance().withLeakDetectionThreshold(leakThreshold), clock);
    }

    @Test
    void suspectedLeaksListTheHeldConnectionsLongestHeldFirstWithTheirBorrowerAndTopFrames() {
        try (GraphPool pool = pool(2, Duration.ofSeconds(60))) {
            try (PooledConnection older = pool.borrow("old")) {
                clock.advance(Duration.ofSeconds(30));
                try (PooledConnection younger = pool.borrow("young")) {
                    clock.advance(Duration.ofSeconds(59));
                    pool.runMaintenance(); // old held 89 s, young 59 s: only old is past the threshold
                    assertThat(pool.suspectedLeaks(3)).extracting(SuspectedLeak::database).containsExactly("old");

                    clock.advance(Duration.ofSeconds(1));
                    pool.runMaintenance(); // young now held exactly 60 s
                    List<SuspectedLeak> leaks = pool.suspectedLeaks(3);
                    assertThat(leaks).extracting(SuspectedLeak::database).containsExactly("old", "young");
                    assertThat(leaks).extracting(SuspectedLeak::heldForMs).containsExactly(90_000L, 60_000L);
                    assertThat(leaks).extracting(SuspectedLeak::connectionId)
                            .containsExactly(older.connectionId(), younger.connectionId());
                    assertThat(leaks).extracting(SuspectedLeak::thread).containsOnly(Thread.currentThread().getName());
                    assertThat(leaks).allSatisfy(leak -> assertThat(leak.stack()).hasSize(3));
                    assertThat(pool.statistics().leaks()).isEqualTo(2);
                }
                // Given back, young is no longer a suspect; old still is.
                assertThat(pool.suspectedLeaks(3)).extracting(SuspectedLeak::database).containsExactly("old");
            }
            assertThat(pool.suspectedLeaks(3)).isEmpty();
        }
    }

    @Test
    void aConnectionBorrowedAgainIsJudgedOnItsNewHoldNotItsOldOne() {
        try (GraphPool pool = pool(1, Duration.ofSeconds(60))) {
            try (PooledConnection held = pool.borrow("db")) {
                clock.advance(Duration.ofSeconds(61));
                pool.runMaintenance();
                assertThat(pool.suspectedLeaks(5)).hasSize(1);
            }
            try (PooledConnection again = pool.borrow("db")) {
                assertThat(pool.suspectedLeaks(5)).as("a fresh borrow is no suspect").isEmpty();
                clock.advance(Duration.ofSeconds(61));
                pool.runMaintenance();
                assertThat(pool.suspectedLeaks(5)).singleElement()
                        .satisfies(leak -> assertThat(leak.heldForMs()).isEqualTo(61_000L));
            }
            assertThat(pool.statistics().leaks()).isEqualTo(2);
        }
    }

    @Test
    void withLeakDetectionOffAConnectionHeldForHoursIsNeverReported() {
        try (GraphPool pool = pool(1, Duration.ZERO)) {
            try (PooledConnection held = pool.borrow("db")) {
                clock.advance(Duration.ofHours(3));
                pool.runMaintenance();
                assertThat(pool.suspectedLeaks(5)).isEmpty();
                assertThat(pool.statistics().leaks()).isZero();
            }
        }
    }

    @Test
    void thePoolKnowsOnlyDatabasesItServedAndListsEveryFileInItsDirectory() {
        try (GraphPool pool = pool(1, Duration.ZERO)) {
            assertThat(pool.knows("alpha")).isFalse();
            assertThat(pool.knows(null)).isFalse();
            assertThat(pool.databases()).isEmpty();
            pool.query("alpha", "RETURN 1");
            pool.query("beta", "RETURN 1");
            assertThat(pool.knows("alpha")).isTrue();
            assertThat(pool.knows("gamma")).isFalse();
            assertThat(pool.databases()).containsExactly("alpha", "beta");
        }
    }

    @Test
    void lastUseAndGrantsAreListedForOpenDatabasesOnly() {
        try (GraphPool pool = pool(1, Duration.ZERO)) {
            long start = clock.nanoTime();
            pool.query("first", "RETURN 1");
            clock.advance(Duration.ofSeconds(5));
            pool.query("second", "RETURN 1");
            assertThat(pool.lastBorrowed()).containsExactly(Map.entry("first", start),
                    Map.entry("second", start + Duration.ofSeconds(5).toNanos()));
            assertThat(pool.bufferPoolGrants()).containsExactly(Map.entry("first", TestPools.SMALL_BUFFER_POOL),
                    Map.entry("second", TestPools.SMALL_BUFFER_POOL));

            pool.closeDatabase("first");
            assertThat(pool.lastBorrowed()).containsOnlyKeys("second");
            assertThat(pool.bufferPoolGrants()).containsOnlyKeys("second");
            assertThat(pool.bufferPoolUsage()).extracting(BufferPoolUsage::database).containsExactly("second");
        }
    }

    @Test
    void aBusyDatabaseReportsItsWholeGrantUntilReadThenItsLastReading() {
        try (GraphPool pool = pool(1, Duration.ZERO)) {
            try (PooledConnection held = pool.borrow("busy")) {
                held.query("RETURN 1").all();
                assertThat(pool.bufferPoolUsage()).singleElement().satisfies(usage -> {
                    assertThat(usage.limitBytes()).isEqualTo(TestPools.SMALL_BUFFER_POOL);
                    assertThat(usage.usedBytes()).as("never read: the most it can hold").isEqualTo(TestPools.SMALL_BUFFER_POOL);
                });
            }
            BufferPoolUsage read = pool.bufferPoolUsage().get(0);
            assertThat(read.limitBytes()).isEqualTo(TestPools.SMALL_BUFFER_POOL);
            assertThat(read.usedBytes()).isLessThan(TestPools.SMALL_BUFFER_POOL);
            try (PooledConnection held = pool.borrow("busy")) {
                assertThat(pool.bufferPoolUsage()).containsExactly(read);
            }
            assertThat(pool.lastBufferPoolUsage()).containsExactly(read);
        }
    }

    @Test
    void theBudgetAndTheGovernorAreReportedWhereThereAreAny() {
        GraphEngine engine = GraphEngines.load();
        DatabaseDefaults defaults = TestPools.smallDefaults(1);
        try (GraphPool unlimited = pool(1, Duration.ZERO);
             GraphPool budgeted = new GraphPool(engine, new DirectoryCatalog(dataDir.resolve("b"),
                     engine.fileExtension(), defaults, true), TestPools.manualMaintenance(), 200 * MIB)) {
            assertThat(unlimited.bufferPoolBudgetBytes()).isEmpty();
            assertThat(budgeted.bufferPoolBudgetBytes()).isEqualTo(OptionalLong.of(200 * MIB));

            assertThat(budgeted.governor()).isEmpty();
            assertThat(budgeted.lastBufferPoolUsage()).isEmpty();
            budgeted.query("one", "RETURN 1");
            MemoryGovernor governor = new MemoryGovernor(budgeted, 200 * MIB, 0.9);
            assertThat(budgeted.governor()).containsSame(governor);
            assertThat(governor.budgetBytes()).isEqualTo(200 * MIB);
            assertThat(governor.lastUsage()).isEmpty();

            assertThat(governor.enforce()).isEmpty();
            assertThat(governor.lastUsage()).extracting(BufferPoolUsage::database).containsExactly("one");
            assertThat(budgeted.lastBufferPoolUsage()).isEqualTo(governor.lastUsage());
            assertThat(governor.evictions()).isZero();
            assertThat(governor.skippedEvictions()).isZero();
        }
    }

    @Test
    void theHighWaterMarkIsAFractionUpToTheWholeBudget() {
        try (GraphPool pool = pool(1, Duration.ZERO)) {
            assertThatThrownBy(() -> new MemoryGovernor(pool, MIB, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("memory high-water mark must be in (0, 1], got 0.0");
            assertThatThrownBy(() -> new MemoryGovernor(pool, MIB, 1.01))
                    .hasMessageContaining("got 1.01");
            assertThat(new MemoryGovernor(pool, MIB, 1.0).budgetBytes()).isEqualTo(MIB);
        }
    }
}
