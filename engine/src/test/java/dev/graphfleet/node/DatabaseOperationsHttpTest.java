package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.pool.PooledConnection;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations that wait, never 500 (issue 14): invalidate, cleanup and close of one database while
 * queries run wait a bounded time for them, then answer 503 with the reason.
 */
class DatabaseOperationsHttpTest {

    private static final List<String> OPERATIONS = List.of("invalidate", "cleanup", "close");

    @TempDir
    Path dataDir;
    GraphNode node;

    /** A tier timeout of 1 s: an operation waits 2 s (the timeout and a second) for running queries. */
    private Http start() {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir)
                        .withDatabases(TestPools.smallDefaults(3).withQueryTimeout(Duration.ofSeconds(1))))
                .resources(FixedResources.idle()).start();
        return new Http(node.uri());
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void eachOperationClosesTheDatabaseAndTheNextQueryReopensIt() {
        Http http = start();
        for (String operation : OPERATIONS) {
            assertThat(http.query("people", "MATCH (p:Person) RETURN count(p)").status()).isEqualTo(200);
            Http.Response answer = http.post("/databases/people/" + operation, "");
            assertThat(answer.status()).as(operation + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.json().get("operation").asText()).isEqualTo(operation);
            assertThat(answer.json().get("was_open").asBoolean()).isTrue();
            assertThat(node.pool().statistics().databases().get("people").open()).as(operation).isFalse();
        }
        assertThat(http.query("people", "MATCH (p:Person) RETURN count(p)").json().get("rows").toString())
                .isEqualTo("[[" + TestNodes.PEOPLE + "]]");
        for (String operation : OPERATIONS) {
            NodeApiTest.assertError(http.post("/databases/nobody/" + operation, ""), 404, "database_not_found", "GET /databases");
            NodeApiTest.assertError(http.get("/databases/people/" + operation), 405, "method_not_allowed", "POST");
        }
    }

    @Test
    void aConnectionInUsePastTheWaitIs503WithTheReasonAndNothingIsClosed() {
        Http http = start();
        assertThat(http.query("people", "RETURN 1").status()).isEqualTo(200);
        try (PooledConnection held = node.pool().borrow("people")) { // a statement that does not end
            for (String operation : OPERATIONS) {
                long started = System.nanoTime();
                Http.Response busy = http.post("/databases/people/" + operation, "");
                long elapsedMs = (System.nanoTime() - started) / 1_000_000;
                NodeApiTest.assertError(busy, 503, "database_busy", "1 connection(s) still in use after 2000 ms");
                assertThat(busy.header("Retry-After")).isEqualTo("5");
                assertThat(elapsedMs).as(operation + " answered after %d ms", elapsedMs).isBetween(1_900L, 4_000L);
                assertThat(held.query("RETURN 1").all()).hasSize(1); // still open underneath
            }
        }
        assertThat(http.post("/databases/people/invalidate", "").status()).isEqualTo(200);
    }

    @Test
    void operationsUnderQueryLoadAnswer200Or503NeverA500() throws Exception {
        Http http = start();
        AtomicBoolean running = new AtomicBoolean(true);
        Map<Integer, Integer> queryStatuses = new ConcurrentHashMap<>();
        List<Thread> load = java.util.stream.IntStream.range(0, 4).mapToObj(i -> new Thread(() -> {
            while (running.get()) {
                // a mix of quick reads and queries cut at the 1 s tier timeout
                String cypher = i % 2 == 0 ? "MATCH (p:Person) RETURN count(p)" : DeadlineHttpTest.HEAVY;
                queryStatuses.merge(http.query("people", cypher).status(), 1, Integer::sum);
            }
        }, "load-" + i)).toList();
        load.forEach(Thread::start);
        Map<String, Integer> answers = new TreeMap<>();
        try {
            for (int round = 0; round < 4; round++) {
                for (String operation : OPERATIONS) {
                    Http.Response answer = http.post("/databases/people/" + operation, "");
                    answers.merge(operation + " " + answer.status(), 1, Integer::sum);
                    assertThat(answer.status()).as(operation + ": " + answer.body()).isIn(200, 503);
                    if (answer.status() == 503) {
                        assertThat(answer.json().get("error").asText()).isEqualTo("database_busy");
                    }
                }
            }
        } finally {
            running.set(false);
            for (Thread thread : load) {
                thread.join(Duration.ofSeconds(30).toMillis());
            }
        }
        System.out.println("OPERATIONS UNDER LOAD " + answers + "; queries " + queryStatuses);
        assertThat(queryStatuses.keySet()).as("queries during the operations: %s", queryStatuses)
                .allSatisfy(status -> assertThat(status).isIn(200, 408, 503));
        assertThat(queryStatuses.getOrDefault(200, 0)).isGreaterThan(0);
        assertThat(http.query("people", "RETURN 1").status()).isEqualTo(200);
    }
}
