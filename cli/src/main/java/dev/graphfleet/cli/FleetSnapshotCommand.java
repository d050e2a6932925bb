package dev.graphfleet.cli;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.fleet.aws.AwsReplicaOperations;
import dev.graphfleet.local.LocalControl;
import dev.graphfleet.fleet.nodes.NodeRoll;
import dev.graphfleet.repo.BundledEngine;
import dev.graphfleet.repo.Manifest;
import dev.graphfleet.repo.RepositoryName;
import dev.graphfleet.repo.RepositoryStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
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

    @CommandLine.Mixin
    LocalDataOption localData;

    @CommandLine.Mixin
    DryRunOption dryRun;

    @CommandLine.Mixin
    JsonOption json;

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

    @CommandLine.Mixin
    ApiKeyEnvOption apiKeyEnv;

    @Option(names = "--nodes", split = ",", paramLabel = "URL",
            description = "Plain nodes (graphfleet serve) to roll onto the new version one at a time through their"
                    + " refresh endpoint, e.g. http://10.0.1.5:8001,http://10.0.1.6:8001; needs --file and --store.")
    List<String> nodes;

    @Option(names = "--file", paramLabel = "PATH",
            description = "With --nodes: the repository's database file to publish (checkpointed: give --master, or"
                    + " publish a closed file), e.g. the master's <data_dir>/sec.kuzu.")
    Path file;

    @Option(names = "--store", paramLabel = "URI",
            description = "With --nodes: the store the nodes follow (s3://bucket/prefix or file:///dir; --region and"
                    + " --endpoint reach an S3-compatible one).")
    String store;

    @Option(names = "--master", paramLabel = "URL",
            description = "With --nodes: the master whose file --file is; the repository is checkpointed there first.")
    String master;

    @CommandLine.Mixin
    TimeoutMsOption timeout;

    @Option(names = "--step-timeout-s", defaultValue = "600", paramLabel = "S",
            description = "With --nodes: how long one node may take to serve the new version and be ready"
                    + " (default: ${DEFAULT-VALUE}).")
    long stepTimeoutS;

    @Option(names = "--no-checkpoint", description = "With --aws: snapshot without checkpointing the master first"
            + " (crash-consistent only).")
    boolean noCheckpoint;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (nodes != null) {
            return nodes(out, err);
        }
        if (file != null || store != null || master != null) {
            throw new UsageException("--file, --store and --master go with --nodes");
        }
        if (!aws) {
            return LocalOperation.run(LocalOperation.client(localData.given()),
                    new LocalControl.Request("snapshot", graph, null, null), dryRun.on(), json.on(), out, err);
        }
        GraphfleetConfig config = awsOptions.loadConfig();
        String env = awsOptions.requireEnvironment(config);
        int keepCount = AwsOperation.keep(config, graph, keep);
        List<String> groups = group != null ? List.of(group) : AwsOperation.groupsOf(config, graph);
        AwsOperation.Target target = new AwsOperation.Target(awsOptions, apiKeyEnv.variable(), !noCheckpoint,
                dryRun.on(), json.on(), out, err);
        try (AwsReplicaOperations operations = AwsOperation.open(target, env)) {
            return AwsOperation.run(target, progress -> {
                var snapshot = operations.snapshot(graph, keepCount, System.getProperty("user.name"), dryRun.on(),
                        progress);
                if (dryRun.on()) {
                    List<String> changes = new ArrayList<>(snapshot.changes());
                    groups.forEach(g -> changes.add("then roll replica group " + g + " onto the new snapshot: a new"
                            + " launch template version, the group pointed at it, a rolling instance refresh, every"
                            + " instance verified (fleet rollback --group " + g + " --aws --dry-run shows the details)"));
                    if (groups.isEmpty()) {
                        changes.add("refresh no replica group (none has snapshot.graph_id " + graph + "; pass --group)");
                    }
                    if (!json.on()) {
                        out.println("Dry run: nothing changes. A snapshot of " + graph + " in " + env + " would:");
                        changes.forEach(c -> out.println("  " + c));
                    }
                    return Map.of("dry_run", true, "changes", changes);
                }
                if (!json.on()) {
                    out.println("snapshot " + snapshot.snapshotId() + " of " + graph + " completed (job "
                            + snapshot.job().id() + ")");
                }
                List<Object> refreshes = new ArrayList<>();
                for (String g : groups) {
                    refreshes.add(operations.refresh(g, graph, snapshot.snapshotId(), false, false, progress));
                    if (!json.on()) {
                        out.println("done: " + g + " runs " + snapshot.snapshotId());
                    }
                }
                if (groups.isEmpty() && !json.on()) {
                    out.println("no replica group boots from " + graph + " (set replicas.<group>.snapshot.graph_id or"
                            + " pass --group): snapshot only");
                }
                return AwsOperation.both(snapshot, refreshes);
            });
        }
    }

    /** Publishes --file as the next version of --graph, then rolls --nodes onto it one at a time. */
    private int nodes(PrintWriter out, PrintWriter err) throws InterruptedException {
        if (aws) {
            throw new UsageException("--nodes and --aws are two different fleets: give one");
        }
        RepositoryName repository = CliNames.repository(graph);
        if (file == null || store == null) {
            throw new UsageException("--nodes needs --file PATH (the database file to publish) and --store URI (the"
                    + " store the nodes follow)");
        }
        NodesOperation operation = new NodesOperation(nodes, apiKeyEnv.variable(), FleetStatusCommand.env,
                timeout.millis(), stepTimeoutS);
        URI masterUrl = master == null ? null : FleetStatusCommand.url("--master", master);
        if (dryRun.on()) {
            List<String> changes = new ArrayList<>();
            if (masterUrl != null) {
                changes.add("checkpoint " + graph + " on " + masterUrl);
            }
            changes.add("publish " + file + " as the next version of " + graph + " to " + store);
            operation.nodes().forEach(n -> changes.add("move " + n + " to it (POST /repositories/" + graph
                    + "/refresh), wait until it serves it and is ready"));
            if (json.on()) {
                out.println(NodesOperation.write(Map.of("dry_run", true, "changes", changes)));
            } else {
                out.println("Dry run: nothing changes. A snapshot of " + graph + " would:");
                changes.forEach(c -> out.println("  " + c));
            }
            return GraphfleetCli.EXIT_OK;
        }
        if (masterUrl != null) {
            operation.checkpoint(masterUrl, graph, out, json.on());
        }
        String engine = BundledEngine.version().orElseThrow(() ->
                new UsageException("this build does not know its engine version; publish with graphfleet repo push"
                        + " --engine-version, then roll with fleet snapshot --nodes"));
        StoreOptions storeOptions = new StoreOptions();
        storeOptions.region = awsOptions.region;
        storeOptions.endpoint = awsOptions.endpoint;
        storeOptions.pathStyle = awsOptions.endpoint != null;
        Manifest manifest;
        try (RepositoryStore target = storeOptions.openForPublishing("--store", store)) {
            manifest = target.publish(repository, file, engine);
        } catch (IOException e) {
            throw new UsageException("publishing " + file + " as " + graph + " failed: " + e.getMessage()
                    + "; no node was moved");
        }
        String version = manifest.version().toString();
        if (!json.on()) {
            out.println("published " + graph + " " + version + " to " + store);
            out.flush();
        }
        return operation.roll(graph, version, NodeRoll.Mode.FOLLOW, Map.of("published", version), json.on(), out, err);
    }
}
