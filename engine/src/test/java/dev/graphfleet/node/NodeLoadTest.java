package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.node.admission.AdmissionSettings;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.Watchdog;
import dev.graphfleet.testing.engine.TestPools;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node over real HTTP hit by far more clients than its admission limits allow: every request is
 * answered (200, or a 503/409 with Retry-After), nothing hangs, the heap comes back to where it
 * was, and every acknowledged write is on disk after the stop.
 */
class NodeLoadTest {

    private static final int CLIENTS = 48;
    private static final int MAX_IN_FLIGHT = 2;
    private static final long HEAP_GROWTH_LIMIT = 64L << 20;

    @TempDir
    Path dataDir;

    @Test
    void burstBeyondAdmission() throws Exception {
        burst(Duration.ofSeconds(4));
    }

    @Test
    @Tag("soak")
    void sustainedBurstBeyondAdmission() throws Exception {
        burst(Duration.ofSeconds(90));
    }

    private void burst(Duration duration) throws Exception {
        TestNodes.seed(dataDir);
        GraphNode node = GraphNode.builder(TestNodes.settings(dataDir)
                        .withAdmission(AdmissionSettings.DEFAULTS.withMaxInFlightPerDatabase(MAX_IN_FLIGHT)))
                .resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        Tally tally = new Tally();
        long heapBefore;
        long heapAfter;
        long elapsedMillis;
        try {
            assertThat(http.query("people", "MATCH (p:Person) RETURN count(p)").status()).isEqualTo(200); // warm
            heapBefore = usedHeapAfterGc();

            AtomicLong ids = new AtomicLong(1_000_000);
            CountDownLatch go = new CountDownLatch(1);
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            List<CompletableFuture<Void>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(CompletableFuture.runAsync(() -> {
                    awaitQuietly(go);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline) {
                        if (random.nextInt(10) < 3) {
                            long id = ids.incrementAndGet();
                            Http.Response response = http.query("people", "CREATE (:Person {id: $id, name: 'load'})",
                                    Map.of("id", id));
                            if (tally.record(response)) {
                                acknowledged.add(id);
                            }
                        } else {
                            tally.record(random.nextBoolean()
                                    ? http.query("people", "MATCH (p:Person) WHERE p.id % 7 = 3 RETURN count(p)")
                                    : http.query("empty", "UNWIND range(1, 20000) AS i RETURN sum(i)"));
                        }
                    }
                }, runnable -> new Thread(runnable, "load-client").start()));
            }
            try (Watchdog watchdog = new Watchdog(tally.answered::sum, Duration.ofSeconds(30))) {
                go.countDown();
                CompletableFuture<Void> all = CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new));
                Object outcome = CompletableFuture.anyOf(all, watchdog.stalled())
                        .get(duration.toSeconds() + 120, TimeUnit.SECONDS);
                assertThat(outcome).as("the watchdog found no progress (thread dump on stderr)").isNull();
                all.get();
            }
            elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(tally.unclear).as("answers other than 200, or 503/409 with Retry-After").isEmpty();
            assertThat(tally.overloaded.sum()).as("the burst went beyond admission").isPositive();
            assertThat(tally.ok.sum()).isPositive();
            assertThat(node.admission().awaitAllIdle(Duration.ofSeconds(10))).isTrue();
            assertThat(node.pool().statistics().databases().values()).allSatisfy(db -> assertThat(db.inUse()).isZero());
            assertThat(http.get("/health").status()).isEqualTo(200);
            heapAfter = usedHeapAfterGc();
            assertThat(heapAfter - heapBefore).as("heap growth after the burst").isLessThan(HEAP_GROWTH_LIMIT);
        } finally {
            node.stop();
        }
        try (GraphPool reopened = TestPools.writer(dataDir, 1)) {
            Set<Long> present = new TreeSet<>();
            reopened.query("people", "MATCH (p:Person) WHERE p.name = 'load' RETURN p.id")
                    .forEach(row -> present.add((Long) row.get(0)));
            assertThat(present).as("acknowledged writes on disk").isEqualTo(new TreeSet<>(acknowledged));
        }
        System.out.printf("SOAK node burst: %d clients, in-flight limit %d per database, %d s: %d requests "
                        + "(%d ok, %d refused 503 overloaded, %d 409 write conflicts), %d acknowledged writes all on "
                        + "disk; heap after GC %d MiB before, %d MiB after; unclear answers 0%n",
                CLIENTS, MAX_IN_FLIGHT, elapsedMillis / 1000, tally.answered.sum(), tally.ok.sum(),
                tally.overloaded.sum(), tally.conflicts.sum(), acknowledged.size(), heapBefore >> 20, heapAfter >> 20);
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the clients got; an answer is clear when it is a 200 or says when to come back. */
    static final class Tally {
        final LongAdder answered = new LongAdder();
        final LongAdder ok = new LongAdder();
        final LongAdder overloaded = new LongAdder();
        final LongAdder conflicts = new LongAdder();
        final List<String> unclear = new CopyOnWriteArrayList<>();

        /** Returns whether the request succeeded. */
        boolean record(Http.Response response) {
            answered.increment();
            int status = response.status();
            if (status == 200) {
                ok.increment();
                return true;
            }
            if (status == 503 && response.header("Retry-After") != null) {
                overloaded.increment();
            } else if (status == 409 && response.header("Retry-After") != null) {
                conflicts.increment();
            } else if (unclear.size() < 20) {
                unclear.add(status + " " + response.body());
            }
            return false;
        }
    }
}
