package dev.graphfleet.node.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.engine.TestPools;
import dev.graphfleet.pool.GraphPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog on this JVM's real resident memory: a budget just above what the process holds now,
 * then a real engine query that builds ~200 MiB outside the heap (a range folded while planning).
 */
class MemoryWatchdogTest {

    private static final long MIB = 1024L * 1024L;

    @TempDir
    Path dataDir;

    @Test
    void overTheBudgetItStopsQueriesAndRefusesThenRecoversOnceMemoryIsReturned() throws Exception {
        try (GraphPool pool = TestPools.writer(dataDir, 1)) {
            pool.query("db", "RETURN 1");
            // Memory earlier tests in this JVM freed would otherwise come back at the watchdog's first trim.
            assertThat(new NativeHeapTrim().trim()).isTrue();
            long now = ResidentMemory.open().orElseThrow().bytes().orElseThrow();
            ProcessMemoryBudget budget = new ProcessMemoryBudget(1, 1, now + 96 * MIB);
            AtomicInteger stopCalls = new AtomicInteger();
            try (MemoryWatchdog watchdog = MemoryWatchdog.start(budget, () -> {
                stopCalls.incrementAndGet();
                return 1;
            }, 5)) {
                assertThat(watchdog.overBudgetReason()).isNull();
                CompletableFuture<List<List<Object>>> heavy = CompletableFuture.supplyAsync(() ->
                        pool.query("db", "UNWIND range(1, 400000) AS x RETURN count(x)"));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                String reason = null;
                while (reason == null && System.nanoTime() < deadline && !heavy.isDone()) {
                    reason = watchdog.overBudgetReason();
                    TimeUnit.MILLISECONDS.sleep(1); // sampling the watchdog's state while the query runs
                }
                assertThat(reason).as("the watchdog saw the process pass its budget").isNotNull()
                        .contains("more than its memory budget", "node.memory.query_headroom_mb");
                heavy.get(60, TimeUnit.SECONDS);
                assertThat(stopCalls.get()).isPositive();
                assertThat(watchdog.queriesStopped()).isPositive();
                assertThat(watchdog.overBudgetSpells()).isPositive();
                assertThat(watchdog.peakResidentBytes().orElseThrow()).isGreaterThan(budget.totalBytes());

                // The engine frees the list; the watchdog's trim hands it back to the system.
                while (watchdog.overBudget() && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(10); // awaiting a condition with a deadline
                }
                assertThat(watchdog.overBudget()).as("back under the budget after the query").isFalse();
                assertThat(watchdog.overBudgetReason()).isNull();
                assertThat(watchdog.residentBytes().orElseThrow()).isLessThanOrEqualTo(budget.totalBytes());
            }
        }
    }
}
