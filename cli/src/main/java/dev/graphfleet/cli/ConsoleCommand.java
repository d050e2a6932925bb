package dev.graphfleet.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Opens the desktop console. The console lives in the app module; the server jar has no JavaFX,
 * so the launcher is found through {@link ConsoleLauncher} and its absence is a clear message.
 */
@Command(name = "console", description = "Open the desktop console (default source: the embedded local fleet).")
final class ConsoleCommand implements Callable<Integer> {

    /** Everything after {@code console}, options included: the console parses its own (--nodes, --help). */
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        return launch(args);
    }

    /** Opens the console with {@code args}; exit code. */
    static int launch(List<String> args) {
        return ServiceLoader.load(ConsoleLauncher.class).findFirst()
                .map(launcher -> launcher.launch(args))
                .orElseGet(() -> {
                    System.err.println("graphfleet: the console is not part of this build "
                            + "(it ships with the desktop image and ./graphfleet, not the server jar).");
                    return GraphfleetCli.EXIT_FAILURE;
                });
    }
}
