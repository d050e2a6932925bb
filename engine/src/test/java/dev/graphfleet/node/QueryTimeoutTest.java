package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryTimeoutTest {

    @TempDir
    Path dataDir;

    @Test
    void aQueryPastTheTierTimeoutIsCancelledByTheEngineAnd408() {
        try (GraphPool pool = TestPools.writer(dataDir, 1)) {
            pool.query("slow", "CREATE NODE TABLE N(id INT64, PRIMARY KEY(id))");
            pool.query("slow", "UNWIND range(1, 3000) AS i CREATE (:N {id: i})");
        }
        NodeSettings settings = TestNodes.settings(dataDir)
                .withDatabases(TestPools.smallDefaults(1).withQueryTimeout(Duration.ofMillis(300)));
        try (GraphNode node = GraphNode.builder(settings).resources(FixedResources.idle()).start()) {
            Http http = new Http(node.uri());
            // 27 billion combinations, filtered row by row: far beyond 300 ms unless cancelled.
            Http.Response slow = http.query("slow",
                    "MATCH (a:N), (b:N), (c:N) WHERE a.id + b.id + c.id = -1 RETURN count(*)");
            NodeApiTest.assertError(slow, 408, "query_timeout", "query timeout of 300 ms");
            // The one connection was really freed and works: the engine stopped the query.
            assertThat(http.query("slow", "MATCH (n:N) RETURN count(n)").json().get("rows").toString())
                    .isEqualTo("[[3000]]");
            assertThat(http.get("/metrics").json().get("queries").get("errors_by_status").get("408").asInt())
                    .isEqualTo(1);
        }
    }
}
