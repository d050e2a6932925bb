package dev.graphfleet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.graph.GraphException;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PooledConnection;
import dev.graphfleet.pool.UnknownDatabaseException;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachmentManagerTest {

    private static final AttachSettings FAST = new AttachSettings(3, List.of(Duration.ofMillis(10), Duration.ofMillis(20)),
            Duration.ofMillis(50));

    @TempDir
    Path dir;

    private VersionedDirectorySource source;
    private GraphPool pool;
    private AttachmentManager manager;

    @BeforeEach
    void setUp() throws Exception {
        source = new VersionedDirectorySource(dir.resolve("store"), dir.resolve("cache"));
        for (String name : List.of("sec", "industry", "economic")) {
            source.publish(name, "v1", repository(name, "v1", 10));
        }
        DatabaseDefaults repositories = TestPools.smallDefaults(2).withReadOnly(true).withConnectionTtl(Duration.ofHours(24));
        AtomicReference<AttachmentManager> self = new AtomicReference<>();
        pool = new GraphPool(GraphEngines.load(), new RepositoryCatalog(() -> self.get().statuses()),
                TestPools.manualMaintenance());
        manager = new AttachmentManager(pool, source, (name, file) -> repositories.specFor(name, file, null), FAST,
                Clock.systemUTC(), 3);
        self.set(manager);
    }

    @AfterEach
    void tearDown() {
        manager.close();
        pool.close();
    }

    /** A repository whose one table is named after it, so a connection shows which one it sees. */
    private Path repository(String name, String version, int rows) {
        Path versionDir = dir.resolve("build").resolve(name + "-" + version);
        String table = table(name);
        try (GraphPool writer = TestPools.writer(versionDir, 1)) {
            writer.query(name, "CREATE NODE TABLE " + table + "(id INT64, version STRING, PRIMARY KEY(id))");
            writer.query(name, "UNWIND range(1, " + rows + ") AS i CREATE (:" + table + " {id: i, version: '" + version + "'})");
            writer.forceCleanup(name);
        }
        return versionDir.resolve(name + ".kuzu");
    }

    private static String table(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Fact";
    }

    private CountDownLatch when(Predicate<List<AttachmentStatus>> condition) {
        CountDownLatch latch = new CountDownLatch(1);
        manager.addListener(status -> {
            if (condition.test(manager.statuses())) {
                latch.countDown();
            }
        });
        return latch;
    }

    private static boolean all(List<AttachmentStatus> statuses, AttachPhase phase, int count) {
        return statuses.size() == count && statuses.stream().allMatch(s -> s.phase() == phase);
    }

    @Test
    void repositoriesAttachInParallelAndEachConnectionSeesOnlyItsOwnTables() throws Exception {
        source.failNext("industry", 2); // two 500s, then it works on the third try
        CountDownLatch attached = when(s -> all(s, AttachPhase.ATTACHED, 3));
        manager.attachAll(List.of("sec", "industry", "economic"));
        assertThat(attached.await(60, TimeUnit.SECONDS)).as("%s", manager.statuses()).isTrue();

        AttachmentStatus industry = manager.statuses().get(1);
        assertThat(industry.repository()).isEqualTo("industry");
        assertThat(industry.attempts()).isEqualTo(3);
        assertThat(industry.version()).isEqualTo("v1");
        assertThat(industry.phaseTimes()).containsKeys(AttachPhase.DOWNLOADING, AttachPhase.VERIFYING, AttachPhase.ATTACHING);
        assertThat(pool.databases()).containsExactly("economic", "industry", "sec");

        // Interleaved connections: each sees its repository's table and none of the others'.
        try (PooledConnection sec = pool.borrow("sec"); PooledConnection eco = pool.borrow("economic")) {
            assertThat(sec.query("MATCH (f:SecFact) RETURN count(f)").all()).containsExactly(List.of(10L));
            assertThat(eco.query("MATCH (f:EconomicFact) RETURN count(f)").all()).containsExactly(List.of(10L));
            assertThatThrownBy(() -> sec.query("MATCH (f:EconomicFact) RETURN count(f)"))
                    .isInstanceOf(GraphException.class).hasMessageContaining("does not exist");
            assertThatThrownBy(() -> eco.query("MATCH (f:SecFact) RETURN count(f)"))
                    .isInstanceOf(GraphException.class).hasMessageContaining("does not exist");
            assertThatThrownBy(() -> sec.query("CREATE (:SecFact {id: 99})"))
                    .isInstanceOfSatisfying(GraphException.class,
                            e -> assertThat(e.kind()).isEqualTo(GraphException.Kind.READ_ONLY));
        }
    }

    @Test
    void aRepositoryThatKeepsFailingDoesNotStopTheOthersAndAttachesInTheBackgroundLater() throws Exception {
        source.failNext("economic", 4); // the whole first round (3 tries) and the first background try fail
        CountDownLatch roundFailed = new CountDownLatch(1);
        manager.addListener(status -> {
            if (status.repository().equals("economic") && status.phase() == AttachPhase.FAILED && status.attempts() == 3) {
                roundFailed.countDown();
            }
        });
        CountDownLatch othersServe = when(s -> s.size() == 3 && s.get(1).phase() == AttachPhase.ATTACHED
                && s.get(2).phase() == AttachPhase.ATTACHED);
        CountDownLatch recovered = when(s -> all(s, AttachPhase.ATTACHED, 3));
        manager.attachAll(List.of("sec", "industry", "economic"));

        assertThat(roundFailed.await(60, TimeUnit.SECONDS)).as("%s", manager.statuses()).isTrue();
        assertThat(othersServe.await(60, TimeUnit.SECONDS)).as("%s", manager.statuses()).isTrue();
        assertThat(pool.query("sec", "MATCH (f:SecFact) RETURN count(f)")).containsExactly(List.of(10L));

        assertThat(recovered.await(60, TimeUnit.SECONDS)).as("%s", manager.statuses()).isTrue();
        AttachmentStatus economic = manager.statuses().get(0);
        assertThat(economic.lastError()).isNull();
        assertThat(pool.query("economic", "MATCH (f:EconomicFact) RETURN count(f)")).containsExactly(List.of(10L));
    }

    @Test
    void aQueryForARepositoryNotYetAttachedSaysWhereItIs() throws Exception {
        source.failNext("sec", 100);
        CountDownLatch failed = when(s -> s.size() == 1 && s.get(0).phase() == AttachPhase.FAILED);
        manager.attachAll(List.of("sec"));
        assertThat(failed.await(60, TimeUnit.SECONDS)).as("%s", manager.statuses()).isTrue();
        assertThatThrownBy(() -> pool.borrow("sec"))
                .isInstanceOf(UnknownDatabaseException.class)
                .hasMessageContaining("repository sec is not attached yet (failed: injected: store answered 500 for sec)");
        assertThatThrownBy(() -> pool.borrow("nothere")).hasMessageContaining("no repository nothere");
    }

    @Test
    void aNewVersionIsServedWithoutAFailedQuery() throws Exception {
        CountDownLatch attached = when(s -> all(s, AttachPhase.ATTACHED, 1));
        manager.attachAll(List.of("sec"));
        assertThat(attached.await(60, TimeUnit.SECONDS)).as("%s", manager.statuses()).isTrue();

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger queries = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch sawNewVersion = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    List<List<Object>> rows = pool.query("sec", "MATCH (f:SecFact) RETURN f.version, count(f)");
                    queries.incrementAndGet();
                    if (rows.get(0).equals(List.of("v2", 20L))) {
                        sawNewVersion.countDown();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    return;
                }
            }
        });
        reader.start();
        source.publish("sec", "v2", repository("sec", "v2", 20));
        manager.refresh("sec");
        assertThat(sawNewVersion.await(60, TimeUnit.SECONDS)).as("%s", manager.statuses()).isTrue();
        stop.set(true);
        reader.join();

        assertThat(failure.get()).isNull();
        assertThat(queries.get()).isPositive();
        assertThat(manager.statuses().get(0).version()).isEqualTo("v2");
        assertThat(pool.statistics().databasesClosed()).isEqualTo(1); // v1 closed once unused
        assertThat(Map.of("sec", pool.statistics().databases().get("sec").open())).containsEntry("sec", true);
    }
}
