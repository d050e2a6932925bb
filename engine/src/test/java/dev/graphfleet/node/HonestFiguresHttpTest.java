package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.node.metrics.ProcessMemory;
import dev.graphfleet.node.metrics.PrometheusText;
import dev.graphfleet.pool.MemoryGovernor;
import dev.graphfleet.pool.PooledConnection;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures of /metrics, /metrics/prometheus and /pool that must be true, or say they are missing. */
class HonestFiguresHttpTest {

    @TempDir
    Path dataDir;
    GraphNode node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void percentilesOverHttpAreOrderedAndNeverAboveTheMax() {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        for (int i = 0; i < 20; i++) {
            assertThat(http.query("people", "MATCH (p:Person) WHERE p.id = " + i + " RETURN p.name").status()).isEqualTo(200);
        }
        assertThat(http.query("people", "MATCH (p:Person) RETURN count(*)").status()).isEqualTo(200);

        JsonNode people = http.get("/metrics").json().at("/queries/queries_by_database/people");
        double p50 = people.get("p50_ms").asDouble();
        double p95 = people.get("p95_ms").asDouble();
        double p99 = people.get("p99_ms").asDouble();
        double max = people.get("max_ms").asDouble();
        assertThat(p50).isPositive().isLessThanOrEqualTo(p95);
        assertThat(p95).isLessThanOrEqualTo(p99);
        assertThat(p99).isLessThanOrEqualTo(max);
        assertThat(people.get("mean_ms").asDouble()).isPositive().isLessThanOrEqualTo(max);
        assertThat(http.get("/metrics").json().at("/queries/queries_by_database").has("empty")).isFalse(); // no queries: no figures
    }

    @Test
    void aDataDirectoryDeletedUnderARunningNodeIsAnErrorNotAnEmptyNode() throws Exception {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        JsonNode before = http.get("/metrics").json();
        assertThat(before.at("/databases/count").asInt()).isEqualTo(2);
        assertThat(before.get("status").asText()).isEqualTo("ok");

        deleteRecursively(dataDir);

        JsonNode after = await(() -> http.get("/metrics").json(), m -> m.at("/databases").has("error"));
        JsonNode databases = after.get("databases");
        assertThat(databases.get("error").asText()).contains("the data directory is gone").contains(dataDir.toString());
        assertThat(databases.get("stale").asBoolean()).isTrue();
        assertThat(after.get("status").asText()).isEqualTo("degraded");
        assertThat(after.get("problems").toString()).contains("\"section\":\"databases\"")
                .contains("the data directory is gone");

        PrometheusText text = PrometheusText.parse(http.get("/metrics/prometheus").body());
        assertThat(text.problems()).isEmpty();
        assertThat(text.value("graphfleet_database_size_scan_failing", Map.of())).isEqualTo(1);
        assertThat(text.value("graphfleet_databases", Map.of())).isNaN();
    }

    @Test
    void queriesStoppedAtTheirDeadlineAreCountedInJsonAndPrometheus() {
        try (var pool = TestPools.writer(dataDir, 1)) {
            pool.query("slow", "CREATE NODE TABLE N(id INT64, PRIMARY KEY(id))");
            pool.query("slow", "UNWIND range(1, 3000) AS i CREATE (:N {id: i})");
        }
        NodeSettings settings = TestNodes.settings(dataDir)
                .withDatabases(TestPools.smallDefaults(1).withQueryTimeout(Duration.ofMillis(300)));
        node = GraphNode.builder(settings).resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        Http.Response slow = http.query("slow", "MATCH (a:N), (b:N), (c:N) WHERE a.id + b.id + c.id = -1 RETURN count(*)");
        assertThat(slow.status()).isEqualTo(408);
        assertThat(http.query("slow", "RETURN x").status()).isEqualTo(400); // an error, but not a stop

        assertThat(http.get("/metrics").json().at("/queries/stopped_since_start").toString())
                .isEqualTo("{\"memory_limit\":0,\"query_timeout\":1}");
        PrometheusText text = PrometheusText.parse(http.get("/metrics/prometheus").body());
        assertThat(text.problems()).isEmpty();
        assertThat(text.value("graphfleet_queries_stopped_total", Map.of("reason", "query_timeout"))).isEqualTo(1);
        assertThat(text.value("graphfleet_queries_stopped_total", Map.of("reason", "memory_limit"))).isZero();
    }

    @Test
    void evictionsAndBufferPoolUsagePerDatabaseAreInJsonAndPrometheus() {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        assertThat(http.query("people", "MATCH (p:Person) RETURN sum(size(p.name))").status()).isEqualTo(200);
        assertThat(http.query("empty", "RETURN 1").status()).isEqualTo(200);

        // No governor watches this pool yet: evictions are missing, not zero.
        assertThat(http.get("/metrics").json().at("/buffer_pool/evictions").isNull()).isTrue();
        PrometheusText ungoverned = PrometheusText.parse(http.get("/metrics/prometheus").body());
        assertThat(ungoverned.value("graphfleet_memory_governor_evictions_total", Map.of())).isNaN();

        // A budget of 1 byte: the governor reads both buffer pools and closes the least recently used
        // (it keeps the most recent one open, where the queries are).
        MemoryGovernor governor = new MemoryGovernor(node.pool(), 1, 0.9);
        assertThat(governor.enforce()).containsExactly("people");

        JsonNode buffers = http.get("/metrics").json().get("buffer_pool");
        assertThat(buffers.get("evictions").asLong()).isEqualTo(1);
        assertThat(buffers.get("evictions_skipped").asLong()).isZero();
        long peopleUsed = buffers.at("/usage/people/used_bytes").asLong();
        assertThat(peopleUsed).isPositive();

        PrometheusText text = PrometheusText.parse(http.get("/metrics/prometheus").body());
        assertThat(text.problems()).isEmpty();
        assertThat(text.value("graphfleet_memory_governor_evictions_total", Map.of())).isEqualTo(1);
        assertThat(text.value("graphfleet_buffer_pool_used_bytes", Map.of("database", "people"))).isEqualTo(peopleUsed);
        assertThat(text.value("graphfleet_buffer_pool_limit_bytes", Map.of("database", "people"))).isEqualTo(64L << 20);
        assertThat(text.value("graphfleet_buffer_pool_limit_bytes", Map.of("database", "empty"))).isEqualTo(64L << 20);
        assertThat(text.types()).containsEntry("graphfleet_memory_governor_evictions_total", "counter")
                .containsEntry("graphfleet_buffer_pool_used_bytes", "gauge");
    }

