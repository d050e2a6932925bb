package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.node.admission.AdmissionSettings;
import dev.graphfleet.node.admission.AdmissionSlot;
import dev.graphfleet.node.admission.Operation;
import dev.graphfleet.node.statement.StatementPolicy;
import dev.graphfleet.testing.Http;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdmissionHttpTest {

    @TempDir
    Path dataDir;
    GraphNode node;
    FixedResources resources = FixedResources.idle();

    private Http start(AdmissionSettings admission) {
        TestNodes.seed(dataDir);
        // A writer that bulk-loads (COPY FROM is refused unless node.api.allow_copy_from allows it).
        node = GraphNode.builder(TestNodes.settings(dataDir).withAdmission(admission)
                .withStatements(StatementPolicy.DEFAULTS.withAllowCopyFrom(true))).resources(resources).start();
        return new Http(node.uri());
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    @SuppressWarnings("try") // the slot is held, not used
    void aDatabaseAtItsInFlightLimitRefusesWith503AndRetryAfter() {
        Http http = start(AdmissionSettings.DEFAULTS.withMaxInFlightPerDatabase(1));
        try (AdmissionSlot held = node.admission().admit("people", Operation.QUERY)) {
            Http.Response refused = http.query("people", "RETURN 1");
            NodeApiTest.assertError(refused, 503, "overloaded", "Too many queries in flight on this database: 1 of 1");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.json().get("retry_after").asInt()).isEqualTo(5);
            // Another database is not affected.
            assertThat(http.query("empty", "RETURN 1").status()).isEqualTo(200);
        }
        assertThat(http.query("people", "RETURN 1").status()).isEqualTo(200);
        JsonNode admission = http.get("/metrics").json().get("admission_control");
        assertThat(admission.get("rejected").get("in_flight").asLong()).isEqualTo(1);
        assertThat(admission.get("max_in_flight_per_database").asInt()).isEqualTo(1);
    }

    @Test
    void aStreamingAnswerHoldsItsSlotUntilItsLastChunk() throws Exception {
        Http http = start(AdmissionSettings.DEFAULTS.withMaxInFlightPerDatabase(1));
        int rows = 200_000; // ~35 MB of NDJSON: far more than the socket buffers hold, so the server must wait for us
        HttpResponse<InputStream> stream = http.stream("people",
                "UNWIND range(1, " + rows + ") AS i RETURN i, '" + "x".repeat(150) + "' AS pad");
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            JsonNode first = Http.JSON.readTree(reader.readLine());
            assertThat(first.get("chunk_index").asInt()).isZero();
            assertThat(first.get("is_last_chunk").asBoolean()).isFalse();

            assertThat(node.admission().inFlight("people")).isEqualTo(1);
            NodeApiTest.assertError(http.query("people", "RETURN 1"), 503, "overloaded", "Too many queries in flight");

            long received = first.get("row_count").asLong();
            JsonNode last = first;
            String line;
            while ((line = reader.readLine()) != null) {
                last = Http.JSON.readTree(line);
                received += last.get("row_count").asLong();
            }
            assertThat(received).isEqualTo(rows);
            assertThat(last.get("is_last_chunk").asBoolean()).isTrue();
        }
        assertThat(node.admission().awaitIdle("people", Duration.ofSeconds(10))).isTrue();
        assertThat(http.query("people", "RETURN 1").status()).isEqualTo(200);
    }

    @Test
    void memoryAboveTheThresholdRefusesEverything() {
        Http http = start(AdmissionSettings.DEFAULTS);
        resources.set(10.0, 90.0);
        NodeApiTest.assertError(http.query("people", "RETURN 1"), 503, "overloaded",
                "Memory usage too high: 90.0% > 85.0%");
        assertThat(http.get("/health").status()).isEqualTo(200); // refusing work is not being unhealthy
        resources.set(10.0, 20.0);
        assertThat(http.query("people", "RETURN 1").status()).isEqualTo(200);
    }

    @Test
    void ingestionMeetsTheLowerCpuThreshold() {
        Http http = start(AdmissionSettings.DEFAULTS.withThresholds(85, 90, 80)); // deprecated, off by default
        resources.set(85.0, 20.0);
        assertThat(http.query("people", "MATCH (p:Person) RETURN count(p)").status()).isEqualTo(200);
        NodeApiTest.assertError(http.query("people", "COPY Person FROM '/nonexistent/people.csv'"), 503, "overloaded",
                "CPU usage too high: 85.0% > 80.0% (the ingestion threshold)");
        resources.set(95.0, 20.0);
        NodeApiTest.assertError(http.query("people", "RETURN 1"), 503, "overloaded", "CPU usage too high: 95.0% > 90.0%");
        JsonNode admission = http.get("/metrics").json().get("admission_control");
        assertThat(admission.get("rejected").get("cpu").asLong()).isEqualTo(2);
        assertThat(admission.get("cpu_percent").asDouble()).isEqualTo(95.0);
    }

    @Test
    void slowQueriesBeyondTheNodesLimitAreRefusedWith503AndRetryAfterWhileTheAdmittedComplete() throws Exception {
        Http http = start(AdmissionSettings.DEFAULTS.withMaxInFlightPerDatabase(64).withInFlight(true, 2, 3));
        // 152 million pairs filtered one by one: long enough that all requests overlap.
        String slow = "MATCH (a:Person), (b:Person) WHERE a.id + b.id = -1 RETURN count(*)";
        int clients = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            java.util.List<java.util.concurrent.Future<Http.Response>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return http.query("people", slow);
                }));
            }
            go.countDown();
            int served = 0;
            int refused = 0;
            for (var answer : answers) {
                Http.Response response = answer.get(2, java.util.concurrent.TimeUnit.MINUTES);
                if (response.status() == 503) {
                    refused++;
                    NodeApiTest.assertError(response, 503, "overloaded", "Too many queries in flight on this node");
                    assertThat(response.header("Retry-After")).isEqualTo("5");
                } else {
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    assertThat(response.json().get("rows").toString()).isEqualTo("[[0]]");
                    served++;
                }
            }
            assertThat(refused).as("beyond the node's limit of at most 3").isGreaterThanOrEqualTo(clients - 3 * 2);
            assertThat(served).isGreaterThanOrEqualTo(1);
            JsonNode admission = http.get("/metrics").json().get("admission_control");
            assertThat(admission.get("rejected").get("limit").asLong()).isEqualTo(refused);
            assertThat(admission.get("in_flight_limit").asInt()).isBetween(2, 3);
            assertThat(admission.get("adaptive_limit").asBoolean()).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void atLightLoadNothingIsRefusedEvenWhenTheCpuIsBusy() throws Exception {
        Http http = start(AdmissionSettings.DEFAULTS); // the defaults: the adaptive limit, no CPU threshold
        resources.set(99.0, 20.0); // what the sampler reports on a busy machine (the old default refused above 90 %)
        java.util.concurrent.atomic.AtomicBoolean burning = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.List<Thread> burners = new java.util.ArrayList<>();
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            Thread burner = new Thread(() -> {
                long x = 0;
                while (burning.get()) {
                    x += System.nanoTime() % 7;
                }
                if (x == 42) {
                    System.out.print(""); // keeps the loop from being optimised away
                }
            }, "cpu-burner-" + i);
            burner.setDaemon(true);
            burner.start();
            burners.add(burner);
        }
        try {
            for (int i = 1; i <= 50; i++) {
                Http.Response response = http.query("people", "MATCH (p:Person {id: $id}) RETURN p.name",
                        java.util.Map.of("id", i));
                assertThat(response.status()).as(response.body()).isEqualTo(200);
            }
        } finally {
            burning.set(false);
            for (Thread burner : burners) {
                burner.join();
            }
        }
        JsonNode admission = http.get("/metrics").json().get("admission_control");
        assertThat(admission.get("rejected").get("cpu").asLong()).isZero();
        assertThat(admission.get("rejected").get("limit").asLong()).isZero();
    }
}
