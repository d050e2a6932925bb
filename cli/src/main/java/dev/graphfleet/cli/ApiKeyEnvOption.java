package dev.graphfleet.cli;

import picocli.CommandLine.Option;

/**
 * {@code --api-key-env VAR}: the environment variable holding the nodes' API key (never the key itself, so
 * it stays out of the shell history and the process list). What the key is for differs by command: its
 * description is {@code <command>.api-key-env} in {@code OptionDescriptions.properties}.
 */
final class ApiKeyEnvOption {

    @Option(names = "--api-key-env", paramLabel = "VAR", descriptionKey = "api-key-env",
            description = "Environment variable holding the nodes' API key (sent as X-Graph-API-Key).")
    String variable;

    /** The variable's name, or null when the option is not given. */
    String variable() {
        return variable;
    }
}
