package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.repo.FileRepositoryStore;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refresh in place on a shared replica started from its config, with its store on a directory: the
 * store poller follows published versions while queries keep being answered, the refresh endpoint
 * moves and pins, a pinned repository stays, and hostile requests are refused before anything moves.
 */
class RefreshInPlaceTest {

    private static final String KEY = "k3y";

    @TempDir
    Path dir;

    private int builds;

    /** Publishes a new version of {@code name} holding {@code facts} facts; returns its version. */
    private String publish(String name, int facts) throws Exception {
        Path build = dir.resolve("build-" + ++builds);
        try (GraphPool writer = TestPools.writer(build, 1)) {
            writer.query(name, "CREATE NODE TABLE Fact(id INT64, PRIMARY KEY(id))");
            writer.query(name, "UNWIND range(1, " + facts + ") AS i CREATE (:Fact {id: i})");
            writer.forceCleanup(name);
        }
        Files.createDirectories(dir.resolve("store"));
        try (FileRepositoryStore store = new FileRepositoryStore((StoreUri.Local) StoreUri.parse(dir.resolve("store").toUri().toString()))) {
            return store.publish(RepositoryName.of(name), build.resolve(name + ".kuzu"), "0.11.2").version().toString();
        }
    }

    private ConfiguredNode start(int refreshIntervalS) throws Exception {
        GraphfleetConfig config = GraphfleetConfig.parse("""
                environment: local
                tiers:
                  shared:
                    shared_repositories: [sec, industry]
                    instance: {max_memory_mb: 256, connection_pool_size: 2, query_timeout: 30}
                node:
                  id: replica-1
                  type: shared_replica
                  tier: shared
                  data_dir: %s
                  api: {host: 127.0.0.1, port: 0, api_key_env: TEST_KEY}
                  store: {uri: "%s"}
                  shared: {refresh_interval_s: %d}
                  admission: {cpu_percent: 100, memory_percent: 100, ingestion_cpu_percent: 100}
                  attach: {attempts: 2, backoff_s: [0]}
                """.formatted(dir.resolve("replica"), dir.resolve("store").toUri(), refreshIntervalS));
        ConfiguredNode node = ConfiguredNode.start(config, Map.of("TEST_KEY", KEY));
        assertThat(node.awaitReady(Duration.ofSeconds(60))).isTrue();
        return node;
    }

    private static JsonNode attachment(Http http, String repository) {
        for (JsonNode attachment : http.get("/attachments").json().get("attachments")) {
            if (attachment.get("repository").asText().equals(repository)) {
                return attachment;
            }
        }
        throw new AssertionError("no attachment " + repository);
    }

    private static long facts(Http http, String repository) {
        Http.Response answer = http.query(repository, "MATCH (f:Fact) RETURN count(f)");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("rows").get(0).get(0).asLong();
    }

