package dev.graphfleet.cli;

import dev.graphfleet.config.ConfigException;
import dev.graphfleet.config.ConfigValidator;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.Problem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
            if (!Files.exists(file)) {
                throw new UsageException("config file not found: " + file
                        + " (pass the path of a YAML config; examples are in docs/examples/)");
            }
            if (Files.isDirectory(file)) {
                throw new UsageException(file + " is a directory; pass the path of a YAML config file");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            GraphfleetConfig config;
            try {
                config = GraphfleetConfig.load(file);
            } catch (ConfigException e) {
                return fail(err, e.problems());
            }
            List<Problem> problems = ConfigValidator.check(config);
            if (problems.stream().anyMatch(Problem::isError)) {
                return fail(err, problems);
            }
            problems.forEach(p -> out.println(line(p)));
            out.println("OK " + file + ": environment " + config.environment()
                    + ", " + count(config.tiers().size(), "tier")
                    + ", " + count(config.replicas().size(), "replica group")
                    + ", " + count(problems.size(), "warning"));
            return GraphfleetCli.EXIT_OK;
        }

        private int fail(PrintWriter err, List<Problem> problems) {
            problems.forEach(p -> err.println(line(p)));
            long errors = problems.stream().filter(Problem::isError).count();
            err.println("INVALID " + file + ": " + count(errors, "error") + ", "
                    + count(problems.size() - errors, "warning"));
            return GraphfleetCli.EXIT_USAGE;
        }

        private static String line(Problem p) {
            return (p.isError() ? "error   " : "warning ") + p;
        }

        private static String count(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }
}
