package dev.graphfleet.cli;

import java.util.List;

/** Implemented by the app module (ServiceLoader) so the engine never depends on JavaFX. */
public interface ConsoleLauncher {
    /** Runs the console until its window closes; returns the process exit code. */
    int launch(List<String> args);
}
