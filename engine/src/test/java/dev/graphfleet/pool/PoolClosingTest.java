package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.graph.GraphException;
import dev.graphfleet.testing.engine.BreakableEngine;
import dev.graphfleet.testing.engine.ManualClock;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing a database while callers hold its connections: a bounded wait that fails naming the
 * database and leaves everything as it was, and the closes that only happen when nothing is lent.
 */
class PoolClosingTest {

    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock();

    private GraphPool pool(int max) {
        return TestPools.writer(dataDir, TestPools.smallDefaults(max), TestPools.manualMaintenance(), clock);
    }

    @Test
    void invalidateWithAWaitFailsNamingTheDatabaseAndClosesNothing() {
        try (GraphPool pool = pool(2)) {
            try (PooledConnection held = pool.borrow("busy")) {
                assertThatThrownBy(() -> pool.invalidate("busy", Duration.ofMillis(20)))
                        .isInstanceOfSatisfying(DatabaseBusyException.class,
                                e -> assertThat(e.database()).isEqualTo("busy"))
                        .hasMessage("cannot close database busy: 1 connection(s) still in use after 20 ms");
                assertThatThrownBy(() -> pool.forceCleanup("busy", Duration.ofMillis(20)))
                        .isInstanceOf(DatabaseBusyException.class);
                assertThat(held.query("RETURN 1").all()).containsExactly(List.of(1L));
                PoolStatistics stats = pool.statistics();
                assertThat(stats.databases().get("busy").open()).isTrue();
                assertThat(stats.databasesClosed()).isZero();
                assertThat(stats.closed()).isZero();
            }
            // The permits the failed waits took are all back: both connections can be lent at once.
            try (PooledConnection a = pool.borrow("busy"); PooledConnection b = pool.borrow("busy")) {
                assertThat(a.connectionId()).isNotEqualTo(b.connectionId());
            }
            pool.invalidate("busy", Duration.ofMillis(20));
            assertThat(pool.statistics().databases().get("busy").open()).isFalse();
            assertThat(pool.statistics().databasesClosed()).isEqualTo(1);
        }
    }

    @Test
    void closingADatabaseThePoolNeverServedDoesNothing() {
        try (GraphPool pool = pool(1)) {
            pool.invalidate("never");
            pool.invalidate("never", Duration.ofMillis(1));
            pool.forceCleanup("never");
            assertThat(pool.tryCloseIdle("never")).isFalse();
            assertThat(pool.statistics().databases()).isEmpty();
            assertThat(Files.exists(dataDir.resolve("never.kuzu"))).isFalse();
        }
    }

    @Test
    void tryCloseIdleClosesOnlyADatabaseNobodyHolds() {
        try (GraphPool pool = pool(2)) {
            pool.query("db", "RETURN 1");
            try (PooledConnection held = pool.borrow("db")) {
                assertThat(pool.tryCloseIdle("db")).isFalse();
                assertThat(held.query("RETURN 1").all()).containsExactly(List.of(1L));
            }
            assertThat(pool.tryCloseIdle("db")).isTrue();
            assertThat(pool.statistics().databases().get("db").open()).isFalse();
            assertThat(pool.tryCloseIdle("db")).as("already closed").isFalse();
            assertThat(pool.statistics().databasesClosed()).isEqualTo(1);
            assertThat(pool.query("db", "RETURN 2")).containsExactly(List.of(2L));
        }
    }

    @Test
    void aConnectionMarkedBrokenIsClosedOnReturnAndNeverLentAgain() {
        try (GraphPool pool = pool(1)) {
            long broken;
            try (PooledConnection connection = pool.borrow("db")) {
                broken = connection.connectionId();
                assertThat(connection.database()).isEqualTo("db");
                connection.markBroken();
            }
            assertThat(pool.statistics().closed()).isEqualTo(1);
            try (PooledConnection connection = pool.borrow("db")) {
                assertThat(connection.connectionId()).isNotEqualTo(broken);
            }
            assertThat(pool.statistics().reused()).isZero();
        }
    }