    @Test
    void thePollerMovesToAPublishedVersionWhileEveryQueryIsAnswered() throws Exception {
        publish("sec", 30);
        publish("industry", 20);
        try (ConfiguredNode node = start(1)) {
            Http http = new Http(node.node().uri(), KEY);
            assertThat(facts(http, "sec")).isEqualTo(30);

            AtomicBoolean moving = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            AtomicInteger unready = new AtomicInteger();
            StringBuilder failures = new StringBuilder();
            Thread queries = new Thread(() -> {
                while (moving.get()) {
                    Http.Response answer = http.query("sec", "MATCH (f:Fact) RETURN count(f)");
                    if (answer.status() == 200) {
                        answered.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        synchronized (failures) {
                            failures.append(answer.status()).append(' ').append(answer.body()).append('\n');
                        }
                    }
                    if (http.get("/health").status() != 200) {
                        unready.incrementAndGet(); // a move must not take the node out of its load balancer
                    }
                }
            });
            queries.start();
            try {
                await(() -> answered.get() > 0);
                assertThat(publish("sec", 40)).isEqualTo("v2");
                await(() -> "v2".equals(attachment(http, "sec").path("version").asText()));
                int before = answered.get();
                await(() -> answered.get() > before); // answers after the move, too
            } finally {
                moving.set(false);
                queries.join(30_000);
            }
            assertThat(failed.get()).as("failed queries while moving: " + failures).isZero();
            assertThat(unready.get()).as("/health answers other than 200 while moving").isZero();
            assertThat(answered.get()).isGreaterThan(1);
            assertThat(facts(http, "sec")).isEqualTo(40);
            assertThat(facts(http, "industry")).isEqualTo(20);

            JsonNode sec = attachment(http, "sec");
            assertThat(sec.get("target").asText()).isEqualTo("v2");
            assertThat(sec.get("pinned").asBoolean()).isFalse();
            JsonNode refresh = http.get("/attachments").json().get("refresh");
            assertThat(refresh.get("interval_seconds").asLong()).isEqualTo(1);
            assertThat(refresh.get("result").asText()).isIn("moved", "up_to_date");
            assertThat(refresh.has("at")).isTrue();
            assertThat(refresh.get("error").isNull()).as(refresh.toString()).isTrue();
            JsonNode health = http.get("/health").json();
            assertThat(health.get("data_versions").get("sec").asText()).isEqualTo("v2");
            assertThat(health.get("target_versions").get("sec").asText()).isEqualTo("v2");
            assertThat(health.get("pinned")).isEmpty();
            String prometheus = http.get("/metrics/prometheus").body();
            assertThat(prometheus).contains("graphfleet_refresh_poll_ok 1.0").contains("graphfleet_refresh_poll_last_timestamp_seconds ").contains("graphfleet_refresh_pinned 0.0").contains("graphfleet_refresh_poll_failures_total 0.0");
        }
    }

    @Test
    void theEndpointMovesAndPinsAndThePollerLeavesAPinnedRepositoryAlone() throws Exception {
        publish("sec", 30);
        publish("industry", 20);
        try (ConfiguredNode node = start(1)) {
            Http http = new Http(node.node().uri(), KEY);
            Http.Response pin = http.post("/repositories/sec/refresh", "{\"version\": \"v1\"}");
            assertThat(pin.status()).as(pin.body()).isEqualTo(200);
            assertThat(pin.json().get("state").asText()).isEqualTo("serving");
            assertThat(pin.json().get("pinned").asBoolean()).isTrue();

            publish("sec", 40);
            Instant published = Instant.now();
            // two whole polls after the publish: the pinned repository stays on v1
            await(() -> polledSince(http, published.plusSeconds(1)));
            assertThat(attachment(http, "sec").get("version").asText()).isEqualTo("v1");
            assertThat(attachment(http, "sec").get("pinned").asBoolean()).isTrue();
            assertThat(http.get("/health").json().get("pinned").toString()).isEqualTo("[\"sec\"]");
            assertThat(facts(http, "sec")).isEqualTo(30);

            publish("sec", 50);
            Http.Response toV2 = http.post("/repositories/sec/refresh", "{\"version\": \"v2\"}");
            assertThat(toV2.status()).as(toV2.body()).isEqualTo(202);
            assertThat(toV2.json().get("from").asText()).isEqualTo("v1");
            assertThat(toV2.json().get("to").asText()).isEqualTo("v2");
            assertThat(toV2.json().get("state").asText()).isEqualTo("moving");
            await(() -> "v2".equals(attachment(http, "sec").path("version").asText())
                    && "attached".equals(attachment(http, "sec").path("phase").asText()));
            assertThat(facts(http, "sec")).isEqualTo(40);
            Instant moved = Instant.now();
            await(() -> polledSince(http, moved.plusSeconds(1)));
            assertThat(attachment(http, "sec").get("version").asText()).as("pinned to v2, v3 published").isEqualTo("v2");

            Http.Response follow = http.post("/repositories/sec/refresh", "{\"follow\": true}");
            assertThat(follow.status()).as(follow.body()).isEqualTo(202);
            assertThat(follow.json().get("to").asText()).isEqualTo("v3");
            assertThat(follow.json().get("pinned").asBoolean()).isFalse();
            await(() -> "v3".equals(attachment(http, "sec").path("version").asText())
                    && "attached".equals(attachment(http, "sec").path("phase").asText()));
            assertThat(facts(http, "sec")).isEqualTo(50);
            Http.Response again = http.post("/repositories/sec/refresh", "");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(http.get("/health").json().get("pinned")).isEmpty();
        }
    }

