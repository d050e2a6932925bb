package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.Http;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory limits a query meets answer with the limit and its key, on a real node over HTTP. */
class MemoryErrorsHttpTest {

    @TempDir
    Path dataDir;

    @Test
    void aQueryThatFillsItsBufferPoolIsAMemoryLimitNotAnEngineError() {
        TestNodes.seed(dataDir);
        try (GraphNode node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start()) {
            Http http = new Http(node.uri());
            // 10 M collected values need far more than the 64 MiB buffer pool of the test tier.
            Http.Response answer = http.query("people",
                    "UNWIND range(1, 2000) AS a UNWIND range(1, 5000) AS b RETURN size(collect(a + b))");
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.json().path("error").asText()).isEqualTo("memory_limit");
            assertThat(answer.json().path("detail").asText()).contains("memory_per_db_mb", "max_memory_mb");
            Http.Response after = http.query("people", "MATCH (p:Person) RETURN count(p)");
            assertThat(after.status()).as(after.body()).isEqualTo(200);
        }
    }

    @Test
    void aRangeTooLargeIsRefusedBeforeTheEngineNamingItsKey() {
        TestNodes.seed(dataDir);
        try (GraphNode node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start()) {
            Http http = new Http(node.uri());
            Http.Response answer = http.query("people", "UNWIND range(1, 4000000) AS x RETURN count(x)");
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().path("error").asText()).isEqualTo("range_too_large");
            assertThat(answer.json().path("detail").asText()).contains("4,000,000", "node.memory.query_headroom_mb");
            assertThat(node.memory().queriesStopped()).isZero();
            assertThat(node.memory().budget().totalBytes()).isGreaterThan(node.settings().memoryBudgetBytes());
            assertThat(node.memory().residentBytes()).isPresent();
        }
    }
}
