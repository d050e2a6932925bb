package dev.graphfleet.cli;

import picocli.CommandLine.Option;

/**
 * {@code --timeout-ms MS}: how long one request to a node may take. Its description is
 * {@code <command>.timeout-ms} in {@code OptionDescriptions.properties} where it applies only with --nodes.
 */
final class TimeoutMsOption {

    @Option(names = "--timeout-ms", defaultValue = "3000", paramLabel = "MS", descriptionKey = "timeout-ms",
            description = "Per request to a node (default: ${DEFAULT-VALUE}).")
    long millis;

    long millis() {
        return millis;
    }

    /** {@code millis} when it is at least 1; otherwise a usage error, before any node is called. */
    static long checked(long millis) {
        if (millis < 1) {
            throw new UsageException("--timeout-ms must be at least 1 (found " + millis + ")");
        }
        return millis;
    }
}
