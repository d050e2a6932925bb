package dev.graphfleet.cli;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.fleet.aws.AwsReplicaOperations;
import dev.graphfleet.local.LocalControl;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graphfleet fleet snapshot --graph ID}: snapshot the master that serves the repository, then
 * move the replicas to it one at a time, each serving before the next.
 */
@Command(name = "snapshot", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Snapshot a shared repository on its master, then roll the replicas onto it one at a time.")
final class FleetSnapshotCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--graph", required = true, paramLabel = "ID", description = "The repository, e.g. sec.")
    String graph;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Without --aws: the local fleet's data directory (default: ~/.graphfleet/local).")
    Path localData;

    @Option(names = "--dry-run", description = "Print what would change, change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the finished job (or the plan) as JSON.")
    boolean json;

    @Option(names = "--aws", description = "Act on the fleet in AWS (EBS snapshot of the master, instance refresh).")
    boolean aws;

    @CommandLine.Mixin
    AwsSourceOptions awsOptions = new AwsSourceOptions();

    @Option(names = "--group", paramLabel = "NAME",
            description = "With --aws: the replica group to refresh onto the new snapshot (default: the config's"
                    + " groups whose snapshot.graph_id is --graph; none: snapshot only).")
    String group;

    @Option(names = "--keep", paramLabel = "N",
            description = "With --aws: snapshots of the repository to keep, the new one included (default: the"
                    + " group's snapshot.keep, else 3).")
    Integer keep;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "With --aws: the variable holding the nodes' API key, for the master's CHECKPOINT.")
    String apiKeyEnv;

    @Option(names = "--no-checkpoint", description = "With --aws: snapshot without checkpointing the master first"
            + " (crash-consistent only).")
    boolean noCheckpoint;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!aws) {
            return LocalOperation.run(LocalOperation.client(localData), new LocalControl.Request("snapshot", graph, null,
                    null), dryRun, json, out, err);
        }
        GraphfleetConfig config = AwsOperation.config(awsOptions);
        String env = AwsOperation.environment(awsOptions, config);
        int keepCount = AwsOperation.keep(config, graph, keep);
        List<String> groups = group != null ? List.of(group) : AwsOperation.groupsOf(config, graph);
        AwsOperation.Target target = new AwsOperation.Target(awsOptions, apiKeyEnv, !noCheckpoint, dryRun, json, out, err);
        try (AwsReplicaOperations operations = AwsOperation.open(target, env)) {
            return AwsOperation.run(target, progress -> {
                var snapshot = operations.snapshot(graph, keepCount, System.getProperty("user.name"), dryRun, progress);
                if (dryRun) {
                    List<String> changes = new ArrayList<>(snapshot.changes());
                    groups.forEach(g -> changes.add("then roll replica group " + g + " onto the new snapshot: a new"
                            + " launch template version, the group pointed at it, a rolling instance refresh, every"
                            + " instance verified (fleet rollback --group " + g + " --aws --dry-run shows the details)"));
                    if (groups.isEmpty()) {
                        changes.add("refresh no replica group (none has snapshot.graph_id " + graph + "; pass --group)");
                    }
                    if (!json) {
                        out.println("Dry run: nothing changes. A snapshot of " + graph + " in " + env + " would:");
                        changes.forEach(c -> out.println("  " + c));
                    }
                    return Map.of("dry_run", true, "changes", changes);
                }
                if (!json) {
                    out.println("snapshot " + snapshot.snapshotId() + " of " + graph + " completed (job "
                            + snapshot.job().id() + ")");
                }
                List<Object> refreshes = new ArrayList<>();
                for (String g : groups) {
                    refreshes.add(operations.refresh(g, graph, snapshot.snapshotId(), false, false, progress));
                    if (!json) {
                        out.println("done: " + g + " runs " + snapshot.snapshotId());
                    }
                }
                if (groups.isEmpty() && !json) {
                    out.println("no replica group boots from " + graph + " (set replicas.<group>.snapshot.graph_id or"
                            + " pass --group): snapshot only");
                }
                return AwsOperation.both(snapshot, refreshes);
            });
        }
    }
}
