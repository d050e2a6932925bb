package dev.graphfleet.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleMemoryTest {

    @TempDir
    Path dir;

    @Test
    void nothingRememberedIsTheDefaults() {
        assertThat(new ConsoleMemory(dir.resolve("none.json")).load()).isEqualTo(ConsoleMemory.Remembered.NONE);
    }

    @Test
    void theWindowAndTheLastSourceSurviveARestart() throws Exception {
        ConsoleMemory memory = new ConsoleMemory(dir.resolve("graphfleet").resolve("console.json"));
        var state = new ConsoleMemory.Remembered(new ConsoleMemory.Window(40, 60, 1500, 900, false),
                List.of("--nodes", "http://10.0.1.5:8001", "--api-key-env", "GRAPH_API_KEY"));
        assertThat(memory.save(state)).isTrue();

        assertThat(new ConsoleMemory(memory.file()).load()).isEqualTo(state);
        assertThat(Files.readString(memory.file())).contains("\"last_source\"", "\"width\" : 1500.0");
        assertThat(Files.list(memory.file().getParent())).as("no temp file left").hasSize(1);
    }

    @Test
    void aBrokenFileIsTheDefaultsNotACrash() throws Exception {
        Path file = dir.resolve("console.json");
        Files.writeString(file, "{\"window\": {\"x\": 1, \"wid");
        assertThat(new ConsoleMemory(file).load()).isEqualTo(ConsoleMemory.Remembered.NONE);
        Files.writeString(file, "[1, 2, 3]");
        assertThat(new ConsoleMemory(file).load()).isEqualTo(ConsoleMemory.Remembered.NONE);
    }

    @Test
    void anUnusableWindowIsForgottenButTheSourceKept() throws Exception {
        Path file = dir.resolve("console.json");
        Files.writeString(file, "{\"window\": {\"x\": 0, \"y\": 0, \"width\": 3, \"height\": 2},"
                + " \"last_source\": [\"--aws\", \"--env\", \"prod\"], \"from_a_newer_version\": true}");
        var loaded = new ConsoleMemory(file).load();
        assertThat(loaded.window()).isNull();
        assertThat(loaded.lastSource()).containsExactly("--aws", "--env", "prod");
    }

    @Test
    void aFileThatCannotBeWrittenIsAWarningNotAFailure() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        assertThat(new ConsoleMemory(blocker.resolve("console.json")).save(ConsoleMemory.Remembered.NONE)).isFalse();
    }

    @Test
    void theFileLivesInTheXdgConfigDirectoryUnlessOverridden() {
        String override = System.clearProperty(ConsoleMemory.PATH_PROPERTY);
        try {
            Map<String, String> env = Map.of("XDG_CONFIG_HOME", dir.toString());
            assertThat(ConsoleMemory.standard(env::get).file()).isEqualTo(dir.resolve("graphfleet/console.json"));
            assertThat(ConsoleMemory.standard(name -> null).file()).isEqualTo(
                    Path.of(System.getProperty("user.home"), ".config", "graphfleet", "console.json"));
            assertThat(ConsoleMemory.standard(Map.of("XDG_CONFIG_HOME", "relative/dir")::get).file())
                    .as("XDG says a relative path is to be ignored").isEqualTo(
                            Path.of(System.getProperty("user.home"), ".config", "graphfleet", "console.json"));
            System.setProperty(ConsoleMemory.PATH_PROPERTY, dir.resolve("x.json").toString());
            assertThat(ConsoleMemory.standard(env::get).file()).isEqualTo(dir.resolve("x.json"));
        } finally {
            if (override == null) {
                System.clearProperty(ConsoleMemory.PATH_PROPERTY);
            } else {
                System.setProperty(ConsoleMemory.PATH_PROPERTY, override);
            }
        }
    }
}
