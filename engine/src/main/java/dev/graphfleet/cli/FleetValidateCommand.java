package dev.graphfleet.cli;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.InstanceConfig;
import dev.graphfleet.config.InstanceTypes;
import dev.graphfleet.config.Problem;
import dev.graphfleet.config.ReplicaGroupConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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
        PrintWriter out = spec.commandLine().getOut();
        Optional<ConfigCheck.Valid> valid = ConfigCheck.load(file, spec.commandLine().getErr());
        if (valid.isEmpty()) {
            return GraphfleetCli.EXIT_USAGE;
        }
        GraphfleetConfig config = valid.get().config();
        List<Problem> warnings = valid.get().warnings();
        warnings.forEach(p -> out.println(ConfigCheck.line(p)));
        config.replicas().forEach((name, group) -> out.println(describe(config, name, group)));
        if (!config.isLocal()) {
            out.println("registry: instances in " + config.registry().instanceTable() + ", volumes in "
                    + config.registry().volumeTable());
        }
        out.println("OK " + file + ": environment " + config.environment() + ", "
                + ConfigCheck.count(config.replicas().size(), "replica group") + ", "
                + ConfigCheck.count(warnings.size(), "warning"));
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
}
