package dev.graphfleet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Pins the {@code --help} text of every command (found by walking picocli's tree) to an approved copy in
 * {@code src/test/resources/dev/graphfleet/cli/usage/}, so moving options into mixins cannot change
 * what an operator reads. {@code -Dcli.usage.approve=true} rewrites the copies from this run; read the
 * diff before committing.
 */
class CliUsageGoldensTest {

    private static final Path GOLDENS = Path.of("src", "test", "resources", "dev", "graphfleet", "cli", "usage");

    @Test
    void everyCommandsHelpIsTheApprovedText() throws IOException {
        List<List<String>> commands = new ArrayList<>();
        commands.add(List.of());
        walk(GraphfleetCli.commandLine(), new ArrayList<>(), commands);
        List<String> differing = new ArrayList<>();
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertThat(run.code()).as(String.join(" ", args)).isZero();
            Path golden = GOLDENS.resolve(String.join("-", prefixed(command)) + ".txt");
            if (Boolean.getBoolean("cli.usage.approve")) {
                Files.createDirectories(GOLDENS);
                Files.writeString(golden, run.out(), StandardCharsets.UTF_8);
            } else if (!Files.exists(golden) || !Files.readString(golden, StandardCharsets.UTF_8).equals(run.out())) {
                differing.add(golden + ":\n" + run.out());
            }
        }
        assertThat(differing).as("usage texts differing from their approved copy"
                + " (approve with -Dcli.usage.approve=true)").isEmpty();
    }

    private static List<String> prefixed(List<String> command) {
        List<String> name = new ArrayList<>(List.of("graphfleet"));
        name.addAll(command);
        return name;
    }

    private static void walk(CommandLine command, List<String> path, List<List<String>> out) {
        for (var entry : command.getSubcommands().entrySet()) {
            if (List.of("help", "console").contains(entry.getKey())
                    || !entry.getValue().getCommandName().equals(entry.getKey())) {
                continue; // picocli's help, aliases, and the console (the app parses its options)
            }
            List<String> sub = new ArrayList<>(path);
            sub.add(entry.getKey());
            out.add(sub);
            walk(entry.getValue(), sub, out);
        }
    }
}
