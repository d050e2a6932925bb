package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.graphfleet.pool.PooledConnection;
import dev.graphfleet.testing.Http;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint and every answer of a writer node, over real HTTP on loopback. */
class NodeApiTest {

    @TempDir
    static Path dataDir;
    static GraphNode node;
    static Http http;

    @BeforeAll
    static void startNode() {
        TestNodes.seed(dataDir);
        node = GraphNode.builder(TestNodes.settings(dataDir)
                        .withQueryLimits(QueryLimits.DEFAULTS.withWriteConflictRetry(java.time.Duration.ofMillis(20))))
                .resources(FixedResources.idle()).start();
        http = new Http(node.uri());
    }

    @AfterAll
    static void stopNode() {
        node.stop();
    }

    @Test
    void healthSaysReadyWithIdentityAndUptime() {
        Http.Response health = http.get("/health");
        assertThat(health.status()).isEqualTo(200);
        JsonNode body = health.json();
        assertThat(body.get("status").asText()).isEqualTo("ready");
        assertThat(body.get("node_id").asText()).isEqualTo("test-node");
        assertThat(body.get("node_type").asText()).isEqualTo("writer");
        assertThat(body.get("uptime_seconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(body.get("read_only").asBoolean()).isFalse();
    }

    @Test
    void databasesListsTheDataDirectory() {
        JsonNode body = http.get("/databases").json();
        assertThat(body.get("count").asInt()).isEqualTo(2);
        List<String> names = new ArrayList<>();
        body.get("databases").forEach(db -> names.add(db.get("name").asText()));
        assertThat(names).containsExactly("empty", "people");
        // From the background scan (exact sizes are DirectorySizeSourceTest's business; writes here move them).
        assertThat(body.get("databases").get(1).get("size_bytes").asLong()).isPositive();
        assertThat(body.get("databases").get(0).get("open").asBoolean()).isFalse(); // no test here queries "empty"
    }

    @Test
    void aQueryAnswersColumnsRowsCountAndTime() {
        Http.Response answer = http.query("people",
                "MATCH (p:Person) WHERE p.id <= 3 RETURN p.id AS id, p.name AS name ORDER BY id");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.get("columns").toString()).isEqualTo("[\"id\",\"name\"]");
        assertThat(body.get("rows").toString()).isEqualTo("[[1,\"p1\"],[2,\"p2\"],[3,\"p3\"]]");
        assertThat(body.get("row_count").asInt()).isEqualTo(3);
        assertThat(body.get("truncated").asBoolean()).isFalse();
        assertThat(body.get("execution_ms").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(body.has("detail")).isFalse();
    }

    @Test
    void parametersAreBoundByName() {
        Http.Response answer = http.query("people", "MATCH (p:Person) WHERE p.id IN $ids AND p.name <> $excluded "
                + "RETURN p.id ORDER BY p.id", Map.of("ids", List.of(5, 6, 7), "excluded", "p6"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("rows").toString()).isEqualTo("[[5],[7]]");
    }

    @Test
    void rowsBeyondTheLimitAreFlaggedTruncatedNeverSilentlyCut() {
        JsonNode body = http.query("people", "MATCH (p:Person) RETURN p.id ORDER BY p.id").json();
        assertThat(body.get("row_count").asInt()).isEqualTo(10_000);
        assertThat(body.get("rows")).hasSize(10_000);
        assertThat(body.get("truncated").asBoolean()).isTrue();
        assertThat(body.get("detail").asText()).contains("?stream=true");
    }

    @Test
    void streamingReturnsEveryRowInChunksOfAThousand() throws Exception {
        HttpResponse<InputStream> response = http.stream("people", "MATCH (p:Person) RETURN p.id AS id ORDER BY id");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        List<JsonNode> chunks = readLines(response.body());
        assertStreamed(chunks);
    }

    @Test
    void streamingIsAlsoChosenByTheAcceptHeader() {
        Http.Response response = http.send(http.request("/databases/people/query")
                .header("Accept", "application/x-ndjson")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        Http.body("MATCH (p:Person) RETURN p.id AS id ORDER BY id", Map.of()))).build());
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            chunks.add(new Http.Response(200, response.headers(), line).json());
        }
        assertStreamed(chunks);
    }

