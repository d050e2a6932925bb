package dev.graphfleet.console.view;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.GraphfleetConsoleLauncher;

/** The console's options as the launcher reads them, for tests that open the console on a source. */
final class ConsoleOptionsAccess {

    private ConsoleOptionsAccess() {
    }

    static ConsoleConfig parse(String... args) {
        return GraphfleetConsoleLauncher.configFrom(args, System::getenv);
    }
}
