package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The buffer pools' hard budget on the real engine: enforced where a Database opens, busy ones included. */
class BufferPoolBudgetTest {

    private static final long MIB = DatabaseSettings.MIB;
    private static final long BUDGET = 100 * MIB;
    private static final long PER_DATABASE = 48 * MIB; // two fit, three do not

    @TempDir
    Path dataDir;

    private GraphPool pool(Duration acquireTimeout) {
        GraphEngine engine = GraphEngines.load();
        DatabaseDefaults defaults = TestPools.smallDefaults(2).withBufferPoolBytes(PER_DATABASE);
        return new GraphPool(engine, new DirectoryCatalog(dataDir, engine.fileExtension(), defaults, true),
                TestPools.manualMaintenance().withAcquireTimeout(acquireTimeout), BUDGET);
    }

    @Test
    void threeRepositoriesQueriedAtOnceNeverSumPastABudgetThatFitsTwo() throws Exception {
        List<String> names = List.of("r1", "r2", "r3");
        try (GraphPool pool = pool(Duration.ofSeconds(20))) {
            for (String name : names) {
                pool.query(name, "CREATE NODE TABLE N(id INT64, body STRING, PRIMARY KEY(id))");
                pool.query(name, "UNWIND range(1, 20000) AS i CREATE (:N {id: i, body: 'payload-' + CAST(i AS STRING)})");
            }
            AtomicBoolean running = new AtomicBoolean(true);
            Map<String, LongAdder> served = new ConcurrentHashMap<>();
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            // Two clients per repository keep each busy almost always: room comes only from asking one to close.
            ExecutorService clients = Executors.newFixedThreadPool(2 * names.size());
            List<Future<?>> futures = new ArrayList<>();
            for (String name : names) {
                served.put(name, new LongAdder());
            }
            for (String name : List.of("r1", "r2", "r3", "r1", "r2", "r3")) {
                futures.add(clients.submit(() -> {
                    while (running.get()) {
                        try {
                            pool.query(name, "MATCH (n:N) RETURN sum(size(n.body))");
                            served.get(name).increment();
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                }));
            }
            AtomicLong readings = new AtomicLong();
            long maxGranted = 0;
            long maxOpenLimits = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline || served.values().stream().anyMatch(n -> n.sum() < 5)) {
                maxGranted = Math.max(maxGranted, pool.bufferPoolGrantedBytes());
                maxOpenLimits = Math.max(maxOpenLimits, pool.bufferPoolGrants().values().stream().mapToLong(Long::longValue).sum());
                readings.incrementAndGet();
                assertThat(System.nanoTime()).as("every repository served within 60 s").isLessThan(deadline
                        + Duration.ofSeconds(60).toNanos());
            }
            running.set(false);
            for (Future<?> future : futures) {
                future.get();
            }
            clients.shutdown();

            assertThat(failures).isEmpty();
            assertThat(readings.get()).isGreaterThan(1_000);
            assertThat(maxGranted).isLessThanOrEqualTo(BUDGET).isEqualTo(pool.bufferPoolPeakGrantedBytes());
            assertThat(maxOpenLimits).isLessThanOrEqualTo(BUDGET);
            assertThat(pool.bufferPoolPeakGrantedBytes()).isLessThanOrEqualTo(BUDGET);
            assertThat(pool.budgetEvictions()).as("the third repository made room by closing an idle one").isPositive();
            assertThat(served.values()).allSatisfy(count -> assertThat(count.sum()).isGreaterThanOrEqualTo(5));
            // What the engine itself reports as each buffer pool's limit sums within the budget too.
            long engineLimits = pool.bufferPoolUsage().stream().mapToLong(BufferPoolUsage::limitBytes).sum();
            assertThat(engineLimits).isLessThanOrEqualTo(BUDGET);
        }
    }

    @Test
    void aDatabaseWithEveryConnectionLentStillCountsAndBlocksAThirdUntilReturned() {
        try (GraphPool pool = pool(Duration.ofMillis(300))) {
            pool.query("r3", "RETURN 1");
            try (PooledConnection a1 = pool.borrow("r1"); PooledConnection a2 = pool.borrow("r1");
                 PooledConnection b1 = pool.borrow("r2"); PooledConnection b2 = pool.borrow("r2")) {
                assertThat(pool.statistics().databases().get("r3").open()).as("r3 made room").isFalse();
                assertThat(pool.bufferPoolGrantedBytes()).isEqualTo(2 * PER_DATABASE);
                assertThat(pool.bufferPoolUsage()).extracting(BufferPoolUsage::database).containsExactly("r1", "r2");
                assertThatThrownBy(() -> pool.query("r3", "RETURN 1"))
                        .isInstanceOf(MemoryBudgetExceededException.class)
                        .hasMessageContaining("max_memory_mb").hasMessageContaining("100 MiB");
                assertThat(pool.budgetRefusals()).isEqualTo(1);
            }
            assertThat(pool.query("r3", "RETURN 1")).containsExactly(List.of(1L));
            assertThat(pool.bufferPoolGrantedBytes()).isLessThanOrEqualTo(BUDGET);
        }
    }

    @Test
    void readingBufferPoolsIsNeitherAReuseNorANewConnection() {
        try (GraphPool pool = pool(Duration.ofSeconds(5))) {
            pool.query("r1", "RETURN 1");
            PoolStatistics before = pool.statistics();
            long lastBorrowed = pool.lastBorrowed().get("r1");
            for (int i = 0; i < 10; i++) {
                assertThat(pool.bufferPoolUsage()).singleElement()
                        .satisfies(usage -> assertThat(usage.limitBytes()).isEqualTo(PER_DATABASE));
            }
            PoolStatistics after = pool.statistics();
            assertThat(after.reused()).isEqualTo(before.reused());
            assertThat(after.created()).isEqualTo(before.created());
            assertThat(after.totalConnections()).isEqualTo(1);
            assertThat(pool.lastBorrowed().get("r1")).isEqualTo(lastBorrowed);
        }
    }
}
