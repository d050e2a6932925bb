package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.graph.GraphException;
import dev.graphfleet.testing.engine.BreakableEngine;
import dev.graphfleet.testing.engine.ManualClock;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class PoolLifecycleTest {

    @TempDir
    Path dataDir;

    private final ManualClock clock = new ManualClock();

    private GraphPool pool(int max) {
        return TestPools.writer(dataDir, TestPools.smallDefaults(max), TestPools.manualMaintenance(), clock);
    }

    @Test
    void connectionsPastTheirTtlAreClosedByCleanupButTheDatabaseStaysOpen() {
        try (GraphPool pool = pool(3)) {
            long first;
            try (PooledConnection connection = pool.borrow("ttl")) {
                first = connection.connectionId();
            }
            clock.advance(Duration.ofMinutes(29));
            pool.runMaintenance(); // cleanup is due (10 min interval) but the connection is 29 min old
            assertThat(pool.statistics().closed()).isZero();

            clock.advance(Duration.ofMinutes(2)); // 31 min old, but the next cleanup is not due yet
            pool.runMaintenance();
            assertThat(pool.statistics().closed()).isZero();

            clock.advance(Duration.ofMinutes(8)); // cleanup due again
            pool.runMaintenance();
            PoolStatistics stats = pool.statistics();
            assertThat(stats.closed()).isEqualTo(1);
            assertThat(stats.databases().get("ttl").total()).isZero();
            assertThat(stats.databases().get("ttl").open()).isTrue();
            assertThat(stats.databasesClosed()).isZero();

            try (PooledConnection connection = pool.borrow("ttl")) {
                assertThat(connection.connectionId()).isNotEqualTo(first);
            }
            assertThat(pool.statistics().created()).isEqualTo(2);
        }
    }

    @Test
    void anExpiredIdleConnectionIsReplacedAtBorrowEvenBeforeCleanupRuns() {
        try (GraphPool pool = pool(3)) {
            long first;
            try (PooledConnection connection = pool.borrow("ttl")) {
                first = connection.connectionId();
            }
            clock.advance(Duration.ofMinutes(30));
            try (PooledConnection connection = pool.borrow("ttl")) {
                assertThat(connection.connectionId()).isNotEqualTo(first);
            }
            assertThat(pool.statistics().reused()).isZero();
        }
    }

    @Test
    void aBrokenConnectionIsEvictedByTheHealthCheckAndReplaced() {
        BreakableEngine engine = new BreakableEngine(GraphEngines.load());
        try (GraphPool pool = TestPools.writer(engine, dataDir, TestPools.smallDefaults(2),
                TestPools.manualMaintenance(), clock)) {
            PooledConnection a = pool.borrow("health");
            PooledConnection b = pool.borrow("health");
            a.close();
            b.close();
            engine.breakOpenConnections();

            clock.advance(Duration.ofMinutes(5)); // health checks due, TTL not reached
            pool.runMaintenance();
            PoolStatistics stats = pool.statistics();
            assertThat(stats.healthChecks()).isEqualTo(2);
            assertThat(stats.healthFailures()).isEqualTo(2);
            assertThat(stats.databases().get("health").total()).isZero();

            assertThat(pool.query("health", "RETURN 41 + 1")).containsExactly(List.of(42L));
        }
    }

    @Test
    void aConnectionThatFailsAsClosedDuringUseIsNotLentAgain() {
        BreakableEngine engine = new BreakableEngine(GraphEngines.load());
        try (GraphPool pool = TestPools.writer(engine, dataDir, TestPools.smallDefaults(2),
                TestPools.manualMaintenance(), clock)) {
            long broken;
            try (PooledConnection connection = pool.borrow("db")) {
                broken = connection.connectionId();
                engine.breakOpenConnections();
                assertThatThrownBy(() -> connection.query("RETURN 1"))
                        .isInstanceOfSatisfying(GraphException.class,
                                e -> assertThat(e.kind()).isEqualTo(GraphException.Kind.CLOSED));
            }
            try (PooledConnection connection = pool.borrow("db")) {
                assertThat(connection.connectionId()).isNotEqualTo(broken);
                assertThat(connection.query("RETURN 1").all()).containsExactly(List.of(1L));
            }
        }
    }

    @Test
    void aConnectionHeldPastTheLeakThresholdIsReportedWithTheBorrowersStack() {
        Logger logger = (Logger) LoggerFactory.getLogger(DatabasePool.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (GraphPool pool = TestPools.writer(dataDir, TestPools.smallDefaults(2),
                TestPools.manualMaintenance().withLeakDetectionThreshold(Duration.ofSeconds(60)), clock)) {
            try (PooledConnection held = pool.borrow("leaky")) {
                clock.advance(Duration.ofSeconds(59));
                pool.runMaintenance();
                assertThat(pool.statistics().leaks()).isZero();
                clock.advance(Duration.ofSeconds(2));
                pool.runMaintenance();
                pool.runMaintenance(); // reported once, not on every sweep
                assertThat(pool.statistics().leaks()).isEqualTo(1);
                assertThat(held.query("RETURN 1").all()).hasSize(1); // reported, never taken away
            }
        } finally {
            logger.detachAppender(appender);
        }
        ILoggingEvent leak = appender.list.stream()
                .filter(event -> event.getFormattedMessage().contains("possible connection leak")).findFirst().orElseThrow();
        assertThat(leak.getFormattedMessage()).contains("leaky").contains(Thread.currentThread().getName());
        assertThat(leak.getThrowableProxy().getStackTraceElementProxyArray())
                .anySatisfy(frame -> assertThat(frame.getSTEAsString())
                        .contains("aConnectionHeldPastTheLeakThresholdIsReportedWithTheBorrowersStack"));
    }

    @Test
    void invalidateMakesWritesCommittedThroughAnotherDatabaseVisible() {
        Path shared = dataDir.resolve("shared");
        try (GraphPool writer = TestPools.writer(shared, 2)) {
            writer.query("facts", "CREATE NODE TABLE F(id INT64, PRIMARY KEY(id))");
            writer.query("facts", "CREATE (:F {id: 1})");
            writer.forceCleanup("facts");
        }
        try (GraphPool reader = TestPools.readOnly(shared, 2)) {
            assertThat(reader.query("facts", "MATCH (f:F) RETURN count(f)")).containsExactly(List.of(1L));
            try (GraphPool writer = TestPools.writer(shared, 2)) {
                writer.query("facts", "CREATE (:F {id: 2})");
                writer.forceCleanup("facts");
            }
            reader.invalidate("facts");
            assertThat(reader.query("facts", "MATCH (f:F) RETURN count(f)")).containsExactly(List.of(2L));
            assertThat(reader.statistics().databasesOpened()).isEqualTo(2);
        }
    }

    @Test
    void invalidateNeverClosesAConnectionInUse() {
        try (GraphPool pool = TestPools.writer(dataDir, TestPools.smallDefaults(2),
                TestPools.manualMaintenance().withAcquireTimeout(Duration.ofMillis(100)), clock)) {
            try (PooledConnection held = pool.borrow("busy")) {
                assertThatThrownBy(() -> pool.invalidate("busy"))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("1 connection(s) still in use");
                assertThat(held.query("RETURN 1").all()).containsExactly(List.of(1L));
            }
            pool.invalidate("busy");
            assertThat(pool.statistics().databases().get("busy").open()).isFalse();
        }
    }

    @Test
    void forceCleanupCheckpointsAndReleasesTheDatabase() {
        try (GraphPool pool = pool(2)) {
            pool.query("wal", "CREATE NODE TABLE W(id INT64, PRIMARY KEY(id))");
            pool.query("wal", "UNWIND range(1, 1000) AS i CREATE (:W {id: i})");
            Path wal = dataDir.resolve("wal.kuzu.wal");
            assertThat(wal).exists();
            pool.forceCleanup("wal");
            assertThat(!Files.exists(wal) || wal.toFile().length() == 0).as("WAL checkpointed").isTrue();
            PoolStatistics stats = pool.statistics();
            assertThat(stats.databases().get("wal").open()).isFalse();
            assertThat(stats.databases().get("wal").total()).isZero();
            assertThat(pool.query("wal", "MATCH (w:W) RETURN count(w)")).containsExactly(List.of(1000L));
        }
    }

    @Test
    void closingOneDatabaseLeavesTheOthersServing() {
        try (GraphPool pool = pool(2)) {
            pool.query("one", "RETURN 1");
            pool.query("two", "RETURN 2");
            pool.closeDatabase("one");
            PoolStatistics stats = pool.statistics();
            assertThat(stats.databases().get("one").open()).isFalse();
            assertThat(stats.databases().get("two").open()).isTrue();
            assertThat(stats.databases().get("two").total()).isEqualTo(1);
            assertThat(pool.query("two", "RETURN 2")).containsExactly(List.of(2L));
        }
    }

    @Test
    void closeAllClosesEveryConnectionAndDatabaseOnce() {
        GraphPool pool = pool(2);
        pool.query("one", "RETURN 1");
        pool.query("two", "RETURN 1");
        pool.close();
        pool.close();
        PoolStatistics stats = pool.statistics();
        assertThat(stats.closed()).isEqualTo(stats.created());
        assertThat(stats.databasesClosed()).isEqualTo(2);
        assertThatThrownBy(() -> pool.borrow("one")).hasMessageContaining("closed");
    }
}
