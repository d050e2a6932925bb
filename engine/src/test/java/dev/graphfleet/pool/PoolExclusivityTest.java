package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.graph.GraphException;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoolExclusivityTest {

    @TempDir
    Path dataDir;

    @Test
    void manyThreadsNeverShareAConnectionAndStatisticsAddUp() throws Exception {
        int threads = 12;
        int perThread = 40;
        int limit = 3;
        Map<Long, Thread> holders = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        try (GraphPool pool = TestPools.writer(dataDir, limit)) {
            pool.query("hammered", "CREATE NODE TABLE Hit(id INT64, thread STRING, PRIMARY KEY(id))");
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            AtomicInteger ids = new AtomicInteger();
            for (int t = 0; t < threads; t++) {
                futures.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        try (PooledConnection connection = pool.borrow("hammered")) {
                            if (holders.putIfAbsent(connection.connectionId(), Thread.currentThread()) != null) {
                                overlaps.incrementAndGet();
                            }
                            assertThat(pool.statistics().databases().get("hammered").total()).isLessThanOrEqualTo(limit);
                            if (i % 4 == 0) {
                                writeWithRetry(connection, ids);
                            } else {
                                connection.query("MATCH (h:Hit) RETURN count(h)").all();
                            }
                            holders.remove(connection.connectionId());
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(2, TimeUnit.MINUTES);
            }
            executor.shutdown();

            assertThat(overlaps).hasValue(0);
            PoolStatistics stats = pool.statistics();
            long borrows = 1 + (long) threads * perThread; // +1: the CREATE TABLE
            assertThat(stats.created() + stats.reused()).isEqualTo(borrows);
            assertThat(stats.created()).isLessThanOrEqualTo(limit);
            assertThat(stats.waits()).isPositive(); // 12 threads on 3 connections had to queue
            assertThat(stats.timeouts()).isZero();
            PoolStatistics.DatabasePoolStatistics db = stats.databases().get("hammered");
            assertThat(db.inUse()).isZero();
            assertThat(db.idle()).isEqualTo(db.total());
            assertThat(db.max()).isEqualTo(limit);
            assertThat(pool.query("hammered", "MATCH (h:Hit) RETURN count(h)").get(0).get(0))
                    .isEqualTo((long) ids.get()); // every committed write is there
        }
    }

    /** The engine allows one write transaction at a time and fails the others at once: retry those. */
    private static void writeWithRetry(PooledConnection connection, AtomicInteger ids) {
        int id = ids.incrementAndGet();
        while (true) {
            try {
                connection.query("CREATE (:Hit {id: $id, thread: $t})",
                        Map.of("id", id, "t", Thread.currentThread().getName())).close();
                return;
            } catch (GraphException e) {
                if (e.kind() != GraphException.Kind.WRITE_CONFLICT) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void exhaustedPoolFailsAfterTheAcquireTimeoutNamingDatabaseAndLimit() throws Exception {
        try (GraphPool pool = TestPools.writer(dataDir, TestPools.smallDefaults(1),
                TestPools.manualMaintenance().withAcquireTimeout(Duration.ofMillis(150)), MonotonicClock.SYSTEM)) {
            try (PooledConnection held = pool.borrow("busy")) {
                ExecutorService other = Executors.newSingleThreadExecutor();
                Future<PooledConnection> attempt = other.submit(() -> pool.borrow("busy"));
                assertThatThrownBy(attempt::get)
                        .hasCauseInstanceOf(PoolExhaustedException.class)
                        .hasMessageContaining("pool exhausted for database busy")
                        .hasMessageContaining("all 1 connections in use");
                other.shutdown();
                assertThat(held.query("RETURN 1").all()).containsExactly(List.of(1L));
            }
            PoolStatistics stats = pool.statistics();
            assertThat(stats.timeouts()).isEqualTo(1);
            assertThat(stats.waits()).isEqualTo(1);
            assertThat(stats.waitMillis()).isGreaterThanOrEqualTo(100);
        }
    }

    @Test
    void aReturnedConnectionCannotBeUsedAgain() {
        try (GraphPool pool = TestPools.writer(dataDir, 2)) {
            PooledConnection connection = pool.borrow("db");
            connection.close();
            connection.close(); // idempotent
            assertThatThrownBy(() -> connection.query("RETURN 1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already returned to the pool");
            assertThat(pool.statistics().databases().get("db").idle()).isEqualTo(1);
        }
    }

    @Test
    void namesThatAreNotIdentifiersAreRejectedBeforeTouchingTheFileSystem() throws Exception {
        try (GraphPool pool = TestPools.writer(dataDir.resolve("data"), 2)) {
            for (String bad : List.of("../escape", "a/b", "Sec", "sec; DROP", "x'y", "", "sеc" /* Cyrillic е */)) {
                assertThatThrownBy(() -> pool.borrow(bad))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("invalid database name");
            }
            assertThat(dataDir.resolve("data")).doesNotExist();
            try (var files = java.nio.file.Files.list(dataDir)) {
                assertThat(files).isEmpty();
            }
        }
    }
}
