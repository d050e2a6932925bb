package dev.graphfleet.cli;

import dev.graphfleet.config.GraphfleetConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code graphfleet config validate FILE}: the fleet config, checked before anything uses it. */
@Command(name = "config", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Work with the fleet config file (see docs/config.md).",
        subcommands = {ConfigCommand.Validate.class, CommandLine.HelpCommand.class})
final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "config needs a subcommand: graphfleet config validate FILE");
    }

    @Command(name = "validate",
            mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Check a config file before anything uses it: unknown keys, types, memory",
                    "against instance RAM, scaling bounds, health checks, names, registry tables.",
                    "Exit 0 when usable (warnings are printed), 2 with every problem listed."})
    static final class Validate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The YAML config, e.g. docs/examples/production.yml.")
        Path file;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<ConfigCheck.Valid> valid = ConfigCheck.loadPrintingWarnings(file, out, spec.commandLine().getErr());
            if (valid.isEmpty()) {
                return GraphfleetCli.EXIT_USAGE;
            }
            GraphfleetConfig config = valid.get().config();
            out.println(valid.get().okLine(file, ConfigCheck.count(config.tiers().size(), "tier"),
                    ConfigCheck.count(config.replicas().size(), "replica group")));
            return GraphfleetCli.EXIT_OK;
        }
    }
}
