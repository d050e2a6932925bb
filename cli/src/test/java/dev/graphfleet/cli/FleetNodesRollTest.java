package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.node.ConfiguredNode;
import dev.graphfleet.node.GraphNode;
import dev.graphfleet.node.NodeSettings;
import dev.graphfleet.node.admission.AdmissionSettings;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.repo.FileRepositoryStore;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.testing.cli.Databases;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleet snapshot --nodes} and {@code fleet rollback --nodes} on two real shared replicas on loopback
 * (started from their config, following a directory store) and a real writer as the master: publish,
 * then one node at a time through the refresh endpoint; a node that is down stops the roll with a report.
 */
class FleetNodesRollTest {

    private static final String KEY = "roll-k3y";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @AfterEach
    void restoreEnvironment() {
        FleetStatusCommand.env = System::getenv;
    }

    private static JsonNode send(URI node, String method, String path, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(node.resolve(path)).header("X-Graph-API-Key", KEY)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(method + " " + path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    private static long facts(URI node) throws Exception {
        return send(node, "POST", "/databases/sec/query", "{\"cypher\": \"MATCH (f:Fact) RETURN count(f)\"}")
                .get("rows").get(0).get(0).asLong();
    }

    private static JsonNode sec(URI node) throws Exception {
        for (JsonNode attachment : send(node, "GET", "/attachments", null).get("attachments")) {
            if (attachment.get("repository").asText().equals("sec")) {
                return attachment;
            }
        }
        throw new AssertionError("no sec on " + node);
    }

    private ConfiguredNode replica(String id) throws Exception {
        GraphfleetConfig config = GraphfleetConfig.parse("""
                environment: local
                tiers:
                  shared:
                    shared_repositories: [sec]
                    instance: {max_memory_mb: 256, connection_pool_size: 2, query_timeout: 30}
                node:
                  id: %s
                  type: shared_replica
                  tier: shared
                  data_dir: %s
                  api: {host: 127.0.0.1, port: 0, api_key_env: TEST_KEY}
                  store: {uri: "%s"}
                  shared: {refresh_interval_s: 0}
                  admission: {cpu_percent: 100, memory_percent: 100, ingestion_cpu_percent: 100}
                  attach: {attempts: 2, backoff_s: [0]}
                """.formatted(id, dir.resolve(id), dir.resolve("store").toUri()));
        ConfiguredNode node = ConfiguredNode.start(config, Map.of("TEST_KEY", KEY));
        assertThat(node.awaitReady(Duration.ofSeconds(60))).isTrue();
        return node;
    }

    private String[] snapshot(URI master, URI... nodes) {
        StringBuilder list = new StringBuilder();
        for (URI node : nodes) {
            list.append(list.length() == 0 ? "" : ",").append(node);
        }
        return new String[] {"fleet", "snapshot", "--graph", "sec", "--nodes", list.toString(), "--file",
                dir.resolve("master").resolve("sec.kuzu").toString(), "--store", dir.resolve("store").toUri().toString(),
                "--master", master.toString(), "--api-key-env", "GRAPH_API_KEY", "--step-timeout-s", "60"};
    }

    @Test
    void snapshotPublishesAndRollsEachNodeAndRollbackPinsThemBack() throws Exception {
        FleetStatusCommand.env = name -> name.equals("GRAPH_API_KEY") ? KEY : null;
        Files.createDirectories(dir.resolve("store"));
        NodeSettings masterSettings = NodeSettings.defaults(dir.resolve("master")).withNodeId("master-1")
                .withListen("127.0.0.1", 0).withApiKey(KEY).withDatabases(Databases.smallDefaults(2))
                .withMemoryBudgetBytes(1L << 30)
                .withAdmission(new AdmissionSettings(100, 100, 100, 16, Duration.ofSeconds(1), Duration.ofSeconds(1)));
        try (GraphPool seed = Databases.writer(dir.resolve("master"), 1)) {
            seed.query("sec", "CREATE NODE TABLE Fact(id INT64, PRIMARY KEY(id))");
            seed.query("sec", "UNWIND range(1, 30) AS i CREATE (:Fact {id: i})");
        }
        try (GraphNode master = GraphNode.builder(masterSettings).start()) {
            URI m = master.uri();
            try (FileRepositoryStore store = new FileRepositoryStore((StoreUri.Local) StoreUri.parse(dir.resolve("store").toUri().toString()))) {
                store.publish(RepositoryName.of("sec"), dir.resolve("master").resolve("sec.kuzu"), "0.11.2");
            }
            try (ConfiguredNode one = replica("replica-1"); ConfiguredNode two = replica("replica-2")) {
                URI r1 = one.node().uri();
                URI r2 = two.node().uri();
                assertThat(facts(r1)).isEqualTo(30);

                send(m, "POST", "/databases/sec/query", "{\"cypher\": \"UNWIND range(31, 40) AS i CREATE (:Fact {id: i})\"}");
                CliRun rolled = CliRun.of(snapshot(m, r1, r2));
                assertThat(rolled.code()).as(rolled.out() + rolled.err()).isZero();
                assertThat(rolled.out()).contains("checkpointed sec on " + m, "published sec v2",
                        r1 + " serves sec v2", r2 + " serves sec v2", "done: all 2 nodes serve sec v2 and are ready");
                assertThat(rolled.out().indexOf(r1 + " serves sec v2")).isLessThan(rolled.out().indexOf(r2 + " moves sec"));
                assertThat(facts(r1)).isEqualTo(40);
                assertThat(facts(r2)).isEqualTo(40);

                CliRun back = CliRun.of("fleet", "rollback", "--nodes", r1 + "," + r2, "--graph", "sec",
                        "--api-key-env", "GRAPH_API_KEY", "--json");
                assertThat(back.code()).as(back.out() + back.err()).isZero();
                JsonNode report = JSON.readTree(back.out());
                assertThat(report.get("version").asText()).isEqualTo("v1");
                assertThat(report.get("moved")).hasSize(2);
                assertThat(facts(r2)).isEqualTo(30);
                assertThat(sec(r1).get("pinned").asBoolean()).isTrue();
                assertThat(sec(r2).get("pinned").asBoolean()).isTrue();

                // The second node is down: the first moves, the roll stops there, the third is not touched.
                URI down;
                try (ServerSocket closed = new ServerSocket(0)) {
                    down = URI.create("http://127.0.0.1:" + closed.getLocalPort());
                }
                send(m, "POST", "/databases/sec/query", "{\"cypher\": \"UNWIND range(41, 50) AS i CREATE (:Fact {id: i})\"}");
                CliRun stopped = CliRun.of(snapshot(m, r1, down, r2));
                assertThat(stopped.code()).isEqualTo(1);
                assertThat(stopped.out()).contains("published sec v3", r1 + " serves sec v3");
                assertThat(stopped.err()).contains("rolling refresh of sec to v3 stopped at " + down + ": it is not serving",
                        r1 + " serve(s) v3", "not touched: " + r2);
                assertThat(facts(r1)).isEqualTo(50);
                assertThat(sec(r2).get("version").asText()).as("not touched").isEqualTo("v1");
                assertThat(sec(r2).get("pinned").asBoolean()).isTrue();

                FleetStatusCommand.env = name -> name.equals("GRAPH_API_KEY") ? "bad-key-value-xyz" : null;
                CliRun refused = CliRun.of("fleet", "rollback", "--nodes", r2.toString(), "--graph", "sec", "--to", "v2",
                        "--api-key-env", "GRAPH_API_KEY");
                assertThat(refused.code()).isEqualTo(1);
                assertThat(refused.err()).contains("401", "--api-key-env", "no node was moved").doesNotContain("bad-key-value-xyz");
            }
        }
    }

    @Test
    void nodesOptionsAreCheckedBeforeAnythingMoves() {
        CliRun noFile = CliRun.of("fleet", "snapshot", "--graph", "sec", "--nodes", "http://127.0.0.1:9");
        assertThat(noFile.code()).isEqualTo(2);
        assertThat(noFile.err()).contains("--file", "--store");
        CliRun badName = CliRun.of("fleet", "rollback", "--nodes", "http://127.0.0.1:9", "--graph", "Bad;Name");
        assertThat(badName.code()).isEqualTo(2);
        CliRun badVersion = CliRun.of("fleet", "rollback", "--nodes", "http://127.0.0.1:9", "--graph", "sec", "--to", "3");
        assertThat(badVersion.code()).isEqualTo(2);
        assertThat(badVersion.err()).contains("--to 3");
        CliRun noGroup = CliRun.of("fleet", "rollback");
        assertThat(noGroup.code()).isEqualTo(2);
        assertThat(noGroup.err()).contains("--group", "--nodes");
    }
}
