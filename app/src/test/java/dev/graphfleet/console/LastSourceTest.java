package dev.graphfleet.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.service.ConsoleMemory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The last source is remembered as its options and reopened when the command line names none. */
class LastSourceTest {

    @TempDir
    Path dir;

    private static ConsoleOptions parse(String... args) {
        ConsoleOptions options = new ConsoleOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void aSourceIsRememberedAsItsOptionsWithoutSecrets() {
        assertThat(parse("--nodes", "http://a:8001,http://b:8001", "--api-key-env", "GRAPH_KEY", "--dark").sourceArgs())
                .containsExactly("--nodes", "http://a:8001,http://b:8001", "--api-key-env", "GRAPH_KEY");
        assertThat(parse("--aws", "--env", "prod", "--region", "eu-west-1").sourceArgs())
                .containsExactly("--aws", "--env", "prod", "--region", "eu-west-1");
        assertThat(parse().sourceArgs()).as("the local fleet is the default: nothing to say").isEmpty();
        assertThat(parse("--local-data", "/srv/fleet").sourceArgs()).containsExactly("--local-data", "/srv/fleet");
    }

    @Test
    void withoutASourceOnTheCommandLineTheLastOneIsReopened() {
        ConsoleMemory memory = new ConsoleMemory(dir.resolve("console.json"));
        memory.save(ConsoleMemory.Remembered.NONE.withLastSource(List.of("--nodes", "http://a:8001")));

        ConsoleOptions options = GraphfleetConsoleLauncher.withLastSource(parse("--dark"), List.of("--dark"), memory);

        assertThat(options.sourceArgs()).containsExactly("--nodes", "http://a:8001");
        assertThat(options.dark).as("the options given still apply").isTrue();
    }

    @Test
    void aSourceOnTheCommandLineOrLocalWinsOverTheLastOne() {
        ConsoleMemory memory = new ConsoleMemory(dir.resolve("console.json"));
        memory.save(ConsoleMemory.Remembered.NONE.withLastSource(List.of("--aws", "--env", "prod")));

        assertThat(GraphfleetConsoleLauncher.withLastSource(parse("--local"), List.of("--local"), memory)
                .sourceArgs()).isEmpty();
        assertThat(GraphfleetConsoleLauncher.withLastSource(parse("--nodes", "http://b:1"),
                List.of("--nodes", "http://b:1"), memory).sourceArgs()).containsExactly("--nodes", "http://b:1");
    }
}
