package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.engine.TestPools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad request the query endpoint can get, each sent over real HTTP to a node on real
 * databases: each gets its status, a stable error code and a detail naming the problem, and after
 * all of them nothing has changed: the data directory's files, the rows, the files outside it the
 * statements aimed at, and the databases the node serves.
 */
class BadInputApiTest {

    private static final String KEY = "bad-input-key";

    @TempDir
    static Path dataDir;
    @TempDir
    static Path outside;
    static GraphNode node;
    static final HttpClient client = HttpClient.newHttpClient();

    /** One bad request: what is sent and the answer it must get. */
    record Case(String what, String path, String contentType, byte[] body, int status, String error, String detail) {
        static Case query(String what, String cypher, int status, String error, String detail) {
            return new Case(what, "/databases/people/query", "application/json",
                    Http.body(cypher, Map.of()).getBytes(StandardCharsets.UTF_8), status, error, detail);
        }

        static Case body(String what, String json, int status, String error, String detail) {
            return new Case(what, "/databases/people/query", "application/json", json.getBytes(StandardCharsets.UTF_8),
                    status, error, detail);
        }

        static Case database(String what, String rawPath, int status, String error, String detail) {
            return new Case(what, "/databases/" + rawPath + "/query", "application/json",
                    "{\"cypher\": \"CREATE NODE TABLE T(id INT64, PRIMARY KEY(id))\"}".getBytes(StandardCharsets.UTF_8),
                    status, error, detail);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        TestNodes.seed(dataDir);
        Files.createDirectories(outside);
        try (GraphPool other = TestPools.writer(outside.resolve("dbs"), 1)) {
            other.query("secret", "CREATE NODE TABLE S(v STRING, PRIMARY KEY(v))");
            other.query("secret", "CREATE (:S {v: 'top secret'})");
        }
        node = GraphNode.builder(TestNodes.settings(dataDir).withApiKey(KEY)).resources(FixedResources.idle()).start();
    }

    @AfterAll
    static void stop() {
        node.stop();
    }

