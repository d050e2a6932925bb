package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalNode;
import dev.graphfleet.local.NodeCommand;
import dev.graphfleet.local.SampleSizes;
import dev.graphfleet.volume.local.SimulatedTimings;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code volumes plan|check --source local} in process, against a running local fleet. */
class VolumesLocalCommandTest {

    private static final SampleSizes TINY = new SampleSizes(20, 2, 5, 30, 8);
    /** No "modifying" phase, so a real run reaches "optimizing" at once and the test never waits. */
    private static final SimulatedTimings IMMEDIATE =
            new SimulatedTimings(Duration.ZERO, Duration.ofSeconds(5), Duration.ofSeconds(60));

    @TempDir
    Path dir;

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = GraphfleetCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void withoutARunningFleetItSaysHowToStartOne() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("nothing"));
        assertThat(run("volumes", "check", "--source", "local", "--data", empty.toString(), "--dry-run"))
                .isEqualTo(GraphfleetCli.EXIT_FAILURE);
        assertThat(err.toString()).contains("no local fleet is running in " + empty)
                .contains("graphfleet local --data " + empty);

        assertThat(run("volumes", "check", "--source", "gcp")).isEqualTo(GraphfleetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--source: 'gcp' is not a known fleet");
        assertThat(run("volumes", "check", "--nodes", "http://127.0.0.1:1", "--data", empty.toString()))
                .isEqualTo(GraphfleetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--data goes with --source local");
    }

    @Test
    void planPrintsTheExpansionAndCheckMakesIt() throws Exception {
        try (LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 0, TINY, 1, IMMEDIATE), NodeCommand.serve(GraphfleetCli.CHILD_MAIN), m -> { })) {
            LocalNode master = fleet.nodes().get(1);
            try (RandomAccessFile filler = new RandomAccessFile(master.dataDir().resolve("filler.bin").toFile(), "rw")) {
                filler.setLength((long) (0.9 * (1L << 30))); // sparse: counted at its length
            }
            fleet.refreshVolumes();

            assertThat(run("volumes", "plan", "--source", "local", "--data", dir.toString()))
                    .as(err.toString()).isZero();
            String table = out.toString();
            assertThat(table).contains("Volume check of the local fleet in " + dir
                    + " (2 nodes; capacities are simulated) (dry run: nothing changed)");
            assertThat(table).containsPattern("master-1 +shared_master +node +9\\d\\.\\d % +1\\.0 +vol-local-master-1 +1 "
                    + "+expand +PLANNED +dry run: would expand 1 -> 60 GB");
            assertThat(table).containsPattern("writer-1 +writer +node +\\d\\.\\d % +1\\.0 +vol-local-writer-1 +1 +none");
            assertThat(fleet.volumes().modificationRequests("vol-local-master-1")).isZero();

            assertThat(run("volumes", "check", "--source", "local", "--data", dir.toString(), "--json"))
                    .as(err.toString()).isZero();
            JsonNode report = new ObjectMapper().readTree(out.toString());
            JsonNode masterRow = report.path("instances").get(1);
            assertThat(masterRow.path("instance_id").asText()).isEqualTo("master-1");
            assertThat(masterRow.path("outcome").asText()).as(masterRow.toString()).isEqualTo("expanded");
            assertThat(masterRow.path("decision").path("new_size_gb").asLong()).isEqualTo(60);
            assertThat(fleet.volumes().sizeGb("vol-local-master-1")).isEqualTo(60);
            assertThat(fleet.volumes().filesystemSizeGb("master-1")).isEqualTo(60.0);

            fleet.refreshVolumes();
            assertThat(run("volumes", "plan", "--source", "local", "--data", dir.toString())).isZero();
            assertThat(out.toString()).containsPattern("master-1 +shared_master +node +\\d\\.\\d % +60\\.0 "
                    + "+vol-local-master-1 +60 +skip +SKIPPED .*optimizing.*the filesystem already has the space");

            // fleet status says the capacities are simulated
            assertThat(run("fleet", "status", "--data", dir.toString())).as(err.toString()).isZero();
            assertThat(out.toString()).containsPattern("master-1 .* \\d+% of 60 GB \\(simulated\\)")
                    .containsPattern("writer-1 .* \\d+% of 1 GB \\(simulated\\)");
        }
    }
}
