package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command of the CLI, found by walking picocli's tree (so a new command is covered the day it
 * is added): an unknown option, an unknown subcommand and a bad option value exit 2, say what was
 * wrong and print that command's usage, and print nothing on stdout.
 */
class CliUsageErrorsTest {

    /** The argument paths of every command, e.g. [volumes, check]. */
    private static List<List<String>> commands() {
        List<List<String>> paths = new ArrayList<>();
        walk(GraphfleetCli.commandLine(), new ArrayList<>(), paths);
        return paths;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> out) {
        for (var entry : command.getSubcommands().entrySet()) {
            if (List.of("help", "console").contains(entry.getKey())
                    || !entry.getValue().getCommandName().equals(entry.getKey())) {
                continue; // picocli's help, aliases, and the console (the app parses its options; ConsoleOptionsTest)
            }
            List<String> sub = new ArrayList<>(path);
            sub.add(entry.getKey());
            out.add(sub);
            walk(entry.getValue(), sub, out);
        }
    }

    private static CliRun run(List<String> path, String... more) {
        List<String> args = new ArrayList<>(path);
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void anUnknownOptionOnAnyCommandExitsTwoWithItsUsage() {
        List<List<String>> commands = commands();
        assertThat(commands).extracting(p -> String.join(" ", p))
                .contains("serve", "config validate", "repo push", "volumes check", "fleet status", "query", "local");
        for (List<String> command : commands) {
            String name = String.join(" ", command);
            CliRun run = run(command, "--no-such-option");
            assertThat(run.code()).as(name).isEqualTo(2);
            // A command with a required parameter reports that one first.
            assertThat(run.err()).as(name).containsAnyOf("Unknown option: '--no-such-option'", "Missing required")
                    .contains("Usage: graphfleet " + name);
            assertThat(run.out()).as(name).isEmpty();
        }
        CliRun top = CliRun.of("--no-such-option");
        assertThat(top.code()).isEqualTo(2);
        assertThat(top.err()).contains("Unknown option").contains("Usage: graphfleet");
    }

    @Test
    void anUnknownSubcommandOrBadValueExitsTwoNamingIt() {
        CliRun unknown = CliRun.of("volumez", "check");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched arguments from index 0: 'volumez'")
                .contains("Did you mean: graphfleet volumes");
        CliRun badNumber = CliRun.of("serve", "--data-dir", "/nonexistent", "--port", "eighty");
        assertThat(badNumber.code()).isEqualTo(2);
        assertThat(badNumber.err()).contains("Invalid value for option '--port'").contains("'eighty'")
                .contains("Usage: graphfleet serve");
        CliRun missingValue = CliRun.of("config", "validate");
        assertThat(missingValue.code()).isEqualTo(2);
        assertThat(missingValue.err()).contains("Missing required parameter").contains("Usage: graphfleet config validate");
    }

    @Test
    void helpIsAskedForOnEveryCommandExitsZero() {
        for (List<String> command : commands()) {
            CliRun run = run(command, "--help");
            assertThat(run.code()).as(String.join(" ", command)).isZero();
            assertThat(run.out()).as(String.join(" ", command)).contains("Usage: graphfleet " + String.join(" ", command));
        }
    }
}
