package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.node.metrics.MetricsSettings;
import dev.graphfleet.node.metrics.PrometheusText;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.SettableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsHttpTest {

    private static final List<String> SECTIONS = List.of("system", "databases", "queries", "cluster", "pool",
            "buffer_pool", "attachments", "admission_control");

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
    void bufferPoolUsageIsWhatTheEngineReportedAtTheLastGovernorReading() throws IOException {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        assertThat(http.query("people", "MATCH (p:Person) RETURN sum(size(p.name))").status()).isEqualTo(200);
        JsonNode before = http.get("/metrics").json().get("buffer_pool");
        assertThat(before.get("usage").size()).isZero(); // nothing read yet: /metrics itself never queries

        node.pool().bufferPoolUsage(); // what the memory governor does every few seconds

        JsonNode buffers = http.get("/metrics").json().get("buffer_pool");
        assertThat(buffers.at("/usage/people/limit_bytes").asLong()).isEqualTo(64L << 20);
        assertThat(buffers.at("/usage/people/used_bytes").asLong()).isPositive().isLessThan(64L << 20);
        assertThat(buffers.get("used_total_bytes").asLong()).isEqualTo(buffers.at("/usage/people/used_bytes").asLong());
    }

    @Test
    void aNodeWithNoDatabaseOpenStillReportsItsConfiguredPoolMaximum() throws IOException {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start();

        JsonNode pool = new Http(node.uri()).get("/metrics").json().get("pool");
        assertThat(pool.get("databases").size()).isZero(); // nothing queried: no database's pool exists yet
        assertThat(pool.get("max_per_database").asInt()).isEqualTo(node.settings().databases().maxConnections())
                .isEqualTo(3);
        assertThat(pool.has("waits")).isTrue(); // the statistics keep their place beside it

        // What `fleet status` reads from it: the real maximum instead of "no database open".
        try (dev.graphfleet.fleet.FleetSource source = dev.graphfleet.fleet.nodes.NodesFleetSource.create(
                List.of(node.uri()), dev.graphfleet.fleet.nodes.ProbeOptions.defaults())) {
            dev.graphfleet.fleet.NodeSummary.PoolUsage usage = source.snapshot().instances().get(0).node().pool();
            assertThat(usage.databases()).isZero();
            assertThat(usage.maxPerDatabase()).isEqualTo(3);
        }
    }

    @Test
    void metricsKeepTheOriginalShapeAndEverySectionSaysWhenItWasCollected() throws IOException {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        for (int i = 0; i < 3; i++) {
            assertThat(http.query("people", "MATCH (p:Person) WHERE p.id = " + i + " RETURN p").status()).isEqualTo(200);
        }
        assertThat(http.query("people", "MATCH (p:Person RETURN p").status()).isEqualTo(400);
        assertThat(http.query("empty", "RETURN 1").status()).isEqualTo(200);

        JsonNode metrics = http.get("/metrics").json();
        assertThat(metrics.get("timestamp").asText()).endsWith("Z");
        List<String> names = new java.util.ArrayList<>(List.of(concat("timestamp", SECTIONS)));
        names.addAll(List.of("problems", "status"));
        assertThat(iterableNames(metrics)).containsExactlyElementsOf(names);
        assertThat(metrics.get("problems").size()).isZero();
        assertThat(metrics.get("status").asText()).isEqualTo("ok");
        for (String section : SECTIONS) {
            JsonNode body = metrics.get(section);
            assertThat(body.get("collected_at").asText()).as(section).isNotEmpty();
            assertThat(body.get("stale").asBoolean()).as(section).isFalse();
            assertThat(body.has("error")).as(section).isFalse();
        }

        JsonNode system = metrics.get("system");
        assertThat(system.at("/cpu/percent").asDouble()).isEqualTo(10.0);
        assertThat(system.at("/cpu/count").asInt()).isEqualTo(2);
        assertThat(system.at("/memory/percent").asDouble()).isEqualTo(20.0);
        assertThat(system.at("/memory/total_gb").asDouble()).isEqualTo(16.0);
        assertThat(system.at("/disk/percent").asDouble()).isEqualTo(40.0);
        JsonNode volume = system.at("/volumes/data_volume");
        assertThat(volume.get("volume_size_gb").asDouble()).isEqualTo(100.0);
        assertThat(volume.get("used_gb").asDouble()).isEqualTo(40.0);
        assertThat(volume.get("free_gb").asDouble()).isEqualTo(60.0);
        assertThat(volume.get("usage_percent").asDouble()).isEqualTo(0.4); // a fraction, as the volume monitor reads it
        assertThat(volume.get("mount_point").asText()).isEqualTo("/mnt/test-data");

        JsonNode databases = metrics.get("databases");
        assertThat(databases.get("count").asInt()).isEqualTo(2);
        long peopleBytes = Files.size(dataDir.resolve("people.kuzu"));
        assertThat(databases.at("/databases/people/size_bytes").asLong()).isGreaterThanOrEqualTo(peopleBytes);
        assertThat(databases.at("/databases/people/query_count").asLong()).isEqualTo(4);
        assertThat(databases.at("/databases/empty/query_count").asLong()).isEqualTo(1);
        assertThat(databases.get("total_size_bytes").asLong()).isEqualTo(
                databases.at("/databases/people/size_bytes").asLong() + databases.at("/databases/empty/size_bytes").asLong());

        JsonNode queries = metrics.get("queries");
        assertThat(queries.get("window_seconds").asLong()).isEqualTo(3600);
        assertThat(queries.get("total_queries").asLong()).isEqualTo(5);
        assertThat(queries.get("total_errors").asLong()).isEqualTo(1);
        assertThat(queries.at("/queries_by_database/people/count").asLong()).isEqualTo(4);
        assertThat(queries.at("/queries_by_database/people/errors").asLong()).isEqualTo(1);
        assertThat(queries.at("/queries_by_database/people/p99_ms").asDouble())
                .isGreaterThanOrEqualTo(queries.at("/queries_by_database/people/p50_ms").asDouble()).isPositive();
        assertThat(queries.at("/errors_by_status/400").asLong()).isEqualTo(1);

        JsonNode cluster = metrics.get("cluster");
        assertThat(cluster.get("node_id").asText()).isEqualTo("test-node");
        assertThat(cluster.get("node_type").asText()).isEqualTo("writer");
        assertThat(cluster.get("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);

        assertThat(metrics.at("/pool/databases/people/max").asInt()).isEqualTo(3);
        assertThat(metrics.at("/pool/max_per_database").asInt()).isEqualTo(3);
        JsonNode buffers = metrics.get("buffer_pool");
        assertThat(buffers.get("memory_budget_bytes").asLong()).isEqualTo(1L << 30);
        assertThat(buffers.at("/open_databases/people").asLong()).isEqualTo(64L << 20);
        assertThat(buffers.get("configured_total_bytes").asLong()).isEqualTo(128L << 20);
        assertThat(buffers.get("over_budget").asBoolean()).isFalse();
        assertThat(buffers.get("process_resident_bytes").asLong()).isPositive();
        assertThat(buffers.get("jvm_heap_used_bytes").asLong()).isPositive();
        assertThat(metrics.at("/attachments/count").asInt()).isZero();
        JsonNode admission = metrics.get("admission_control");
        assertThat(admission.get("memory_threshold_percent").asDouble()).isEqualTo(85.0);
        assertThat(admission.get("total_in_flight").asInt()).isZero();
        assertThat(admission.get("accepted").asLong()).isEqualTo(5);
    }

    @Test
    void aBlockedSizeScanIsServedFromCacheMarkedStaleWhileFilesPileUp() throws Exception {
        TestNodes.seed(dataDir);
        SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));
        CountDownLatch secondScanStarted = new CountDownLatch(1);
        CountDownLatch releaseScan = new CountDownLatch(1);
        AtomicInteger scans = new AtomicInteger();
        node = GraphNode.builder(TestNodes.settings(dataDir)).clock(clock)
                .resources(new FixedResources(clock, 10, 20))
                .sizeSource(() -> {
                    if (scans.incrementAndGet() > 1) {
                        secondScanStarted.countDown();
                        releaseScan.await(); // a disk so slow the scan never ends while we look
                    }
                    return Map.of("people", 4096L, "empty", 1024L);
                }).start();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> createFiles(dataDir.resolve("noise"), writing), "file-writer");
        writer.start();
        try {
            assertThat(secondScanStarted.await(10, TimeUnit.SECONDS)).isTrue();
            clock.advance(Duration.ofMinutes(5)); // far past scan interval + metrics timeout

            JsonNode metrics = new Http(node.uri()).get("/metrics").json();
            JsonNode databases = metrics.get("databases");
            assertThat(databases.get("stale").asBoolean()).isTrue();
            assertThat(databases.get("collected_at").asText()).isEqualTo("2026-11-21T10:00:00Z");
            assertThat(databases.at("/databases/people/size_bytes").asLong()).isEqualTo(4096);
            assertThat(databases.get("count").asInt()).isEqualTo(2);
            assertThat(metrics.at("/cluster/stale").asBoolean()).isFalse();
            assertThat(metrics.at("/cluster/uptime_seconds").asLong()).isEqualTo(300);
            assertThat(metrics.at("/system/stale").asBoolean()).isFalse();
        } finally {
            writing.set(false);
            releaseScan.countDown();
            writer.join();
        }
    }

    @Test
    void aFailingOrHangingSectionComesBackAloneWithItsErrorOrFromCache() throws Exception {
        TestNodes.seed(dataDir);
        AtomicInteger mode = new AtomicInteger(); // 0 fine, 1 failing, 2 hanging
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        AttachmentSource attachments = () -> {
            calls.incrementAndGet();
            switch (mode.get()) {
                case 1 -> throw new IllegalStateException("repository store unreachable");
                case 2 -> awaitQuietly(release);
                default -> { }
            }
            return List.of(new AttachmentProgress("sec", "attached", "v1", 10, 10, 1, null, Instant.EPOCH));
        };
        node = GraphNode.builder(TestNodes.settings(dataDir)
                        .withMetrics(MetricsSettings.DEFAULTS.withSectionTimeout(Duration.ofMillis(300))))
                .resources(FixedResources.idle()).attachments(attachments).start();
        Http http = new Http(node.uri());
        try {
            assertThat(http.get("/metrics").json().at("/attachments/count").asInt()).isEqualTo(1);

            mode.set(1);
            Http.Response failing = http.get("/metrics");
            assertThat(failing.status()).isEqualTo(200);
            JsonNode section = failing.json().get("attachments");
            assertThat(section.get("error").asText()).contains("repository store unreachable");
            assertThat(section.get("stale").asBoolean()).isTrue();
            assertThat(section.get("count").asInt()).isEqualTo(1); // the last good figures
            assertThat(failing.json().at("/databases/stale").asBoolean()).isFalse();

            mode.set(2);
            int before = calls.get();
            for (int i = 0; i < 3; i++) {
                JsonNode late = http.get("/metrics").json();
                assertThat(late.at("/attachments/stale").asBoolean()).isTrue();
                assertThat(late.at("/attachments/count").asInt()).isEqualTo(1);
                assertThat(late.at("/attachments").has("error")).isFalse();
                assertThat(late.at("/pool/stale").asBoolean()).isFalse();
            }
            assertThat(calls.get() - before).isEqualTo(1); // one hung production, not one per request
        } finally {
            release.countDown();
        }
    }

    @Test
    void prometheusExpositionIsValidAndCarriesTheSameFigures() throws Exception {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        assertThat(http.query("people", "RETURN 1").status()).isEqualTo(200);
        assertThat(http.query("people", "RETURN x").status()).isEqualTo(400);

        Http.Response response = http.get("/metrics/prometheus");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        PrometheusText text = PrometheusText.parse(response.body());
        assertThat(text.problems()).isEmpty();
        long peopleBytes = new Http(node.uri()).get("/metrics").json().at("/databases/databases/people/size_bytes").asLong();
        assertThat(text.value("graphfleet_database_size_bytes", Map.of("database", "people"))).isEqualTo(peopleBytes);
        assertThat(text.value("graphfleet_databases", Map.of())).isEqualTo(2);
        assertThat(text.value("graphfleet_data_volume_usage_ratio", Map.of())).isEqualTo(0.4);
        assertThat(text.value("graphfleet_system_cpu_usage_ratio", Map.of())).isEqualTo(0.1);
        assertThat(text.value("graphfleet_node_info", Map.of("node_id", "test-node", "node_type", "writer"))).isEqualTo(1);
        assertThat(text.value("graphfleet_node_ready", Map.of())).isEqualTo(1);
        assertThat(text.value("graphfleet_queries_seconds_count", Map.of("database", "people", "status", "200"))).isEqualTo(1);
        assertThat(text.value("graphfleet_queries_seconds_count", Map.of("database", "people", "status", "400"))).isEqualTo(1);
        assertThat(text.value("graphfleet_pool_connections", Map.of("database", "people", "state", "idle"))).isEqualTo(1);
        assertThat(text.value("graphfleet_pool_connections_opened_total", Map.of())).isEqualTo(1);
        assertThat(text.value("graphfleet_admission_rejected_total", Map.of("reason", "memory"))).isZero();
        assertThat(text.value("graphfleet_buffer_pool_configured_bytes", Map.of("database", "people"))).isEqualTo(64L << 20);
        assertThat(text.types()).containsEntry("graphfleet_queries_seconds", "summary")
                .containsEntry("graphfleet_pool_connections_opened_total", "counter");

        assumeTrue(PrometheusText.promtoolInstalled(), "promtool is not installed (apt-get install prometheus)");
        PrometheusText.PromtoolResult lint = PrometheusText.promtool(response.body());
        assertThat(lint.output()).isEmpty();
        assertThat(lint.exitCode()).isZero();
    }

    private static void createFiles(Path dir, AtomicBoolean writing) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; writing.get() && i < 3_000; i++) {
                Files.writeString(dataDirFile(dir, i), "x");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path dataDirFile(Path dir, int i) {
        // Half at the top of the data directory itself, where the scanner lists.
        return (i % 2 == 0 ? dir.getParent() : dir).resolve("noise-" + i + ".tmp");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String[] concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(String[]::new);
    }
}
