package dev.graphfleet.node;

import dev.graphfleet.testing.Http;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.config.NodeType;
import dev.graphfleet.node.health.HealthVerdict;
import dev.graphfleet.node.health.NodeHealth;
import dev.graphfleet.node.health.PeerView;
import dev.graphfleet.node.health.PeerWatcher;
import dev.graphfleet.node.health.StalenessSettings;
import dev.graphfleet.shared.ServedVersion;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data version and age on every answer, and /health against the maximum staleness, over real HTTP. */
class StalenessHttpTest {

    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;

    /** A shared node serving {@code people} at {@code version}, published {@code age} ago. */
    private GraphNode replica(String id, Path dataDir, String version, Duration age, StalenessSettings staleness) {
        TestNodes.seed(dataDir);
        Instant created = Instant.now().minus(age);
        AttachmentSource attachments = new AttachmentSource() {
            @Override
            public List<AttachmentProgress> attachments() {
                return List.of(new AttachmentProgress("people", "attached", version, 1, 1, 1, null, created, created));
            }

            @Override
            public Optional<ServedVersion> served(String repository) {
                return repository.equals("people") ? Optional.of(new ServedVersion(version, created)) : Optional.empty();
            }
        };
        return GraphNode.builder(TestNodes.settings(dataDir).withNodeId(id).withType(NodeType.SHARED_REPLICA))
                .resources(FixedResources.idle()).attachments(attachments).staleness(staleness).start();
    }

    @Test
    void aStaleReplicaWithoutPeersSaysSoEverywhereButStaysInService() throws Exception {
        StalenessSettings maxDay = new StalenessSettings(DAY, List.of(), Duration.ofSeconds(10));
        try (GraphNode node = replica("replica-1", Files.createDirectories(dir.resolve("a")), "v7",
                Duration.ofDays(2), maxDay)) {
            Http http = new Http(node.uri());

            Http.Response health = http.get("/health");
            assertThat(health.status()).isEqualTo(200);
            JsonNode h = health.json();
            assertThat(h.get("stale").asBoolean()).isTrue();
            assertThat(h.at("/data_versions/people").asText()).isEqualTo("v7");
            assertThat(h.get("data_age_seconds").asLong()).isBetween(2 * 86_400L, 2 * 86_400L + 60);
            assertThat(h.get("max_staleness_seconds").asLong()).isEqualTo(86_400L);
            assertThat(h.get("reason").asText()).contains("over the maximum staleness", "no peers are configured");

            Http.Response answer = http.query("people", "MATCH (p:Person) RETURN count(p)");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("X-Graph-Data-Version")).isEqualTo("v7");
            assertThat(Long.parseLong(answer.header("X-Graph-Data-Age-Seconds"))).isBetween(2 * 86_400L, 2 * 86_400L + 60);

            JsonNode attachments = http.get("/metrics").json().get("attachments");
            assertThat(attachments.get("data_stale").asBoolean()).isTrue();
            assertThat(attachments.get("stale").asBoolean()).isFalse(); // the section itself is on time
            assertThat(attachments.get("data_age_seconds").asLong()).isGreaterThanOrEqualTo(2 * 86_400L);
            assertThat(attachments.at("/attachments/0/version_created_at").asText()).isNotEmpty();

            String prometheus = http.get("/metrics/prometheus").body();
            assertThat(prometheus).contains("graphfleet_data_stale 1.0", "graphfleet_data_max_staleness_seconds 86400.0");
            assertThat(prometheus).containsPattern("graphfleet_data_age_seconds 1728[0-9][0-9]\\.");
        }
    }

    @Test
    void aFreshReplicaIsReadyAndAWriterHasNoDataAge() throws Exception {
        StalenessSettings maxDay = new StalenessSettings(DAY, List.of(), Duration.ofSeconds(10));
        try (GraphNode fresh = replica("replica-2", Files.createDirectories(dir.resolve("b")), "v8",
                Duration.ofHours(1), maxDay)) {
            JsonNode h = new Http(fresh.uri()).get("/health").json();
            assertThat(h.get("status").asText()).isEqualTo("ready");
            assertThat(h.get("stale").asBoolean()).isFalse();
            assertThat(h.has("reason")).isFalse();
        }
        Path writerDir = Files.createDirectories(dir.resolve("w"));
        TestNodes.seed(writerDir);
        try (GraphNode writer = GraphNode.builder(TestNodes.settings(writerDir)).resources(FixedResources.idle()).start()) {
            Http http = new Http(writer.uri());
            JsonNode h = http.get("/health").json();
            assertThat(h.has("stale")).isFalse();
            assertThat(h.has("data_age_seconds")).isFalse();
            assertThat(http.query("people", "RETURN 1").header("X-Graph-Data-Age-Seconds")).isNull();
        }
    }

    @Test
    void aStaleReplicaStepsOutOnlyWhileAPeerServesFreshData() throws Exception {
        StalenessSettings maxDay = new StalenessSettings(DAY, List.of(), Duration.ofSeconds(10));
        try (GraphNode fresh = replica("replica-1", Files.createDirectories(dir.resolve("f")), "v8",
                Duration.ofHours(1), maxDay);
             GraphNode stale = replica("replica-2", Files.createDirectories(dir.resolve("s")), "v7",
                     Duration.ofDays(2), maxDay)) {
            URI nobody = URI.create("http://127.0.0.1:1");
            List<AttachmentProgress> staleData = List.of(new AttachmentProgress("people", "attached", "v7", 1, 1, 1,
                    null, Instant.now(), Instant.now().minus(Duration.ofDays(2))));
            StalenessSettings withPeers = new StalenessSettings(DAY, List.of(fresh.uri(), stale.uri(), nobody),
                    Duration.ofSeconds(10));
            // the stale node's own view of its group: itself (by id), the fresh one, and one that does not answer
            try (PeerWatcher watcher = new PeerWatcher(withPeers.peers(), "replica-2", Clock.systemUTC(),
                    Duration.ofSeconds(2));
                 NodeHealth health = new NodeHealth(withPeers, () -> staleData, Clock.systemUTC(), watcher)) {
                PeerView view = watcher.checkNow();
                assertThat(view).extracting(PeerView::peers, PeerView::answered, PeerView::freshServing)
                        .containsExactly(3, 2, 1);
                HealthVerdict out = health.verdict("ready", true);
                assertThat(out.httpStatus()).isEqualTo(503);
                assertThat(out.status()).isEqualTo("stale");

                fresh.beginShutdown(); // the fresh peer goes: the stale one must come back into service
                assertThat(watcher.checkNow().freshServing()).isZero();
                HealthVerdict back = health.verdict("ready", true);
                assertThat(back.httpStatus()).isEqualTo(200);
                assertThat(back.stale()).isTrue();
            }
        }
    }
}
