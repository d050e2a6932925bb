package dev.graphfleet.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.cli.ConsoleLauncher;
import dev.graphfleet.cli.GraphfleetCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** {@code graphfleet console ...} reaches the app through the engine's SPI; bad options stop before any window. */
class LauncherTest {

    @Test
    void theEngineFindsTheConsoleThroughServiceLoader() {
        assertThat(ServiceLoader.load(ConsoleLauncher.class).findFirst())
                .get().isInstanceOf(GraphfleetConsoleLauncher.class);
    }

    @Test
    void optionsPassThroughTheEngineCliAndABadOneIsAUsageError() {
        String err = captureErr(() -> assertThat(GraphfleetCli.commandLine()
                .execute("console", "--nodes", "ftp://x")).isEqualTo(GraphfleetCli.EXIT_USAGE));

        assertThat(err).contains("graphfleet console: --nodes: invalid node URL 'ftp://x'");
    }

    @Test
    void helpPrintsTheConsolesOptions() {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(new GraphfleetConsoleLauncher().launch(List.of("--help"))).isEqualTo(GraphfleetCli.EXIT_OK);
        } finally {
            System.setOut(out);
        }
        assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("--nodes=URL[,URL...]", "--api-key-env=VAR");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        String err = captureErr(() -> assertThat(new GraphfleetConsoleLauncher().launch(List.of("--bogus")))
                .isEqualTo(GraphfleetCli.EXIT_USAGE));

        assertThat(err).contains("Unknown option: '--bogus'", "graphfleet console --help");
    }

    private static String captureErr(Runnable action) {
        PrintStream err = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(err);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
