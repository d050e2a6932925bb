package dev.graphfleet.cli;

import dev.graphfleet.local.LocalControl;
import dev.graphfleet.local.LocalFleet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graphfleet fleet rollback --group NAME [--to VERSION]}: move a replica group back to the
 * previous (or a named) version, one replica at a time.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Roll a replica group back to the previous (or a named) version, one replica at a time.")
final class FleetRollbackCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--group", paramLabel = "NAME",
            description = "The replica group (the local fleet's is '" + LocalFleet.GROUP + "'); not with --nodes.")
    String group;

    @Option(names = "--nodes", split = ",", paramLabel = "URL",
            description = "Plain nodes (graphfleet serve) to roll back one at a time through their refresh endpoint;"
                    + " each is pinned to the version (needs --graph).")
    java.util.List<String> nodes;

    @CommandLine.Mixin
    ApiKeyEnvOption apiKeyEnv;

    @CommandLine.Mixin
    TimeoutMsOption timeout;

    @Option(names = "--step-timeout-s", defaultValue = "600", paramLabel = "S",
            description = "With --nodes: how long one node may take to serve the version and be ready"
                    + " (default: ${DEFAULT-VALUE}).")
    long stepTimeoutS;

    @Option(names = "--to", paramLabel = "VERSION",
            description = "The version to go back to (local and --nodes: v1, v2, ... with --graph; AWS: a snapshot id)."
                    + " Default: the one before what the group serves.")
    String to;

    @Option(names = "--graph", paramLabel = "ID",
            description = "Local fleet: only this repository (default: every repository of the group). AWS: the"
                    + " repository the group serves (default: its snapshot.graph_id in --config, else its GraphId tag).")
    String graph;

    @CommandLine.Mixin
    LocalDataOption localData;

    @CommandLine.Mixin
    DryRunOption dryRun;

    @CommandLine.Mixin
    JsonOption json;

    @Option(names = "--aws", description = "Act on the replica group in AWS (launch template version, instance refresh).")
    boolean aws;

    @CommandLine.Mixin
    AwsSourceOptions awsOptions = new AwsSourceOptions();

    @Override
    public Integer call() throws InterruptedException {
        if (nodes != null) {
            return nodes();
        }
        if (group == null) {
            throw new UsageException("--group NAME is required (the local fleet's is '" + LocalFleet.GROUP
                    + "'), or give --nodes URL,... --graph ID");
        }
        if (aws) {
            return aws();
        }
        if (!LocalFleet.GROUP.equals(group)) {
            throw new UsageException("the local fleet has one replica group, '" + LocalFleet.GROUP + "' (got '" + group
                    + "'): pass --group " + LocalFleet.GROUP);
        }
        if (to != null && graph == null) {
            throw new UsageException("--to " + to + " needs --graph: local versions are per repository"
                    + " (e.g. --graph sec --to v1)");
        }
        return LocalOperation.run(LocalOperation.client(localData.given()),
                new LocalControl.Request("rollback", graph, to, null), dryRun.on(), json.on(),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private int aws() throws InterruptedException {
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (to != null && !to.matches("snap-[0-9a-f]+")) {
            throw new UsageException("--to " + to + ": in AWS a version is a snapshot id, e.g. snap-0123456789abcdef0");
        }
        var config = awsOptions.loadConfig();
        String env = awsOptions.requireEnvironment(config);
        String graphId = AwsOperation.graphOf(config, group, graph);
        AwsOperation.Target target = new AwsOperation.Target(awsOptions, null, false, dryRun.on(), json.on(), out,
                spec.commandLine().getErr());
        try (var operations = AwsOperation.open(target, env)) {
            return AwsOperation.run(target, progress -> {
                var outcome = operations.refresh(group, graphId, to, true, dryRun.on(), progress);
                if (!json.on()) {
                    if (dryRun.on()) {
                        out.println("Dry run: nothing changes. Rolling " + group + " back to " + outcome.target()
                                + " would:");
                        outcome.changes().forEach(c -> out.println("  " + c));
                    } else {
                        out.println("done: " + group + " runs " + outcome.target() + " ("
                                + outcome.verification().summary() + ")");
                    }
                }
                return outcome;
            });
        }
    }

    /** Pins --graph on each of --nodes to --to (default: the version before what the first node serves). */
    private int nodes() throws InterruptedException {
        if (aws || group != null) {
            throw new UsageException("--nodes rolls the listed nodes: leave out " + (aws ? "--aws" : "--group " + group));
        }
        if (graph == null) {
            throw new UsageException("--nodes needs --graph ID: the repository to roll back, e.g. --graph sec");
        }
        CliNames.repository(graph);
        if (to != null && !dev.graphfleet.repo.Version.isValid(to)) {
            throw new UsageException("--to " + to + ": with --nodes a version is v1, v2, ... (e.g. --to v2)");
        }
        NodesOperation operation = new NodesOperation(nodes, apiKeyEnv.variable(), FleetStatusCommand.env,
                timeout.millis(), stepTimeoutS);
        String target = to != null ? to : operation.previousVersion(graph);
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (dryRun.on()) {
            java.util.List<String> changes = new java.util.ArrayList<>();
            operation.nodes().forEach(n -> changes.add("move " + n + " to " + graph + " " + target + " and pin it there"
                    + " (POST /repositories/" + graph + "/refresh), wait until it serves it and is ready"));
            if (json.on()) {
                out.println(NodesOperation.write(java.util.Map.of("dry_run", true, "changes", changes)));
            } else {
                out.println("Dry run: nothing changes. Rolling " + graph + " back to " + target + " would:");
                changes.forEach(c -> out.println("  " + c));
            }
            return GraphfleetCli.EXIT_OK;
        }
        if (!json.on()) {
            out.println("rolling " + graph + " back to " + target + " on " + operation.nodes().size() + " node(s)");
        }
        return operation.roll(graph, target, dev.graphfleet.fleet.nodes.NodeRoll.Mode.PIN, java.util.Map.of(), json.on(),
                out, spec.commandLine().getErr());
    }
}
