package dev.graphfleet.cli;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.InstanceConfig;
import dev.graphfleet.config.InstanceTypes;
import dev.graphfleet.config.ReplicaGroupConfig;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.MemoryDrift;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.local.LocalFleetSource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * the live fleet with {@code --live} (the local fleet) or {@code --nodes}: a replica running with other
 * memory settings than its group's config is drift (exit 1), named with the instance, the setting, and
 * the configured and running values.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Check the fleet config before deploying: replica memory against instance RAM, scaling",
                "bounds, instance types, health checks, snapshot settings, registry tables; then show each",
                "replica group as it would run. With --live or --nodes, also compare the running replicas'",
                "memory settings with the config (drift: exit 1). Exit 0 when usable, 2 with every problem listed."})
final class FleetValidateCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The fleet config (YAML).")
    Path file;

    @Option(names = "--live", description = "Also check the running local fleet (found through --data) for drift.")
    boolean live;

    @CommandLine.Mixin
    LocalDataOption localData;

    @Option(names = "--nodes", split = ",", paramLabel = "URL",
            description = "Also check these nodes for drift (e.g. the replicas' private addresses).")
    List<String> nodes;

    @CommandLine.Mixin
    ApiKeyEnvOption apiKeyEnv;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Optional<ConfigCheck.Valid> valid = ConfigCheck.loadPrintingWarnings(file, out, spec.commandLine().getErr());
        if (valid.isEmpty()) {
            return GraphfleetCli.EXIT_USAGE;
        }
        GraphfleetConfig config = valid.get().config();
        config.replicas().forEach((name, group) -> out.println(describe(config, name, group)));
        if (!config.isLocal()) {
            out.println("registry: instances in " + config.registry().instanceTable() + ", volumes in "
                    + config.registry().volumeTable());
        }
        out.println(valid.get().okLine(file, ConfigCheck.count(config.replicas().size(), "replica group")));
        if (!live && nodes == null) {
            return GraphfleetCli.EXIT_OK;
        }
        return drift(config, out, spec.commandLine().getErr());
    }

    /** Compares what the live replicas run with what the config says. */
    private int drift(GraphfleetConfig config, PrintWriter out, PrintWriter err) {
        if (live && nodes != null) {
            throw new UsageException("--live and --nodes are two fleets: pass one");
        }
        ProbeOptions probe = new ProbeOptions(Duration.ofSeconds(3), ProbeOptions.DEFAULT_PARALLELISM, apiKey());
        FleetSnapshot fleet;
        try (FleetSource source = open(probe)) {
            fleet = source.snapshot();
        }
        if (!fleet.sourceReachable()) {
            err.println("graphfleet: cannot read the live fleet (" + fleet.source() + "): " + fleet.sourceError());
            return GraphfleetCli.EXIT_FAILURE;
        }
        Map<String, MemoryDrift.Expected> expected = new LinkedHashMap<>();
        config.replicas().keySet().forEach(name -> {
            InstanceConfig instance = config.effectiveInstance(name);
            expected.put(name, new MemoryDrift.Expected((long) instance.maxMemoryMb() * MIB, instance.bufferPoolBytes()));
        });
        MemoryDrift.Report report = MemoryDrift.check(fleet, expected);
        report.unchecked().forEach(u -> out.println("not checked: " + u));
        report.drifts().forEach(d -> out.println("DRIFT " + d.describe()));
        long replicas = fleet.sharedReplicas().size();
        if (!report.drifts().isEmpty()) {
            err.println("graphfleet: " + report.drifts().size() + " memory setting(s) of the live replicas differ from "
                    + file + "; redeploy them with the config (or fix the config)");
            return GraphfleetCli.EXIT_FAILURE;
        }
        out.println("no drift: " + (replicas - report.unchecked().size()) + " of " + replicas
                + " replicas run the configured memory settings");
        return GraphfleetCli.EXIT_OK;
    }

    private static final long MIB = 1024L * 1024;

    private FleetSource open(ProbeOptions probe) {
        if (nodes != null) {
            return NodesFleetSource.create(nodes.stream().map(n -> FleetStatusCommand.url("--nodes", n.trim())).toList(),
                    probe);
        }
        Path dir = localData.dirOrDefault();
        return LocalFleetSource.open(dir, probe).orElseThrow(() -> new UsageException("no local fleet is running with"
                + " data in " + dir + ": start one with ./graphfleet local, or pass --nodes URL,..."));
    }

    private String apiKey() {
        String variable = apiKeyEnv.variable();
        return EnvironmentKey.nonEmpty(variable, System::getenv,
                "--api-key-env " + variable + ": the variable is not set");
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
