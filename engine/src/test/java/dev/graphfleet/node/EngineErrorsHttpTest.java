package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.testing.Http;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Errors the engine raises are answered by what the client did, not as the server's fault, and never
 * with the server's file paths: a parameter the query does not use is a 400, a write on a read-only
 * node is a 403 even where the engine fails it with an I/O error naming the database file (CHECKPOINT).
 */
class EngineErrorsHttpTest {

    @TempDir
    Path dataDir;

    @Test
    void aParameterTheQueryDoesNotUseIsABadRequestNamingIt() {
        TestNodes.seed(dataDir);
        try (GraphNode writer = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start()) {
            Http http = new Http(writer.uri());
            NodeApiTest.assertError(http.query("people", "RETURN 1", Map.of("unused", 5)), 400, "bad_request",
                    "parameter 'unused' is not used by the query");
            // Prepared and cached first, then sent with one parameter too many.
            assertThat(http.query("people", "MATCH (p:Person) WHERE p.id = $id RETURN p.name", Map.of("id", 7)).status())
                    .isEqualTo(200);
            Http.Response extra = http.query("people", "MATCH (p:Person) WHERE p.id = $id RETURN p.name",
                    Map.of("id", 7, "limit", 3));
            NodeApiTest.assertError(extra, 400, "bad_request", "parameter 'limit' is not used");
            assertThat(extra.json().get("detail").asText()).contains("$limit");
        }
    }

    @Test
    void writesOnAReadOnlyNodeAre403AndNameNoPath() {
        TestNodes.seed(dataDir);
        try (GraphNode replica = GraphNode.builder(TestNodes.settings(dataDir).withType(NodeType.SHARED_REPLICA))
                .resources(FixedResources.idle()).start()) {
            Http http = new Http(replica.uri());
            for (String write : new String[] {"CHECKPOINT", "checkpoint;", "CREATE (:Person {id: 0, name: 'no'})",
                    "MATCH (p:Person {id: 1}) SET p.name = 'x'", "MATCH (p:Person {id: 2}) DELETE p",
                    "CREATE NODE TABLE T(id INT64, PRIMARY KEY(id))", "DROP TABLE Person"}) {
                Http.Response answer = http.query("people", write);
                NodeApiTest.assertError(answer, 403, "read_only", "refuses writes");
                assertThat(answer.body()).as(write).doesNotContain(dataDir.toString()).doesNotContain("/tmp")
                        .doesNotContain("fileDescriptor");
            }
            assertThat(http.query("people", "MATCH (p:Person) RETURN count(p)").json().get("rows").toString())
                    .isEqualTo("[[" + TestNodes.PEOPLE + "]]");
        }
    }
}
