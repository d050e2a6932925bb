package dev.graphfleet.node.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.testing.ServedNode;
import dev.graphfleet.testing.cli.Databases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every function on the default CALL allow-list runs through a real node in a child JVM (4 MiB
 * stacks) and the node lives on: a function that crashed the engine would end the child, not this
 * test. {@code show_functions}, reported to abort the engine, is off the list and refused.
 */
class AllowedCallsTest {

    /** The arguments each allowed function needs on a database with node table T and rel table R. */
    private static final Map<String, String> ARGUMENTS = Map.ofEntries(Map.entry("table_info", "'T'"),
            Map.entry("show_connection", "'R'"), Map.entry("storage_info", "'T'"));
    /** Functions the engine runs only as a standalone CALL, without RETURN. */
    private static final java.util.Set<String> STANDALONE = java.util.Set.of("clear_warnings");

    @Test
    void everyAllowedFunctionRunsThroughARealNodeThatLivesOn(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("data");
        try (GraphPool pool = Databases.writer(dataDir, 1)) {
            pool.query("db", "CREATE NODE TABLE T(id INT64, PRIMARY KEY(id))");
            pool.query("db", "CREATE REL TABLE R(FROM T TO T)");
        }
        HttpClient client = HttpClient.newHttpClient();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        try (ServedNode node = ServedNode.start(dataDir, "4m")) {
            for (String function : StatementPolicy.DEFAULT_CALLS) {
                String cypher = "CALL " + function + "(" + ARGUMENTS.getOrDefault(function, "") + ")"
                        + (STANDALONE.contains(function) ? "" : " RETURN *");
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(node.uri() + "/databases/db/query"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"cypher\": \"" + cypher.replace("'", "'") + "\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                statuses.put(function, answer.statusCode());
                assertThat(answer.statusCode()).as(function + ": " + answer.body()).isEqualTo(200);
                assertThat(node.isAlive()).as(function).isTrue();
            }
        }
        assertThat(statuses).hasSameSizeAs(StatementPolicy.DEFAULT_CALLS);
    }

    @Test
    void showFunctionsIsRefused() {
        assertThat(StatementPolicy.DEFAULT_CALLS).doesNotContain("show_functions", "show_macros");
        assertThatThrownBy(() -> new StatementGuard(StatementPolicy.DEFAULTS).check("CALL show_functions() RETURN *"))
                .hasMessageContaining("CALL show_functions");
    }
}
