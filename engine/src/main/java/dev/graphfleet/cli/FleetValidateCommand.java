package dev.graphfleet.cli;

import dev.graphfleet.config.ConfigException;
import dev.graphfleet.config.ConfigValidator;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.InstanceConfig;
import dev.graphfleet.config.InstanceTypes;
import dev.graphfleet.config.Problem;
import dev.graphfleet.config.ReplicaGroupConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graphfleet fleet validate --config F}: the config's fleet, checked before it is deployed
 * (every rule of {@code config validate}), then each replica group as it would run. Checks against
 * the live fleet (drift) come later.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check the fleet config before deploying: replica memory against instance RAM, scaling",
                "bounds, instance types, health checks, snapshot settings, registry tables; then show each",
                "replica group as it would run. Exit 0 when usable, 2 with every problem listed."})
final class FleetValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The fleet config (YAML).")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("config file not found: " + file
                    + " (pass the path of a YAML config; examples are in docs/examples/)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        GraphfleetConfig config;
        try {
            config = GraphfleetConfig.load(file);
        } catch (ConfigException e) {
            return invalid(err, e.problems());
        }
        List<Problem> problems = ConfigValidator.check(config);
        if (problems.stream().anyMatch(Problem::isError)) {
            return invalid(err, problems);
        }
        problems.forEach(p -> out.println("warning " + p));
        config.replicas().forEach((name, group) -> out.println(describe(config, name, group)));
        if (!config.isLocal()) {
            out.println("registry: instances in " + config.registry().instanceTable() + ", volumes in "
                    + config.registry().volumeTable());
        }
        out.println("OK " + file + ": environment " + config.environment() + ", " + config.replicas().size()
                + " replica group" + (config.replicas().size() == 1 ? "" : "s") + ", " + problems.size()
                + " warning" + (problems.size() == 1 ? "" : "s"));
        return GraphfleetCli.EXIT_OK;
    }

    static String describe(GraphfleetConfig config, String name, ReplicaGroupConfig group) {
        InstanceConfig instance = config.effectiveInstance(name);
        String ram = InstanceTypes.builtIn().find(instance.type())
                .map(t -> " (" + t.memoryGib() + " GiB)").orElse("");
        return "replica group " + name + ": tier " + group.tier() + ", " + instance.type() + ram
                + ", max_memory_mb " + instance.maxMemoryMb()
                + ", scaling " + group.scaling().min() + "/" + group.scaling().desired() + "/" + group.scaling().max()
                + " (min/desired/max), unhealthy after " + group.healthCheck().timeToUnhealthy().toSeconds() + " s"
                + ", snapshots of " + (group.snapshot().graphId() == null ? "(any repository)" : group.snapshot().graphId())
                + ", keep " + group.snapshot().keep();
    }

    private int invalid(PrintWriter err, List<Problem> problems) {
        problems.forEach(p -> err.println((p.isError() ? "error   " : "warning ") + p));
        long errors = problems.stream().filter(Problem::isError).count();
        err.println("INVALID " + file + ": " + errors + " error" + (errors == 1 ? "" : "s") + ", "
                + (problems.size() - errors) + " warning" + (problems.size() - errors == 1 ? "" : "s"));
        return GraphfleetCli.EXIT_USAGE;
    }
}
