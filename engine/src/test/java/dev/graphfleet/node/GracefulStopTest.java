package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.engine.TestPools;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GracefulStopTest {

    @TempDir
    Path dataDir;

    @Test
    void stopRefusesNewWorkFinishesWhatIsInFlightAndCheckpoints() throws Exception {
        TestNodes.seed(dataDir);
        GraphNode node = GraphNode.builder(TestNodes.settings(dataDir)).resources(FixedResources.idle()).start();
        Http http = new Http(node.uri());
        assertThat(http.query("people", "CREATE (:Person {id: 777777, name: 'written before the stop'})").status())
                .isEqualTo(200);

        int rows = 200_000; // more than the socket buffers: the stream stays in flight until we read it
        HttpResponse<InputStream> stream = http.stream("people",
                "UNWIND range(1, " + rows + ") AS i RETURN i, '" + "y".repeat(150) + "' AS pad");
        CompletableFuture<Void> stopped;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            long received = Http.JSON.readTree(reader.readLine()).get("row_count").asLong();

            node.beginShutdown();
            Http.Response health = http.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asText()).isEqualTo("shutting_down");
            NodeApiTest.assertError(http.query("people", "RETURN 1"), 503, "shutting_down", "shutting down");
            assertThat(http.get("/metrics").header("Retry-After")).isEqualTo("5");

            stopped = CompletableFuture.runAsync(node::stop);
            String line;
            JsonNode last = null;
            while ((line = reader.readLine()) != null) {
                last = Http.JSON.readTree(line);
                received += last.get("row_count").asLong();
            }
            assertThat(received).isEqualTo(rows); // the query in flight finished, all of it
            assertThat(last.get("is_last_chunk").asBoolean()).isTrue();
        }
        stopped.get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> http.get("/health")).isInstanceOf(UncheckedIOException.class); // no longer listening
        assertThat(node.pool().statistics().databases()).isEmpty(); // pool closed
        assertThat(Files.exists(dataDir.resolve("people.kuzu.wal")) ? Files.size(dataDir.resolve("people.kuzu.wal")) : 0)
                .as("checkpointed: nothing left in the WAL").isZero();
        try (GraphPool reopened = TestPools.writer(dataDir, 1)) {
            assertThat(reopened.query("people", "MATCH (p:Person) WHERE p.id = 777777 RETURN p.name"))
                    .isEqualTo(List.of(List.of("written before the stop")));
        }
        node.stop(); // idempotent
    }
}
