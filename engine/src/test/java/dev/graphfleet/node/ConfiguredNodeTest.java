package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.repo.FileRepositoryStore;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.StoreUri;
import dev.graphfleet.testing.engine.TestPools;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A shared replica started from a config file: it attaches its repositories from the store, then serves. */
class ConfiguredNodeTest {

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private void publish(String name, int facts) throws Exception {
        Path build = dir.resolve("build");
        try (GraphPool writer = TestPools.writer(build, 1)) {
            writer.query(name, "CREATE NODE TABLE Fact(id INT64, PRIMARY KEY(id))");
            writer.query(name, "UNWIND range(1, " + facts + ") AS i CREATE (:Fact {id: i})");
            writer.forceCleanup(name);
        }
        try (FileRepositoryStore store = new FileRepositoryStore((StoreUri.Local) StoreUri.parse(dir.resolve("store").toUri().toString()))) {
            store.publish(RepositoryName.of(name), build.resolve(name + ".kuzu"), "0.11.2");
        }
    }

    private JsonNode get(URI base, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path)).header("X-Graph-API-Key", "k3y")
                .build(), HttpResponse.BodyHandlers.ofString());
        return ((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(response.body())).put("_status", response.statusCode());
    }

    private JsonNode query(URI base, String db, String cypher) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/databases/" + db + "/query"))
                .header("X-Graph-API-Key", "k3y")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("cypher", cypher)))).build(),
                HttpResponse.BodyHandlers.ofString());
        return ((com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(response.body())).put("_status", response.statusCode());
    }

    @Test
    void aSharedReplicaAttachesFromItsStoreAndServesReadOnly() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("store"));
        publish("sec", 30);
        publish("industry", 20);
        GraphfleetConfig config = GraphfleetConfig.parse("""
                environment: local
                tiers:
                  shared:
                    shared_repositories: [sec, industry]
                    instance: {max_memory_mb: 256, connection_pool_size: 2, query_timeout: 30}
                replicas:
                  shared-replicas: {tier: shared}
                node:
                  id: replica-7
                  type: shared_replica
                  tier: shared
                  replica_group: shared-replicas
                  data_dir: %s
                  api: {host: 127.0.0.1, port: 0, api_key_env: TEST_KEY}
                  store: {uri: "%s"}
                  admission: {cpu_percent: 100, memory_percent: 100, ingestion_cpu_percent: 100}
                  attach: {attempts: 2, backoff_s: [0]}
                """.formatted(dir.resolve("replica"), dir.resolve("store").toUri()));
        try (ConfiguredNode node = ConfiguredNode.start(config, Map.of("TEST_KEY", "k3y"))) {
            URI base = node.node().uri();
            assertThat(node.awaitReady(Duration.ofSeconds(60))).isTrue();
            JsonNode health = get(base, "/health");
            assertThat(health.get("node_id").asText()).isEqualTo("replica-7");
            assertThat(health.get("node_type").asText()).isEqualTo("shared_replica");
            assertThat(health.get("replica_group").asText()).isEqualTo("shared-replicas"); // node.replica_group
            assertThat(health.get("_status").asInt()).isEqualTo(200);

            JsonNode attachments = get(base, "/attachments");
            assertThat(attachments.get("by_phase").get("attached").asInt()).isEqualTo(2);

            assertThat(query(base, "sec", "MATCH (f:Fact) RETURN count(f)").get("rows").get(0).get(0).asLong()).isEqualTo(30);
            assertThat(query(base, "industry", "MATCH (f:Fact) RETURN count(f)").get("rows").get(0).get(0).asLong())
                    .isEqualTo(20);
            assertThat(query(base, "sec", "CREATE (:Fact {id: 99})").get("_status").asInt()).isEqualTo(403);

            // Every answer says which repository version produced it.
            HttpResponse<String> answered = http.send(HttpRequest.newBuilder(base.resolve("/databases/sec/query"))
                    .header("X-Graph-API-Key", "k3y")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"cypher\": \"RETURN 1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answered.headers().firstValue("X-Graph-Data-Version")).contains("v1");
            assertThat(query(base, "economic", "RETURN 1").get("_status").asInt()).isEqualTo(404);
        }
    }
}