    static List<Case> cases() {
        String out = outside.resolve("out").toString().replace("\\", "/");
        String secretDb = outside.resolve("dbs").resolve("secret.kuzu").toString().replace("\\", "/");
        List<Case> cases = new ArrayList<>();
        // Malformed JSON and bodies.
        cases.add(Case.body("truncated JSON", "{\"cypher\": ", 400, "malformed_json", "not valid JSON"));
        cases.add(Case.body("trailing comma", "{\"cypher\": \"RETURN 1\",}", 400, "malformed_json", "not valid JSON"));
        cases.add(Case.body("single quotes", "{'cypher': 'RETURN 1'}", 400, "malformed_json", "not valid JSON"));
        cases.add(Case.body("bare word", "nul", 400, "malformed_json", "not valid JSON"));
        cases.add(Case.body("two documents", "{\"cypher\": \"RETURN 1\"} {}", 400, "malformed_json", "not valid JSON"));
        cases.add(Case.body("a NUL in JSON", "{\"cypher\": \"RETURN 1\u0000\"}", 400, "malformed_json", "not valid JSON"));
        cases.add(new Case("invalid UTF-8", "/databases/people/query", "application/json",
                new byte[] {'{', '"', 'c', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, 400, "malformed_json", "not valid JSON"));
        cases.add(Case.body("JSON nested 5,000 deep", "[".repeat(5_000) + "]".repeat(5_000), 400, "malformed_json", "nesting depth"));
        cases.add(Case.body("array body", "[1, 2]", 400, "bad_request", "JSON object"));
        cases.add(Case.body("string body", "\"RETURN 1\"", 400, "bad_request", "JSON object"));
        cases.add(Case.body("empty body", "", 400, "bad_request", "empty"));
        cases.add(Case.body("unknown field", "{\"cypher\": \"RETURN 1\", \"database\": \"other\"}", 400, "bad_request", "unknown field 'database'"));
        cases.add(Case.body("cypher null", "{\"cypher\": null}", 400, "bad_request", "field cypher is required"));
        cases.add(Case.body("cypher blank", "{\"cypher\": \"   \"}", 400, "bad_request", "field cypher is required"));
        cases.add(Case.body("cypher object", "{\"cypher\": {\"q\": 1}}", 400, "bad_request", "field cypher is required"));
        cases.add(Case.body("duplicate field", "{\"cypher\": \"RETURN 1\", \"cypher\": \"RETURN 2\"}", 400, "malformed_json", "Duplicate field"));
        // Parameters.
        cases.add(Case.body("parameters a list", "{\"cypher\": \"RETURN 1\", \"parameters\": [1]}", 400, "bad_request", "parameters must be an object"));
        cases.add(Case.body("parameter name with a quote", "{\"cypher\": \"RETURN 1\", \"parameters\": {\"a'b\": 1}}", 400, "bad_request", "is not an identifier"));
        cases.add(Case.body("parameter name with a NUL", "{\"cypher\": \"RETURN 1\", \"parameters\": {\"a\\u0000\": 1}}", 400, "bad_request", "is not an identifier"));
        cases.add(Case.body("parameter name a look-alike", "{\"cypher\": \"RETURN 1\", \"parameters\": {\"\u0430\": 1}}", 400, "bad_request", "is not an identifier"));
        cases.add(Case.body("parameter number too large", "{\"cypher\": \"RETURN $n\", \"parameters\": {\"n\": 1e300}}", 400, "bad_request", "parameter n: number"));
        cases.add(Case.body("parameter string too long", "{\"cypher\": \"RETURN $s\", \"parameters\": {\"s\": \"" + "x".repeat(10_001) + "\"}}", 400, "bad_request", "at most 10000"));
        // Sizes.
        cases.add(Case.query("query over max_query_length", "RETURN 1" + " ".repeat(10_000), 413, "query_too_long", "max_query_length"));
        cases.add(Case.body("body over max_body_bytes", "{\"cypher\": \"RETURN 1\", \"parameters\": {\"s\": \"" + "x".repeat(2_200_000) + "\"}}", 413, "body_too_large", "max_body_bytes"));
        // Content types.
        cases.add(new Case("form content type (curl -d)", "/databases/people/query", "application/x-www-form-urlencoded",
                "{\"cypher\": \"RETURN 1\"}".getBytes(StandardCharsets.UTF_8), 415, "unsupported_media_type", "application/json"));
        cases.add(new Case("text content type", "/databases/people/query", "text/plain; charset=utf-8",
                "{\"cypher\": \"RETURN 1\"}".getBytes(StandardCharsets.UTF_8), 415, "unsupported_media_type", "'text/plain'"));
        cases.add(new Case("multipart content type", "/databases/people/query", "multipart/form-data; boundary=x",
                "--x--".getBytes(StandardCharsets.UTF_8), 415, "unsupported_media_type", "Content-Type: application/json"));
        // Database names: traversal, injection, look-alikes, unknown.
        cases.add(Case.database("unknown database", "missing", 404, "database_not_found", "no database missing"));
        cases.add(Case.database("dot-dot", "..", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("encoded traversal", "..%2F..%2Fetc%2Fpasswd", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("encoded dot-dot", "%2e%2e", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("NUL", "people%00", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("quote", "people%27", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("double quote", "people%22", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("backtick", "people%60", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("space and semicolon", "people%3B%20DROP", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("upper case", "PEOPLE", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("Cyrillic look-alike", "p%D0%B5ople", 400, "bad_request", "\\u0435"));
        cases.add(Case.database("fullwidth look-alike", "%EF%BD%90eople", 400, "bad_request", "\\uff50"));
        cases.add(Case.database("absolute path", "%2Fetc%2Fpasswd", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("file extension", "people.kuzu", 400, "bad_request", "invalid database name"));
        cases.add(Case.database("too long", "a".repeat(64), 400, "bad_request", "1-63 characters"));
        // Statements that would reach files or other databases.
        cases.add(Case.query("ATTACH another database file", "ATTACH '" + secretDb + "' AS s (dbtype kuzu)", 403, "statement_not_allowed", "ATTACH"));
        cases.add(Case.query("ATTACH after a comment", "/* x */ attach '" + secretDb + "' AS s", 403, "statement_not_allowed", "ATTACH"));
        cases.add(Case.query("USE after RETURN", "RETURN 1; USE s", 403, "statement_not_allowed", "USE"));
        cases.add(Case.query("COPY TO a file", "COPY Person TO '" + out + ".csv'", 403, "statement_not_allowed", "COPY ... TO"));
        cases.add(Case.query("COPY query TO a file", "COPY (MATCH (p:Person) RETURN p.name) TO '" + out + ".parquet'", 403, "statement_not_allowed", "COPY ... TO"));
        cases.add(Case.query("PROFILE COPY TO", "PROFILE COPY Person TO '" + out + "2.csv'", 403, "statement_not_allowed", "COPY ... TO"));
        cases.add(Case.query("COPY FROM a file", "COPY Person FROM '/etc/hostname'", 403, "statement_not_allowed", "allow_copy_from"));
        cases.add(Case.query("LOAD FROM a file", "LOAD FROM '/etc/hostname' RETURN *", 403, "statement_not_allowed", "LOAD FROM"));
        cases.add(Case.query("EXPORT DATABASE", "EXPORT DATABASE '" + out + "-dump'", 403, "statement_not_allowed", "EXPORT"));
        cases.add(Case.query("INSTALL an extension", "INSTALL httpfs", 403, "statement_not_allowed", "INSTALL"));
        cases.add(Case.query("CALL a setting", "CALL home_directory = '" + out + "'", 403, "statement_not_allowed", "connection's settings"));
        cases.add(Case.query("CALL timeout = 0", "CALL timeout = 0", 403, "statement_not_allowed", "connection's settings"));
        cases.add(Case.query("CALL show_attached_databases", "CALL show_attached_databases() RETURN *", 403, "statement_not_allowed", "show_attached_databases"));
        cases.add(Case.query("a keyword look-alike is not recognised", "\u0410TTACH '" + secretDb + "' AS s", 403, "statement_not_allowed", "not a statement the node recognises"));
        cases.add(Case.query("a no-break space before COPY FROM", "\u00a0COPY Person FROM '/etc/passwd'", 403, "statement_not_allowed", "COPY ... FROM"));
        cases.add(Case.query("a zero-width space before ATTACH", "\u200bATTACH '" + secretDb + "' AS s (dbtype kuzu)", 403, "statement_not_allowed", "U+200B"));
        cases.add(Case.query("nesting beyond the bound", "RETURN " + "(".repeat(250) + "1" + ")".repeat(250), 400, "bad_request", "nesting deeper than 48 levels"));
        cases.add(Case.query("CALL show_functions", "CALL show_functions() RETURN *", 403, "statement_not_allowed", "show_functions"));
        cases.add(Case.body("IN a null parameter (the engine would crash)", "{\"cypher\": \"RETURN 1 IN $p\", \"parameters\": {\"p\": null}}", 400, "bad_request", "an empty list"));
        cases.add(Case.query("IN a parameter not sent (the engine would crash)", "RETURN 1 IN $p", 400, "bad_request", "an empty list"));
        cases.add(Case.query("=~ (the engine crashes on a non-string)", "MATCH (p:Person) RETURN p.id =~ 'a'", 400, "bad_request", "regexp_matches"));
        cases.add(Case.query("unterminated string", "RETURN 'x; ATTACH '" + secretDb + "' AS s", 400, "bad_request", "not closed"));
        cases.add(Case.query("explicit transaction", "BEGIN TRANSACTION", 400, "bad_request", "explicit transactions"));
        return cases;
    }

    @Test
    void everyBadRequestGetsItsErrorAndNothingChanges() throws Exception {
        Map<String, Long> filesBefore = files(dataDir);
        List<String> outsideBefore = names(outside);
        long rowsBefore = people();
        List<Case> cases = cases();
        for (Case c : cases) {
            Http.Response response = send(c);
            try {
                NodeApiTest.assertError(response, c.status(), c.error(), c.detail());
            } catch (AssertionError e) {
                throw new AssertionError(c.what() + ": " + response.body(), e);
            }
            assertThat(response.body()).as(c.what()).doesNotContain(KEY);
        }
        assertThat(files(dataDir)).as("data directory").containsOnlyKeys(filesBefore.keySet());
        assertThat(names(outside)).as("files the statements aimed at").isEqualTo(outsideBefore);
        assertThat(people()).isEqualTo(rowsBefore);
        assertThat(node.pool().databases()).containsExactlyInAnyOrder("people", "empty");
        // The node serves on: the same connections answer, attached to nothing else.
        Http.Response tables = new Http(node.uri(), KEY).query("people", "CALL show_tables() RETURN name");
        assertThat(tables.body()).contains("Person").doesNotContain("\"S\"");
        assertThat(cases).hasSizeGreaterThanOrEqualTo(55);
    }

    /** The guard is what stops them: the same COPY ... TO run on a connection directly does write the file. */
    @Test
    void withoutTheGuardTheEngineWouldWriteTheFile() {
        Path target = outside.resolve("direct").resolve("people.csv");
        try (GraphPool pool = TestPools.writer(outside.resolve("direct-db"), 1)) {
            pool.query("x", "CREATE NODE TABLE P(id INT64, PRIMARY KEY(id))");
            pool.query("x", "CREATE (:P {id: 1})");
            target.getParent().toFile().mkdirs();
            pool.query("x", "COPY (MATCH (p:P) RETURN p.id) TO '" + target.toString().replace("\\", "/") + "'");
        }
        assertThat(target).exists();
    }

    private Http.Response send(Case c) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.uri() + c.path()))
                .header("X-Graph-API-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
        if (c.contentType() != null) {
            request.header("Content-Type", c.contentType());
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(c.what(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long people() {
        return new Http(node.uri(), KEY).query("people", "MATCH (p:Person) RETURN count(p)").json()
                .get("rows").get(0).get(0).asLong();
    }

    private static Map<String, Long> files(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(dir.relativize(f).toString(), f.toFile().length()));
        }
        return files;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