    @Test
    void processMemoryIsHeldAgainstTheWholeBudget() {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        JsonNode buffers = http.get("/metrics").json().get("buffer_pool");
        // heap max + max_memory_mb of the test node + the default query headroom (half of it, at least 512 MiB)
        long budget = Runtime.getRuntime().maxMemory() + (1L << 30) + (512L << 20);
        assertThat(buffers.get("process_memory_budget_bytes").asLong()).isEqualTo(budget);
        assertThat(buffers.get("process_resident_bytes").asLong()).isPositive();
        assertThat(buffers.get("process_over_budget").asBoolean())
                .isEqualTo(buffers.get("process_resident_bytes").asLong() > budget);
        PrometheusText text = PrometheusText.parse(http.get("/metrics/prometheus").body());
        assertThat(text.value("graphfleet_process_memory_budget_bytes", Map.of())).isEqualTo(budget);
        assertThat(text.value("graphfleet_process_resident_memory_bytes", Map.of())).isPositive();
    }

    @Test
    void processMemoryThatCannotBeReadIsMissingNotZero() {
        TestNodes.seed(dataDir);
        ProcessMemory unreadable = new ProcessMemory() {
            @Override
            public OptionalLong rssBytes() {
                return OptionalLong.empty();
            }

            @Override
            public OptionalLong budgetBytes() {
                return OptionalLong.empty();
            }
        };
        node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle())
                .processMemory(unreadable).start();
        Http http = new Http(node.uri());
        JsonNode buffers = http.get("/metrics").json().get("buffer_pool");
        assertThat(buffers.get("process_resident_bytes").isNull()).isTrue();
        assertThat(buffers.get("process_memory_budget_bytes").isNull()).isTrue();
        assertThat(buffers.get("process_over_budget").isNull()).isTrue();
        PrometheusText text = PrometheusText.parse(http.get("/metrics/prometheus").body());
        assertThat(text.problems()).isEmpty();
        assertThat(text.value("graphfleet_process_memory_budget_bytes", Map.of())).isNaN();
        assertThat(text.value("graphfleet_process_resident_memory_bytes", Map.of())).isNaN();
    }

    @Test
    void aConnectionHeldPastTheLeakThresholdIsShownByPoolWithItsHoldersStack() throws Exception {
        TestNodes.seed(dataDir);
        NodeSettings settings = TestNodes.settings(dataDir).withPool(TestPools.manualMaintenance()
                .withLeakDetectionThreshold(Duration.ofMillis(200)).withBackgroundMaintenance(true));
        node = GraphNode.builder(settings).resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        JsonNode quiet = http.get("/pool").json();
        assertThat(quiet.get("suspected_leaks")).isEmpty();
        assertThat(quiet.get("leak_detection_threshold_ms").asLong()).isEqualTo(200);

        CountDownLatch borrowed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> holdAConnection(borrowed, release), "forgetful-borrower");
        holder.start();
        try {
            assertThat(borrowed.await(10, TimeUnit.SECONDS)).isTrue();
            JsonNode pool = await(() -> http.get("/pool").json(), p -> p.get("suspected_leaks").size() > 0);
            JsonNode leak = pool.get("suspected_leaks").get(0);
            assertThat(leak.get("database").asText()).isEqualTo("people");
            assertThat(leak.get("thread").asText()).isEqualTo("forgetful-borrower");
            assertThat(leak.get("held_for_ms").asLong()).isGreaterThanOrEqualTo(200);
            assertThat(leak.get("stack").toString()).contains("HonestFiguresHttpTest.holdAConnection");
            assertThat(pool.get("leaks").asLong()).isEqualTo(1);
        } finally {
            release.countDown();
            holder.join();
        }
        // Given back: no longer suspected.
        assertThat(http.get("/pool").json().get("suspected_leaks")).isEmpty();
    }

    private void holdAConnection(CountDownLatch borrowed, CountDownLatch release) {
        try (PooledConnection connection = node.pool().borrow("people")) {
            connection.query("RETURN 1").close();
            borrowed.countDown();
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        try (var paths = java.nio.file.Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(path);
            }
        }
    }

    /** Polls until {@code done} holds, for at most 20 s. */
    private static JsonNode await(Supplier<JsonNode> read, Predicate<JsonNode> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 20 s; last: " + last);
            }
            TimeUnit.MILLISECONDS.sleep(50);
            last = read.get();
        }
        return last;
    }
}