    private static void assertStreamed(List<JsonNode> chunks) {
        assertThat(chunks).hasSize(13);
        assertThat(chunks.get(0).get("columns").toString()).isEqualTo("[\"id\"]");
        assertThat(chunks.get(1).has("columns")).isFalse();
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < chunks.size(); i++) {
            JsonNode chunk = chunks.get(i);
            assertThat(chunk.get("chunk_index").asInt()).isEqualTo(i);
            assertThat(chunk.get("is_last_chunk").asBoolean()).isEqualTo(i == chunks.size() - 1);
            assertThat(chunk.get("row_count").asInt()).isEqualTo(i < 12 ? 1_000 : 345);
            chunk.get("rows").forEach(row -> ids.add(row.get(0).asLong()));
        }
        JsonNode last = chunks.get(12);
        assertThat(last.get("total_rows").asLong()).isEqualTo(TestNodes.PEOPLE);
        assertThat(last.get("database").asText()).isEqualTo("people");
        assertThat(last.has("execution_ms")).isTrue();
        assertThat(ids).hasSize(TestNodes.PEOPLE);
        assertThat(Collections.min(ids)).isEqualTo(1L);
        assertThat(Collections.max(ids)).isEqualTo((long) TestNodes.PEOPLE);
    }

    @Test
    void syntaxAndBindingErrorsAre400WithTheEnginesMessage() {
        assertError(http.query("people", "MATCH (p:Person RETURN p"), 400, "syntax_error", "Parser exception");
        assertError(http.query("people", "MATCH (x:Nowhere) RETURN x"), 400, "binding_error", "Nowhere");
    }

    @Test
    void malformedBodiesAre400NamingTheProblem() {
        assertError(http.post("/databases/people/query", "{\"cypher\": "), 400, "malformed_json", "not valid JSON");
        assertError(http.post("/databases/people/query", "[1, 2]"), 400, "bad_request", "JSON object");
        assertError(http.post("/databases/people/query", ""), 400, "bad_request", "empty");
        assertError(http.post("/databases/people/query", "{\"cyper\": \"RETURN 1\"}"), 400, "bad_request",
                "unknown field 'cyper'");
        assertError(http.post("/databases/people/query", "{\"cypher\": 42}"), 400, "bad_request", "field cypher is required");
        assertError(http.post("/databases/people/query", "{\"cypher\": \"RETURN 1\", \"cypher\": \"RETURN 2\"}"), 400,
                "malformed_json", "Duplicate field 'cypher'");
        assertError(http.post("/databases/people/query", "{\"cypher\": \"RETURN 1\", \"parameters\": [1]}"), 400,
                "bad_request", "parameters must be an object");
    }

    @Test
    void parametersOutsideTheLimitsAre400NamingTheParameter() {
        Map<String, Object> tooMany = new HashMap<>();
        for (int i = 0; i < 51; i++) {
            tooMany.put("p" + i, i);
        }
        assertError(http.query("people", "RETURN 1", tooMany), 400, "bad_request", "51 parameters; at most 50");
        assertError(http.query("people", "RETURN $s", Map.of("s", "x".repeat(10_001))), 400, "bad_request",
                "parameter s: string of 10001 characters; at most 10000");
        assertError(http.query("people", "RETURN $l", Map.of("l", Collections.nCopies(1_001, 1))), 400, "bad_request",
                "parameter l: list of 1001 items; at most 1000");
        assertError(http.query("people", "RETURN $d", Map.of("d", List.of(List.of(List.of(List.of(1)))))), 400,
                "bad_request", "parameter d[0][0][0]: nested 4 levels deep; at most 3");
        assertError(http.query("people", "RETURN $n", Map.of("n", 1e16)), 400, "bad_request", "parameter n: number");
        assertError(http.post("/databases/people/query", "{\"cypher\": \"RETURN 1\", \"parameters\": {\"a-b\": 1}}"),
                400, "bad_request", "parameter name 'a-b' is not an identifier");
        // Within the limits, three levels of nesting are fine.
        assertThat(http.query("people", "RETURN size($d)", Map.of("d", List.of(List.of(List.of(1))))).status())
                .isEqualTo(200);
    }

    @Test
    void explicitTransactionsAreRefusedSoNoPooledConnectionIsLeftInOne() {
        assertError(http.query("people", "BEGIN TRANSACTION"), 400, "bad_request", "explicit transactions");
        assertError(http.query("people", "RETURN 1; COMMIT"), 400, "bad_request", "explicit transactions");
    }

    @Test
    void invalidDatabaseNamesAre400AndUnknownOnes404WithoutCreatingAFile() {
        assertError(http.query("Bad-Name", "RETURN 1"), 400, "bad_request", "invalid database name");
        assertError(http.query("..", "RETURN 1"), 400, "bad_request", "invalid database name");
        assertError(http.query("missing", "RETURN 1"), 404, "database_not_found", "no database missing");
        assertThat(dataDir.resolve("missing.kuzu")).doesNotExist();
        assertThat(node.admission().snapshot().inFlight()).doesNotContainKey("missing");
    }

    @Test
    void tooLargeBodiesAndTooLongQueriesAre413() {
        String huge = "{\"cypher\": \"RETURN 1\", \"parameters\": {\"s\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}}";
        assertError(http.post("/databases/people/query", huge), 413, "body_too_large", "max_body_bytes");
        String longQuery = "RETURN 1" + " ".repeat(10_001);
        assertError(http.query("people", longQuery), 413, "query_too_long",
                "the query is 10009 characters long; at most 10000");
    }

    @Test
    void aWriteMeetingAnotherWriteTransactionIs409WithRetryAfter() {
        try (PooledConnection writer = node.pool().borrow("people")) {
            writer.query("BEGIN TRANSACTION").close();
            writer.query("CREATE (:Person {id: 900001, name: 'held'})").close();
            Http.Response conflict = http.query("people", "CREATE (:Person {id: 900002, name: 'blocked'})");
            assertError(conflict, 409, "write_conflict", "one at a time");
            assertThat(conflict.header("Retry-After")).isEqualTo("1");
            assertThat(conflict.json().get("retry_after").asInt()).isEqualTo(1);
            // Reads go on meanwhile.
            assertThat(http.query("people", "MATCH (p:Person) WHERE p.id < 3 RETURN count(p)").status()).isEqualTo(200);
            writer.query("ROLLBACK").close();
        }
        assertThat(http.query("people", "CREATE (:Person {id: 900002, name: 'now free'})").status()).isEqualTo(200);
        assertThat(http.query("people", "MATCH (p:Person) WHERE p.id = 900002 DELETE p").status()).isEqualTo(200);
    }

    @Test
    void poolShowsTheDatabasesConnections() {
        http.query("people", "RETURN 1");
        JsonNode pool = http.get("/pool").json();
        assertThat(pool.get("created").asLong()).isPositive();
        JsonNode people = pool.get("databases").get("people");
        assertThat(people.get("max").asInt()).isEqualTo(3);
        assertThat(people.get("open").asBoolean()).isTrue();
        assertThat(people.get("in_use").asInt()).isZero();
    }

    @Test
    void attachmentsAreAnEmptyListOnAWriter() {
        JsonNode body = http.get("/attachments").json();
        assertThat(body.get("attachments")).isEmpty();
        assertThat(body.get("count").asInt()).isZero();
        assertThat(body.get("ready").asBoolean()).isTrue();
    }

    @Test
    void invalidateClosesAnOpenDatabaseAndTheNextQueryReopensIt() {
        assertThat(http.query("people", "MATCH (p:Person) RETURN count(p)").status()).isEqualTo(200);
        assertThat(node.pool().statistics().databases().get("people").open()).isTrue();

        Http.Response answer = http.post("/databases/people/invalidate", "");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().get("database").asText()).isEqualTo("people");
        assertThat(answer.json().get("was_open").asBoolean()).isTrue();
        assertThat(node.pool().statistics().databases().get("people").open()).isFalse();
        assertThat(http.query("people", "MATCH (p:Person) RETURN count(p)").status()).isEqualTo(200);
    }

    @Test
    void invalidateOfAnUnknownOrBadNameSaysWhy() {
        assertError(http.post("/databases/nobody/invalidate", ""), 404, "database_not_found", "GET /databases");
        assertThat(http.post("/databases/Bad-Name/invalidate", "").status()).isEqualTo(400);
        assertError(http.get("/databases/people/invalidate"), 405, "method_not_allowed", "POST");
    }

    @Test
    void unknownPathsAndMethodsAnswerJsonToo() {
        assertError(http.get("/nowhere"), 404, "not_found", "/databases/{name}/query");
        assertError(http.get("/databases/people/query"), 405, "method_not_allowed", "POST");
    }

    static void assertError(Http.Response response, int status, String error, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("detail").asText()).contains(detail);
    }

    static List<JsonNode> readLines(InputStream body) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(Http.JSON.readTree(line));
            }
        }
        return lines;
    }
}
