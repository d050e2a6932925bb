package dev.graphfleet.shared;

import dev.graphfleet.repo.s3.S3Settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.repo.FetchOptions;
import dev.graphfleet.repo.RepositoryCache;
import dev.graphfleet.repo.RepositoryFetcher;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.repo.s3.S3RepositoryStore;
import dev.graphfleet.testing.S3Server;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store poller on an S3 store (s3proxy on loopback): the latest version is the store's current
 * pointer, read without downloading; a publish moves the repository on the next round, and a pin holds it.
 */
class StorePollerS3Test {

    @RegisterExtension
    static final S3Server S3 = S3Server.withBuckets("poll");

    private static final StoreUri.S3 URI = new StoreUri.S3("poll", "repos");

    @TempDir
    Path dir;

    private Path build(String name, int facts) {
        Path build = dir.resolve("build-" + facts);
        try (GraphPool writer = TestPools.writer(build, 1)) {
            writer.query(name, "CREATE NODE TABLE Fact(id INT64, PRIMARY KEY(id))");
            writer.query(name, "UNWIND range(1, " + facts + ") AS i CREATE (:Fact {id: i})");
            writer.forceCleanup(name);
        }
        return build.resolve(name + ".kuzu");
    }

    @Test
    void aPublishToS3IsFollowedOnTheNextPollAndAPinHolds() throws Exception {
        try (S3RepositoryStore store = S3RepositoryStore.open(URI, S3Settings.forCompatibleEndpoint(S3.endpoint(), S3.credentials()))) {
            store.publish(RepositoryName.of("ra"), build("ra", 10), "0.11.2");
            StoreRepositorySource source = new StoreRepositorySource(store, new RepositoryFetcher(store,
                    new RepositoryCache(dir.resolve("cache"), 1L << 30, Set::of, Clock.systemUTC()), FetchOptions.defaults()));
            DatabaseDefaults repositories = TestPools.smallDefaults(2).withReadOnly(true);
            AtomicReference<AttachmentManager> self = new AtomicReference<>();
            try (GraphPool pool = new GraphPool(GraphEngines.load(), new RepositoryCatalog(() -> self.get().statuses()),
                    TestPools.manualMaintenance());
                 AttachmentManager manager = new AttachmentManager(pool, source,
                         (name, file) -> repositories.specFor(name, file, null),
                         new AttachSettings(2, List.of(Duration.ofMillis(10)), Duration.ofMinutes(1)), Clock.systemUTC(), 2);
                 RepositoryRefresher refresher = new RepositoryRefresher(manager, source, Duration.ofSeconds(60),
                         Clock.systemUTC())) {
                self.set(manager);
                manager.attachAll(List.of("ra"));
                await(() -> manager.servingVersion("ra").isPresent());
                refresher.poll();
                assertThat(refresher.lastPoll().result()).isEqualTo("up_to_date");

                store.publish(RepositoryName.of("ra"), build("ra", 20), "0.11.2");
                assertThat(source.latestVersion("ra")).isEqualTo("v2");
                refresher.poll();
                assertThat(refresher.lastPoll().result()).isEqualTo("moved");
                assertThat(refresher.lastPoll().moved()).containsExactly("ra v1 -> v2");
                await(() -> manager.servingVersion("ra").filter("v2"::equals).isPresent());
                assertThat(pool.query("ra", "MATCH (f:Fact) RETURN count(f)").get(0).get(0)).isEqualTo(20L);

                assertThat(refresher.refresh("ra", "v1").outcome()).isEqualTo(RepositoryRefresher.Outcome.STARTED);
                await(() -> manager.servingVersion("ra").filter("v1"::equals).isPresent());
                store.publish(RepositoryName.of("ra"), build("ra", 30), "0.11.2");
                refresher.poll();
                assertThat(refresher.lastPoll().result()).isEqualTo("up_to_date");
                assertThat(refresher.lastPoll().moved()).isEmpty();
                assertThat(manager.servingVersion("ra")).as("pinned to v1 while v3 is current").contains("v1");
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