    @Test
    void hostileAndWrongRequestsAreRefusedAndMoveNothing() throws Exception {
        publish("sec", 30);
        publish("industry", 20);
        try (ConfiguredNode node = start(0)) {
            Http http = new Http(node.node().uri(), KEY);
            assertThat(http.get("/attachments").json().get("refresh").get("result").asText()).isEqualTo("off");
            publish("sec", 40);

            assertThat(new Http(node.node().uri()).post("/repositories/sec/refresh", "").status()).isEqualTo(401);
            assertThat(new Http(node.node().uri(), "wrong").post("/repositories/sec/refresh", "").status()).isEqualTo(401);
            NodeApiTest.assertError(http.post("/repositories/nope/refresh", ""), 404, "repository_not_found", "no repository nope");
            NodeApiTest.assertError(http.post("/repositories/sec/refresh", "{\"version\": \"v9\"}"), 404,
                    "version_not_found", "no version v9");
            for (String path : new String[] {"/repositories/Sec/refresh", "/repositories/%2e%2e/refresh",
                    "/repositories/sec%00/refresh", "/repositories/" + "a".repeat(64) + "/refresh"}) {
                Http.Response refused = http.post(path, "");
                assertThat(refused.status()).as(path + " " + refused.body()).isIn(400, 404);
                assertThat(refused.body()).as(path).doesNotContain("%2e").doesNotContain("Sec");
            }
            for (String body : new String[] {"{\"version\": \"3\"}", "{\"version\": \"v1/../v2\"}", "{\"version\": 2}",
                    "{\"version\": \"v2\", \"extra\": 1}", "[\"v2\"]", "not json", "{\"follow\": \"yes\"}",
                    "{\"follow\": false}", "{\"version\": \"v2\", \"follow\": true}",
                    "{\"version\": \"v2\", \"version\": \"v1\"}"}) {
                assertThat(http.post("/repositories/sec/refresh", body).status()).as(body).isEqualTo(400);
            }
            assertThat(http.get("/repositories/sec/refresh").status()).isEqualTo(405);
            assertThat(attachment(http, "sec").get("version").asText()).as("nothing moved").isEqualTo("v1");
            assertThat(attachment(http, "sec").get("pinned").asBoolean()).isFalse();

            // the poller is off (0): only the endpoint moves it
            Http.Response latest = http.post("/repositories/sec/refresh", "");
            assertThat(latest.status()).as(latest.body()).isEqualTo(202);
            assertThat(latest.json().get("to").asText()).isEqualTo("v2");
            await(() -> "v2".equals(attachment(http, "sec").path("version").asText()));
        }
    }

    @Test
    void aWriterHasNothingToRefresh(@TempDir Path data) {
        TestNodes.seed(data);
        try (GraphNode writer = GraphNode.builder(TestNodes.settings(data)).resources(FixedResources.idle()).start()) {
            NodeApiTest.assertError(new Http(writer.uri()).post("/repositories/people/refresh", ""), 404,
                    "repository_not_found", "no repositories to refresh in place");
        }
    }

    /** True once the poller finished a round that started after {@code since}. */
    private static boolean polledSince(Http http, Instant since) {
        JsonNode refresh = http.get("/attachments").json().get("refresh");
        return refresh.hasNonNull("at") && Instant.parse(refresh.get("at").asText()).isAfter(since);
    }

    /** Polls until {@code done} holds, for at most 60 s. */
    private static void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
