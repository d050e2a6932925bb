package dev.graphfleet.node;

import dev.graphfleet.testing.Http;
import dev.graphfleet.config.NodeType;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicaNodeTest {

    @TempDir
    Path dataDir;

    @Test
    void aReplicaServesReadsAndRefusesWritesWith403() {
        TestNodes.seed(dataDir);
        try (GraphNode replica = GraphNode.builder(TestNodes.settings(dataDir).withType(NodeType.SHARED_REPLICA))
                .resources(FixedResources.idle()).start()) {
            Http http = new Http(replica.uri());
            assertThat(http.get("/health").json().get("node_type").asText()).isEqualTo("shared_replica");
            assertThat(http.get("/health").json().get("read_only").asBoolean()).isTrue();
            assertThat(http.get("/databases").json().get("read_only").asBoolean()).isTrue();
            assertThat(http.query("people", "MATCH (p:Person) RETURN count(p)").json().get("rows").toString())
                    .isEqualTo("[[" + TestNodes.PEOPLE + "]]");
            NodeApiTest.assertError(http.query("people", "CREATE (:Person {id: 0, name: 'no'})"), 403, "read_only",
                    "refuses writes");
            for (String write : new String[] {"CHECKPOINT", "MATCH (p:Person) SET p.name = 'x'", "DROP TABLE Person",
                    "MATCH (p:Person) WITH p LIMIT 1 DETACH DELETE p", "\u00a0checkpoint;"}) {
                Http.Response refused = http.query("people", write);
                NodeApiTest.assertError(refused, 403, "read_only", "refuses writes");
                assertThat(refused.body()).as(write).doesNotContain(dataDir.toString());
            }
            NodeApiTest.assertError(http.query("fresh", "RETURN 1"), 404, "database_not_found", "no database fresh");
        }
        assertThat(dataDir.resolve("fresh.kuzu")).doesNotExist();
    }

    /** /health states the mode the node really holds queries to: a master that refuses writes says so. */
    @Test
    void aSharedMasterThatRefusesWritesSaysReadOnlyInItsHealth() {
        TestNodes.seed(dataDir);
        NodeSettings settings = TestNodes.settings(dataDir).withType(NodeType.SHARED_MASTER);
        try (GraphNode master = GraphNode.builder(settings.withDatabases(settings.databases().withReadOnly(true)))
                .resources(FixedResources.idle()).start()) {
            Http http = new Http(master.uri());
            NodeApiTest.assertError(http.query("people", "CREATE (:Person {id: 0, name: 'no'})"), 403, "read_only",
                    "refuses writes");
            assertThat(http.get("/health").json().get("node_type").asText()).isEqualTo("shared_master");
            assertThat(http.get("/health").json().get("read_only").asBoolean()).isTrue();
            assertThat(http.get("/databases").json().get("read_only").asBoolean()).isTrue();
        }
        try (GraphNode master = GraphNode.builder(settings).resources(FixedResources.idle()).start()) {
            Http http = new Http(master.uri());
            assertThat(http.query("people", "CREATE (:Person {id: 0, name: 'yes'})").status()).isEqualTo(200);
            assertThat(http.get("/health").json().get("read_only").asBoolean()).isFalse();
        }
    }
}
