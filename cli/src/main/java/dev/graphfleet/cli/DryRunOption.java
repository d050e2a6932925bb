package dev.graphfleet.cli;

import picocli.CommandLine.Option;

/**
 * {@code --dry-run}, shared by the commands that change a fleet. Each command says in its own words what
 * a dry run shows: its description is {@code <command>.dry-run} in {@code OptionDescriptions.properties}.
 */
final class DryRunOption {

    @Option(names = "--dry-run", descriptionKey = "dry-run", description = "Print what would change, change nothing.")
    boolean dryRun;

    boolean on() {
        return dryRun;
    }
}
