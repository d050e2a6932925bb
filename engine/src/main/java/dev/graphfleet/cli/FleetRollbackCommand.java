package dev.graphfleet.cli;

import dev.graphfleet.local.LocalControl;
import dev.graphfleet.local.LocalFleet;
import java.nio.file.Path;
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

    @Option(names = "--group", required = true, paramLabel = "NAME",
            description = "The replica group (the local fleet's is '" + LocalFleet.GROUP + "').")
    String group;

    @Option(names = "--to", paramLabel = "VERSION",
            description = "The version to go back to (local: v1, v2, ... with --graph; AWS: a snapshot id)."
                    + " Default: the one before what the group serves.")
    String to;

    @Option(names = "--graph", paramLabel = "ID",
            description = "Local fleet: only this repository (default: every repository of the group). AWS: the"
                    + " repository the group serves (default: its snapshot.graph_id in --config, else its GraphId tag).")
    String graph;

    @Option(names = "--data", paramLabel = "DIR",
            description = "The local fleet's data directory (default: ~/.graphfleet/local).")
    Path localData;

    @Option(names = "--dry-run", description = "Print what would change, change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the finished job (or the plan) as JSON.")
    boolean json;

    @Option(names = "--aws", description = "Act on the replica group in AWS (launch template version, instance refresh).")
    boolean aws;

    @CommandLine.Mixin
    AwsSourceOptions awsOptions = new AwsSourceOptions();

    @Override
    public Integer call() throws InterruptedException {
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
        return LocalOperation.run(LocalOperation.client(localData), new LocalControl.Request("rollback", graph, to, null),
                dryRun, json, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    private int aws() throws InterruptedException {
        java.io.PrintWriter out = spec.commandLine().getOut();
        if (to != null && !to.matches("snap-[0-9a-f]+")) {
            throw new UsageException("--to " + to + ": in AWS a version is a snapshot id, e.g. snap-0123456789abcdef0");
        }
        var config = AwsOperation.config(awsOptions);
        String env = AwsOperation.environment(awsOptions, config);
        String graphId = AwsOperation.graphOf(config, group, graph);
        AwsOperation.Target target = new AwsOperation.Target(awsOptions, null, false, dryRun, json, out,
                spec.commandLine().getErr());
        try (var operations = AwsOperation.open(target, env)) {
            return AwsOperation.run(target, progress -> {
                var outcome = operations.refresh(group, graphId, to, true, dryRun, progress);
                if (!json) {
                    if (dryRun) {
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
}
