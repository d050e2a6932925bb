package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphResult;
import dev.graphfleet.node.admission.AdmissionSettings;
import dev.graphfleet.node.statement.CypherTokenizer;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PooledConnection;
import dev.graphfleet.testing.Http;
import dev.graphfleet.testing.RefusedStatementVariants;
import dev.graphfleet.testing.engine.TestPools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every refused statement, and a sample of its generated variants, sent to a real node over HTTP:
 * each is answered 400 or 403, and afterwards nothing happened. No row was loaded from the canary
 * file, no file was written beside it, and every pooled connection, borrowed all at once so the next
 * borrower's view is the one checked, has no attached database and the settings a fresh connection
 * has.
 */
class RefusedStatementsOnANodeTest {

    private static final int CONNECTIONS = 3;
    private static final int VARIANTS = 300;
    /** Fixed, so every build sends the same variants. */
    private static final long SEED = 20_261_207L;
    private static final Set<String> REFUSALS = Set.of("statement_not_allowed", "bad_request", "syntax_error");
    private static final List<String> SETTINGS = List.of("threads", "timeout", "home_directory", "file_search_path");

    @TempDir
    Path dir;

    @Test
    void noRefusedStatementChangesAnythingForTheNextBorrower() throws Exception {
        Path dataDir = dir.resolve("data");
        Path canary = Files.createDirectories(dir.resolve("canary"));
        Files.writeString(canary.resolve("canary.csv"), "canary-secret\n");
        try (GraphPool other = TestPools.writer(canary, 1)) {
            other.query("other", "CREATE NODE TABLE OtherSecret(id INT64, PRIMARY KEY(id))");
        }
        try (GraphPool seed = TestPools.writer(dataDir, 1)) {
            seed.query("db", "CREATE NODE TABLE F(line STRING, PRIMARY KEY(line))");
        }
        List<String> canaryBefore = files(canary);
        List<String> statements = new ArrayList<>();
        for (List<String> form : RefusedStatementVariants.forms(canary.toString())) {
            statements.add(String.join(" ", form));
        }
        RefusedStatementVariants.statements(canary.toString(), CypherTokenizer.engineWhitespace()).samples(SEED).limit(VARIANTS).forEach(statements::add);

        try (GraphNode node = GraphNode.start(TestNodes.settings(dataDir).withDatabases(TestPools.smallDefaults(CONNECTIONS))
                .withAdmission(AdmissionSettings.DEFAULTS.withThresholds(100, 100, 100)))) {
            List<String> fresh = settings(node.pool());
            Http http = new Http(node.uri());
            int refused = 0;
            for (String cypher : statements) {
                Http.Response answer = http.query("db", cypher);
                assertThat(answer.status()).as(cypher + " -> " + answer.body()).isIn(400, 403);
                assertThat(answer.json().get("error").asText()).as(cypher).isIn(REFUSALS);
                assertThat(answer.body()).as(cypher).doesNotContain("canary-secret");
                refused++;
            }
            assertThat(refused).isEqualTo(statements.size());

            List<PooledConnection> all = new ArrayList<>();
            try {
                for (int i = 0; i < CONNECTIONS; i++) {
                    all.add(node.pool().borrow("db"));
                }
                assertThat(all.stream().map(PooledConnection::connectionId).collect(Collectors.toSet())).hasSize(CONNECTIONS);
                for (PooledConnection connection : all) {
                    assertThat(rows(connection, "CALL show_attached_databases() RETURN *")).as("attached").isEmpty();
                    assertThat(settings(connection)).as("settings").isEqualTo(fresh);
                    assertThat(rows(connection, "MATCH (f:F) RETURN count(*)")).isEqualTo(List.of(List.of(0L)));
                    assertThat(rows(connection, "CALL show_tables() RETURN name")).isEqualTo(List.of(List.of("F")));
                }
            } finally {
                all.forEach(PooledConnection::close);
            }
        }
        assertThat(files(canary)).as("the canary directory").isEqualTo(canaryBefore);
    }

    /** The checks above can fail: bypassing the guard, an ATTACH and a setting do stay on a pooled connection. */
    @Test
    void withoutTheGuardAnAttachAndASettingStayOnThePooledConnection() throws Exception {
        Path canary = Files.createDirectories(dir.resolve("canary"));
        try (GraphPool other = TestPools.writer(canary, 1)) {
            other.query("other", "CREATE NODE TABLE OtherSecret(id INT64, PRIMARY KEY(id))");
        }
        try (GraphPool pool = TestPools.writer(dir.resolve("data"), 1)) {
            List<String> fresh = settings(pool);
            try (PooledConnection connection = pool.borrow("db")) {
                rows(connection, "ATTACH '" + canary.resolve("other.kuzu") + "' AS o (dbtype kuzu)");
                rows(connection, "CALL threads = 1");
            }
            try (PooledConnection next = pool.borrow("db")) {
                assertThat(rows(next, "CALL show_attached_databases() RETURN *")).isNotEmpty();
                assertThat(settings(next)).isNotEqualTo(fresh);
            }
        }
    }

    private static List<String> settings(GraphPool pool) {
        try (PooledConnection connection = pool.borrow("db")) {
            return settings(connection);
        }
    }

    private static List<String> settings(GraphConnection connection) {
        List<String> values = new ArrayList<>();
        for (String setting : SETTINGS) {
            values.add(setting + "=" + rows(connection, "CALL current_setting('" + setting + "') RETURN *"));
        }
        return values;
    }

    private static List<List<Object>> rows(GraphConnection connection, String cypher) {
        try (GraphResult result = connection.query(cypher)) {
            List<List<Object>> rows = new ArrayList<>();
            while (result.hasNext()) {
                rows.add(result.next());
            }
            return rows;
        }
    }

    private static List<String> files(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> dir.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
