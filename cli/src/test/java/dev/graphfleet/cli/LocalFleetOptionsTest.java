package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code local --max-staleness} and {@code --nodes local} refusals, before any node starts. */
class LocalFleetOptionsTest extends InProcessCliTest {

    @TempDir
    Path dir;

    @Test
    void maxStalenessTakesSecondsMinutesHoursOrIsoAndRefusesTheRest() {
        assertThat(LocalCommand.duration("--max-staleness", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LocalCommand.duration("--max-staleness", "5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(LocalCommand.duration("--max-staleness", "1h")).isEqualTo(Duration.ofHours(1));
        assertThat(LocalCommand.duration("--max-staleness", "PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(run("local", "--data", dir.toString(), "--max-staleness", "5 minutes"))
                .isEqualTo(GraphfleetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--max-staleness '5 minutes' is not a duration: write it as 90s, 5m or 1h");
        assertThat(run("local", "--data", dir.toString(), "--max-staleness", "0s")).isEqualTo(GraphfleetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--max-staleness must be whole seconds, at least 1 s");
        assertThat(dir.resolve("writer-1")).doesNotExist();
    }

    @Test
    void nodesLocalReadsTheFleetsOwnKeysSoAKeyVariableIsRefused() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("none"));
        assertThat(run("fleet", "status", "--nodes", "local", "--data", empty.toString(), "--api-key-env", "KEY"))
                .isEqualTo(GraphfleetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("--nodes local reads each node's own key from the local fleet's "
                + "local-fleet.json; leave out --api-key-env");
        assertThat(run("fleet", "status", "--nodes", "local", "--data", empty.toString()))
                .isEqualTo(GraphfleetCli.EXIT_USAGE);
        assertThat(err.toString()).contains("no local fleet is running with data in " + empty);
    }
}
