package dev.graphfleet.console;

import java.util.function.Consumer;

/**
 * Starts a source that takes a while (the local fleet, which generates its repositories on first use)
 * after the window is up: runs off the FX thread, reports each step as a line for the splash, and
 * returns the console's configuration plus what to close when the console closes.
 */
@FunctionalInterface
public interface SourceStarter {

    Started start(Consumer<String> progress) throws Exception;

    /** The started source's configuration, and what to close with the console (e.g. the local fleet). */
    record Started(ConsoleConfig config, AutoCloseable resource) {
    }
}
