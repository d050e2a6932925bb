package dev.graphfleet.cli;

import picocli.CommandLine.Option;

/**
 * {@code --json}: print for a program, not a person. What is printed is the command's own: its
 * description is {@code <command>.json} in {@code OptionDescriptions.properties}.
 */
final class JsonOption {

    @Option(names = "--json", descriptionKey = "json", description = "Print the finished job (or the plan) as JSON.")
    boolean json;

    boolean on() {
        return json;
    }
}
