package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.testing.FakeNodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class VolumesCheckCommandTest {

    FakeNodes nodes;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        nodes = new FakeNodes(null, 4);
    }

    @AfterEach
    void stop() {
        nodes.close();
    }

    int run(String... args) {
        CommandLine cli = GraphfleetCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsATableWithTheDecisionPerNode() {
        URI full = nodes.add("full", 100, 85);
        URI fine = nodes.add("fine", 500, 100);

        int code = run("volumes", "check", "--nodes", full + "," + fine, "--dry-run");

        assertThat(code).isZero();
        String table = out.toString();
        assertThat(table).contains("Volume check of 2 node URL(s) (dry run: nothing changed)");
        assertThat(table).containsPattern("127\\.0\\.0\\.1:\\d+/full +node +node +85\\.0 % +100\\.0 +- +100 +alert "
                + "+ALERT +ALERT unknown_volume: .*would expand 100 -> 150 GB");
        assertThat(table).containsPattern("127\\.0\\.0\\.1:\\d+/fine +node +node +20\\.0 % +500\\.0 +- +500 +none "
                + "+NONE +usage 20\\.0 % is not above 80\\.0 %");
        assertThat(table).contains("2 instance(s) in").contains("1 alert(s), 0 failed");
    }

    @Test
    void jsonReportsSourceUsageAndDecision() throws Exception {
        URI full = nodes.add("full", 100, 85);

        int code = run("volumes", "check", "--nodes", full.toString(), "--json", "--alarm");

        assertThat(code).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("alarm").asBoolean()).isTrue();
        assertThat(json.path("ok").asBoolean()).isTrue();
        JsonNode row = json.path("instances").get(0);
        assertThat(row.path("source").asText()).isEqualTo("node");
        assertThat(row.path("filesystem").path("usage").asDouble()).isEqualTo(0.85);
        assertThat(row.path("decision").path("kind").asText()).isEqualTo("alert");
        assertThat(row.path("outcome").asText()).isEqualTo("alert");
        assertThat(row.path("needs_attention").asBoolean()).isTrue();
    }

    @Test
    void aNodeThatCannotBeReadFailsTheCommand() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        URI fine = nodes.add("fine", 100, 10);

        int code = run("volumes", "check", "--nodes", fine + ",http://127.0.0.1:" + closedPort, "--timeout", "2");

        assertThat(code).isEqualTo(GraphfleetCli.EXIT_FAILURE);
        assertThat(out.toString()).contains("FAILED").contains("ERROR: no metrics: node: ")
                .contains("cloudwatch: CloudWatch fallback not configured");
    }

    @Test
    void aBadUrlIsAUsageErrorNamingTheOption() {
        int code = run("volumes", "check", "--nodes", "10.0.1.5:8001");
        assertThat(code).isEqualTo(GraphfleetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--nodes: '10.0.1.5:8001' is not a node URL (expected http://HOST:PORT");
    }

    @Test
    void aSourceIsRequired() {
        assertThat(run("volumes", "check")).isEqualTo(GraphfleetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--nodes");
        assertThat(run("volumes")).isEqualTo(GraphfleetCli.EXIT_USAGE);
    }
}
