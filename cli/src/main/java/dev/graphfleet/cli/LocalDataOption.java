package dev.graphfleet.cli;

import dev.graphfleet.local.LocalFleet;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --data DIR}: the local fleet's data directory. When it applies differs by command, so each says
 * it in {@code <command>.data} in {@code OptionDescriptions.properties}.
 */
final class LocalDataOption {

    @Option(names = "--data", paramLabel = "DIR", descriptionKey = "data",
            description = "The local fleet's data directory (default: ~/.graphfleet/local).")
    Path dir;

    /** The directory as given, or null (some messages say whether it was). */
    Path given() {
        return dir;
    }

    /** The directory as given, else the local fleet's default. */
    Path dirOrDefault() {
        return dir != null ? dir : LocalFleet.defaultDataDir();
    }
}