    @Test
    void aParameterisedQueryOnAClosedConnectionAlsoRetiresIt() {
        BreakableEngine engine = new BreakableEngine(GraphEngines.load());
        try (GraphPool pool = TestPools.writer(engine, dataDir, TestPools.smallDefaults(1),
                TestPools.manualMaintenance(), clock)) {
            long broken;
            try (PooledConnection connection = pool.borrow("db")) {
                broken = connection.connectionId();
                assertThat(connection.query("RETURN $x", Map.of("x", 7L)).all()).containsExactly(List.of(7L));
                engine.breakOpenConnections();
                assertThatThrownBy(() -> connection.query("RETURN $x", Map.of("x", 7L)))
                        .isInstanceOfSatisfying(GraphException.class,
                                e -> assertThat(e.kind()).isEqualTo(GraphException.Kind.CLOSED));
            }
            try (PooledConnection connection = pool.borrow("db")) {
                assertThat(connection.connectionId()).isNotEqualTo(broken);
            }
        }
    }

    @Test
    void aQueryThatFailsForAnyOtherReasonKeepsTheConnection() {
        try (GraphPool pool = pool(1)) {
            long first;
            try (PooledConnection connection = pool.borrow("db")) {
                first = connection.connectionId();
                assertThatThrownBy(() -> connection.query("MATCH (n:NoSuchTable) RETURN n"))
                        .isInstanceOf(GraphException.class);
                assertThatThrownBy(() -> connection.query("RETURN $x", Map.of("y", 1L)))
                        .isInstanceOf(GraphException.class);
            }
            try (PooledConnection connection = pool.borrow("db")) {
                assertThat(connection.connectionId()).isEqualTo(first);
            }
            assertThat(pool.statistics().reused()).isEqualTo(1);
        }
    }

    @Test
    void aReturnedConnectionCanNoLongerBeUsedButInterruptingItIsHarmless() {
        try (GraphPool pool = pool(1)) {
            PooledConnection connection = pool.borrow("db");
            connection.close();
            connection.interrupt();
            connection.close();
            assertThatThrownBy(connection::connectionId).hasMessage(
                    "this connection to db was already returned to the pool");
            assertThatThrownBy(() -> connection.query("RETURN 1", Map.of())).hasMessageContaining("already returned");
            assertThatThrownBy(connection::markBroken).hasMessageContaining("already returned");
            assertThat(pool.statistics().databases().get("db").idle()).isEqualTo(1);
        }
    }

    @Test
    void aClosedPoolRefusesEveryDatabaseEvenOneItNeverServed() {
        GraphPool pool = pool(1);
        pool.query("served", "RETURN 1");
        pool.close();
        assertThatThrownBy(() -> pool.borrow("other")).isInstanceOf(IllegalStateException.class)
                .hasMessage("the connection pool is closed");
        assertThat(Files.exists(dataDir.resolve("other.kuzu"))).isFalse();
    }

    @Test
    void maintenanceRunsOnItsOwnIntervalsAndOnlyWhenDue() {
        BreakableEngine engine = new BreakableEngine(GraphEngines.load());
        try (GraphPool pool = TestPools.writer(engine, dataDir, TestPools.smallDefaults(1),
                TestPools.manualMaintenance(), clock)) {
            pool.query("db", "RETURN 1");
            clock.advance(Duration.ofMinutes(5)); // exactly the health-check interval
            pool.runMaintenance();
            assertThat(pool.statistics().healthChecks()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(4));
            pool.runMaintenance(); // 4 min since the last check: not due
            assertThat(pool.statistics().healthChecks()).isEqualTo(1);
            clock.advance(Duration.ofMinutes(1));
            pool.runMaintenance();
            assertThat(pool.statistics().healthChecks()).isEqualTo(2);
            assertThat(pool.statistics().healthFailures()).isZero();
            assertThat(pool.statistics().databases().get("db").idle()).isEqualTo(1);
        }
    }
}
