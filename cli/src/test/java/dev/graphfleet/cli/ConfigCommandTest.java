package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code graphfleet config validate}, run in process: exit codes and what goes to stdout and stderr. */
class ConfigCommandTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aValidConfigExitsZeroWithItsWarningsAndAOneLineSummary() {
        Path file = EXAMPLES.resolve("production.yml");

        int code = run("config", "validate", file.toString());

        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).startsWith("warning tiers.ladybug-standard.instance.memory_per_db_mb:")
                .endsWith("OK " + file + ": environment prod, 2 tiers, 1 replica group, 1 warning"
                        + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aConfigWithoutProblemsPrintsOnlyTheSummary() {
        Path file = EXAMPLES.resolve("local.yml");

        assertThat(run("config", "validate", file.toString())).isEqualTo(0);
        assertThat(out.toString().strip())
                .isEqualTo("OK " + file + ": environment local, 2 tiers, 1 replica group, 0 warnings");
    }

    @Test
    void anInvalidConfigExitsTwoListingEveryProblem() {
        Path file = EXAMPLES.resolve("bad-replica-memory.yml");

        int code = run("config", "validate", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).contains("error   replicas.shared-replicas.instance.max_memory_mb: max_memory_mb"
                        + " 10240 MB + os_overhead_mb 2048 MB = 12288 MB is more than the 8192 MB of RAM on m7g.large")
                .contains("INVALID " + file + ": 1 error, 0 warnings");
    }

    @Test
    void unreadableYamlExitsTwoWithTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, "environment: prod\ntiers:\n  a:\n   b: : c\nnode: {tpye: writer}\n");

        assertThat(run("config", "validate", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("error   (file): is not valid YAML (line 4, column 5)")
                .contains("INVALID " + file + ": 1 error, 0 warnings");
    }

    @Test
    void unknownKeysAreAllListed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typos.yml");
        Files.writeString(file, "environment: prod\nnode: {tpye: writer, dat_dir: /x}\n");

        assertThat(run("config", "validate", file.toString())).isEqualTo(2);
        assertThat(err.toString())
                .contains("error   node.tpye: unknown key tpye (line 2, column 8) — did you mean type?")
                .contains("error   node.dat_dir: unknown key dat_dir (line 2, column 22) — did you mean data_dir?")
                // the rest is checked in the same run; what the typos meant (type, data_dir) is not repeated as missing
                .contains("error   node.id: missing (line 2)")
                .doesNotContain("node.type: missing").doesNotContain("node.data_dir: missing")
                .contains("INVALID " + file + ": ");
    }

    @Test
    void aMissingFileExitsTwoWithAClearMessage() {
        assertThat(run("config", "validate", "no/such/fleet.yml")).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("graphfleet: config file not found: no/such/fleet.yml"
                + " (pass the path of a YAML config; examples are in docs/examples/)");
    }

    @Test
    void aDirectoryOrNoFileIsAUsageError(@TempDir Path dir) {
        assertThat(run("config", "validate", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("is a directory; pass the path of a YAML config file");

        assertThat(run("config", "validate")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter: 'FILE'");

        assertThat(run("config")).isEqualTo(2);
        assertThat(err.toString()).contains("config needs a subcommand: graphfleet config validate FILE");
    }

    private int run(String... args) {
        CommandLine cli = GraphfleetCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
