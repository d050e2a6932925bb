package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.graph.GraphException;
import dev.graphfleet.graph.GraphResult;
import dev.graphfleet.testing.engine.InstrumentedEngine;
import dev.graphfleet.testing.engine.TestPools;
import dev.graphfleet.testing.Watchdog;
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
 * 32 threads of mixed reads and writes on four databases through one pool on the real engine, while
 * connections die underneath, queries time out, maintenance health-checks idle connections and a
 * saboteur invalidates and closes databases. Nothing may leak, be shared, hang, fail unclearly or
 * be lost. The short run is in every build; the long one in the {@code soak} profile.
 */
class PoolSoakTest {

    private static final int THREADS = 32;
    private static final int DATABASES = 4;
    private static final int CONNECTIONS_PER_DATABASE = 4;
    /** A read that runs far longer than the query timeout, so the engine interrupts it. */
    private static final String SLOW_READ = "UNWIND range(1, 5000) AS a UNWIND range(1, 5000) AS b WITH a, b WHERE (a * b) % 7 = 3 RETURN sum(a + b)";

    @TempDir
    Path dataDir;

    @Test
    void shortSoak() throws Exception {
        soak(Duration.ofSeconds(4));
    }

    @Test
    @Tag("soak")
    void longSoak() throws Exception {
        soak(Duration.ofMinutes(2));
    }

    private void soak(Duration duration) throws Exception {
        InstrumentedEngine engine = new InstrumentedEngine(GraphEngines.load(), 0);
        DatabaseDefaults defaults = TestPools.smallDefaults(CONNECTIONS_PER_DATABASE)
                .withQueryTimeout(Duration.ofMillis(100)).withConnectionTtl(Duration.ofMillis(700));
        PoolSettings settings = new PoolSettings(Duration.ofSeconds(2), Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ZERO, false);
        Run run = new Run();
        List<String> names = new ArrayList<>();
        try (GraphPool pool = TestPools.writer(engine, dataDir, defaults, settings, MonotonicClock.SYSTEM)) {
            for (int d = 0; d < DATABASES; d++) {
                String name = "soak_" + d;
                names.add(name);
                run.committed.put(name, ConcurrentHashMap.newKeySet());
                run.borrows.increment();
                try (PooledConnection connection = pool.borrow(name)) {
                    connection.query("CREATE NODE TABLE Item(id INT64, worker STRING, PRIMARY KEY(id))").close();
                }
            }
            engine.closeProbability(0.01);

            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                workers.add(CompletableFuture.runAsync(() -> work(pool, names, run, go, deadline),
                        runnable -> new Thread(runnable, "soak-worker-" + workers.size()).start()));
            }
            CompletableFuture<Void> saboteur = CompletableFuture.runAsync(() -> sabotage(pool, names, run, go, deadline),
                    runnable -> new Thread(runnable, "soak-saboteur").start());
            try (Watchdog watchdog = new Watchdog(run.operations::sum, Duration.ofSeconds(20))) {
                go.countDown();
                CompletableFuture<Void> all = CompletableFuture.allOf(
                        workers.toArray(CompletableFuture[]::new)).thenCombine(saboteur, (a, b) -> null);
                Object outcome = CompletableFuture.anyOf(all, watchdog.stalled())
                        .get(duration.toSeconds() + 120, TimeUnit.SECONDS);
                assertThat(outcome).as("the watchdog found no progress (thread dump on stderr)").isNull();
                all.get(); // rethrows a worker's unexpected failure
            }
            long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            engine.closeProbability(0);

            assertThat(run.unclear).as("failures without a clear GraphException kind").isEmpty();
            assertThat(run.sharedByPool).as("a connection lent to two threads at once").isZero();
            assertThat(engine.sharedUses.sum()).as(String.join("\n", engine.sharedUseReports)).isZero();

            PoolStatistics stats = pool.statistics();
            assertThat(stats.created()).isEqualTo(engine.connectionsOpened.sum());
            assertThat(stats.closed()).isEqualTo(engine.connectionsClosed.sum());
            assertThat((long) stats.totalConnections()).as("connections the pool knows = connections open in the engine")
                    .isEqualTo(engine.openConnections());
            assertThat(stats.created() + stats.reused()).as("every borrow got a new or a reused connection")
                    .isEqualTo(run.borrows.sum());
            assertThat(stats.timeouts()).isEqualTo(run.exhausted.sum());
            assertThat(stats.databasesOpened()).isEqualTo(engine.databasesOpened.sum());
            assertThat(stats.databasesClosed()).isEqualTo(engine.databasesClosed.sum());
            stats.databases().forEach((name, db) -> {
                assertThat(db.inUse()).as(name + " in use after the run").isZero();
                assertThat(db.idle()).isEqualTo(db.total());
                assertThat(db.total()).isLessThanOrEqualTo(CONNECTIONS_PER_DATABASE);
            });
            assertThat(engine.closedUnderneath.sum()).as("the fault fired").isPositive();
            assertThat(run.writes.sum()).isPositive();

            System.out.printf("SOAK pool: %d threads, %d databases x %d connections, %d s: %d operations "
                            + "(%d reads, %d committed writes, %d write conflicts retried), faults: %d connections "
                            + "closed underneath, %d queries timed out or cancelled (%d cancels sent), %d databases invalidated, %d idle closes, "
                            + "%d maintenance runs (%d health failures); %d pool timeouts; %d connections created, "
                            + "%d reused; leaked 0, shared 0, unclear failures 0%n",
                    THREADS, DATABASES, CONNECTIONS_PER_DATABASE, elapsedMillis / 1000, run.operations.sum(),
                    run.reads.sum(), run.writes.sum(), run.conflicts.sum(), engine.closedUnderneath.sum(),
                    run.timedOut.sum(), run.interrupts.sum(), run.invalidations.sum(), run.idleCloses.sum(), run.maintenance.sum(),
                    stats.healthFailures(), stats.timeouts(), stats.created(), stats.reused());
        }
        assertThat(engine.openConnections()).as("connections left open after close").isZero();
        assertThat(engine.openDatabases()).as("Databases left open after close").isZero();

