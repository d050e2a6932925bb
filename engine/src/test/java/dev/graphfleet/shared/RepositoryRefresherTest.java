package dev.graphfleet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.repo.RepositoryException;
import dev.graphfleet.testing.engine.TestPools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresher's decisions with a store it can hold mid-move or break: 409 while moving, pins, poll errors. */
class RepositoryRefresherTest {

    private static final AttachSettings ONCE = new AttachSettings(1, List.of(Duration.ofMillis(10)), Duration.ofMinutes(10));

    @TempDir
    Path dir;

    private VersionedDirectorySource store;
    private final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
    private final AtomicBoolean storeDown = new AtomicBoolean();
    private GraphPool pool;
    private AttachmentManager manager;
    private RepositoryRefresher refresher;

    /** The directory store, whose fetches can be held and whose reads can fail. */
    private final RepositorySource source = new RepositorySource() {
        @Override
        public FetchedRepository fetch(String name, String version, Progress progress) throws Exception {
            CountDownLatch gate = hold.get();
            if (gate != null) {
                progress.phase(AttachPhase.DOWNLOADING);
                gate.await(30, TimeUnit.SECONDS);
            }
            return store.fetch(name, version, progress);
        }

        @Override
        public String latestVersion(String name) throws Exception {
            if (storeDown.get()) {
                throw new RepositoryException(RepositoryException.Reason.TRANSIENT, "store answered 503 for " + name);
            }
            return Files.readString(dir.resolve("store").resolve(name).resolve("CURRENT")).strip();
        }

        @Override
        public void requireVersion(String name, String version) throws Exception {
            if (!Files.exists(dir.resolve("store").resolve(name).resolve(version + ".kuzu"))) {
                throw new RepositoryException(RepositoryException.Reason.NOT_FOUND, "no " + version);
            }
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        store = new VersionedDirectorySource(dir.resolve("store"), dir.resolve("cache"));
        store.publish("sec", "v1", repository("v1"));
        DatabaseDefaults repositories = TestPools.smallDefaults(2).withReadOnly(true);
        AtomicReference<AttachmentManager> self = new AtomicReference<>();
        pool = new GraphPool(GraphEngines.load(), new RepositoryCatalog(() -> self.get().statuses()),
                TestPools.manualMaintenance());
        manager = new AttachmentManager(pool, source, (name, file) -> repositories.specFor(name, file, null), ONCE,
                Clock.systemUTC(), 2);
        self.set(manager);
        refresher = new RepositoryRefresher(manager, source, Duration.ZERO, Clock.systemUTC());
        manager.attachAll(List.of("sec"));
        await(() -> manager.servingVersion("sec").isPresent());
    }

    @AfterEach
    void tearDown() {
        refresher.close();
        manager.close();
        pool.close();
    }

    private Path repository(String version) {
        Path build = dir.resolve("build-" + version);
        try (GraphPool writer = TestPools.writer(build, 1)) {
            writer.query("sec", "CREATE NODE TABLE Fact(id INT64, PRIMARY KEY(id))");
            writer.forceCleanup("sec");
        }
        return build.resolve("sec.kuzu");
    }

    @Test
    void aSecondRefreshWhileOneMovesIsRefusedAndTheFirstStillLands() throws Exception {
        store.publish("sec", "v2", repository("v2"));
        CountDownLatch gate = new CountDownLatch(1);
        hold.set(gate);

        RepositoryRefresher.Move move = refresher.refresh("sec", null);
        assertThat(move.outcome()).isEqualTo(RepositoryRefresher.Outcome.STARTED);
        assertThat(move.from()).isEqualTo("v1");
        assertThat(move.to()).isEqualTo("v2");
        assertThatThrownBy(() -> refresher.refresh("sec", "v1")).isInstanceOf(RepositoryRefresher.MoveRunning.class)
                .hasMessageContaining("from v1 to v2");
        refresher.poll(); // the poller leaves a moving repository alone
        assertThat(refresher.lastPoll().moved()).isEmpty();
        assertThat(refresher.pinned("sec")).as("a refused request pins nothing").isFalse();

        gate.countDown();
        hold.set(null);
        await(() -> manager.servingVersion("sec").filter("v2"::equals).isPresent());
        assertThat(refresher.refresh("sec", null).outcome()).isEqualTo(RepositoryRefresher.Outcome.ALREADY_SERVING);
    }

    @Test
    void unknownRepositoriesAndVersionsAreNotFoundAndNothingMoves() {
        assertThatThrownBy(() -> refresher.refresh("nope", null)).isInstanceOf(RepositoryRefresher.NotFound.class);
        assertThatThrownBy(() -> refresher.refresh("sec", "v7")).isInstanceOf(RepositoryRefresher.NotFound.class)
                .hasMessageContaining("no version v7");
        assertThatThrownBy(() -> refresher.refresh("sec", "7")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> refresher.refresh("../sec", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(refresher.pinned("sec")).isFalse();
        assertThat(manager.servingVersion("sec")).contains("v1");
    }

    @Test
    void aFailedPollIsReportedAsFailedWithItsErrorAndCounted() throws IOException {
        assertThat(refresher.lastPoll().result()).isEqualTo("off");
        storeDown.set(true);
        refresher.poll();
        assertThat(refresher.lastPoll().result()).isEqualTo("failed");
        assertThat(refresher.lastPoll().error()).contains("sec: store answered 503");
        assertThat(refresher.lastPoll().failures()).isEqualTo(1);
        assertThatThrownBy(() -> refresher.refresh("sec", null)).isInstanceOf(RepositoryRefresher.StoreUnavailable.class)
                .hasMessageContaining("nothing was moved");

        storeDown.set(false);
        refresher.poll();
        assertThat(refresher.lastPoll().result()).isEqualTo("up_to_date");
        assertThat(refresher.lastPoll().error()).isNull();
        assertThat(refresher.lastPoll().failures()).as("failures are a running count").isEqualTo(1);
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 30 s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