        try (GraphPool reopened = TestPools.writer(dataDir, 2)) {
            for (String name : names) {
                Set<Long> present = new TreeSet<>();
                reopened.query(name, "MATCH (i:Item) RETURN i.id").forEach(row -> present.add((Long) row.get(0)));
                assertThat(present).as("committed writes of " + name).isEqualTo(new TreeSet<>(run.committed.get(name)));
            }
        }
    }

    private void work(GraphPool pool, List<String> names, Run run, CountDownLatch go, long deadline) {
        await(go);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
            String database = names.get(random.nextInt(names.size()));
            double dice = random.nextDouble();
            if (dice < 0.30) {
                write(pool, database, run);
            } else {
                read(pool, database, run, dice < 0.35 ? SLOW_READ : "MATCH (i:Item) RETURN count(i)");
            }
            run.operations.increment();
        }
    }

    private void read(GraphPool pool, String database, Run run, String cypher) {
        try (PooledConnection connection = borrow(pool, database, run)) {
            if (connection == null) {
                return;
            }
            try (GraphResult result = connection.query(cypher)) {
                result.all();
                run.reads.increment();
            } catch (GraphException e) {
                classify(e, run);
            } finally {
                release(connection, run);
            }
        } catch (RuntimeException e) {
            run.unclear.add(e.toString());
        }
    }

    /** Writes one item, retrying as a client would until it is committed (conflicts, dead connections). */
    private void write(GraphPool pool, String database, Run run) {
        long id = run.ids.incrementAndGet();
        for (int attempt = 0; attempt < 10_000; attempt++) {
            try (PooledConnection connection = borrow(pool, database, run)) {
                if (connection == null) {
                    continue;
                }
                try {
                    connection.query("CREATE (:Item {id: $id, worker: $w})",
                            Map.of("id", id, "w", Thread.currentThread().getName())).close();
                    run.committed.get(database).add(id);
                    run.writes.increment();
                    return;
                } catch (GraphException e) {
                    if (e.kind() == GraphException.Kind.CONSTRAINT && e.getMessage().contains("duplicated primary key")) {
                        run.committed.get(database).add(id); // an earlier attempt did commit
                        run.writes.increment();
                        return;
                    }
                    classify(e, run);
                } finally {
                    release(connection, run);
                }
            } catch (RuntimeException e) {
                run.unclear.add(e.toString());
                return;
            }
            Thread.yield();
        }
        run.unclear.add("write " + id + " to " + database + " never committed");
    }

    private static PooledConnection borrow(GraphPool pool, String database, Run run) {
        PooledConnection connection;
        try {
            connection = pool.borrow(database);
        } catch (PoolExhaustedException e) {
            run.exhausted.increment();
            return null;
        }
        run.borrows.increment();
        if (run.holders.putIfAbsent(connection.connectionId(), Thread.currentThread()) != null) {
            run.sharedByPool.increment();
        }
        run.lent.add(connection);
        return connection;
    }

    private static void release(PooledConnection connection, Run run) {
        run.lent.remove(connection);
        run.holders.remove(connection.connectionId(), Thread.currentThread());
    }

    private static void classify(GraphException e, Run run) {
        switch (e.kind()) {
            case WRITE_CONFLICT -> run.conflicts.increment();
            case INTERRUPTED -> run.timedOut.increment();
            case CLOSED -> run.closedSeen.increment();
            default -> run.unclear.add(e.kind() + ": " + e.getMessage());
        }
    }

    /** Maintenance and database-level disruption from one more thread while the workers run. */
    private void sabotage(GraphPool pool, List<String> names, Run run, CountDownLatch go, long deadline) {
        await(go);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long tick = 0;
        while (System.nanoTime() < deadline) {
            tick++;
            for (PooledConnection victim : run.lent) { // cancel one running query from another thread
                victim.interrupt();
                run.interrupts.increment();
                break;
            }
            pool.runMaintenance();
            run.maintenance.increment();
            String database = names.get(random.nextInt(names.size()));
            if (tick % 40 == 0) {
                try {
                    pool.invalidate(database);
                    run.invalidations.increment();
                } catch (IllegalStateException e) {
                    if (!e.getMessage().contains("still in use")) {
                        run.unclear.add(e.toString());
                    }
                }
            } else if (tick % 10 == 0 && pool.tryCloseIdle(database)) {
                run.idleCloses.increment();
            }
            try {
                Thread.sleep(25); // pacing of the disruption, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class Run {
        final Map<String, Set<Long>> committed = new ConcurrentHashMap<>();
        final Map<Long, Thread> holders = new ConcurrentHashMap<>();
        /** Connections lent right now, for the canceller (as the node's query cancel would reach them). */
        final Set<PooledConnection> lent = ConcurrentHashMap.newKeySet();
        final LongAdder interrupts = new LongAdder();
        final AtomicLong ids = new AtomicLong();
        final LongAdder operations = new LongAdder();
        final LongAdder borrows = new LongAdder();
        final LongAdder reads = new LongAdder();
        final LongAdder writes = new LongAdder();
        final LongAdder conflicts = new LongAdder();
        final LongAdder timedOut = new LongAdder();
        final LongAdder closedSeen = new LongAdder();
        final LongAdder exhausted = new LongAdder();
        final LongAdder sharedByPool = new LongAdder();
        final LongAdder invalidations = new LongAdder();
        final LongAdder idleCloses = new LongAdder();
        final LongAdder maintenance = new LongAdder();
        final List<String> unclear = new CopyOnWriteArrayList<>();
    }
}
