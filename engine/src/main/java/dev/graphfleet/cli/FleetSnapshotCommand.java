package dev.graphfleet.cli;

import dev.graphfleet.local.LocalControl;
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
            description = "The local fleet's data directory (default: ~/.graphfleet/local).")
    Path localData;

    @Option(names = "--dry-run", description = "Print what would change, change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the finished job (or the plan) as JSON.")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        return LocalOperation.run(LocalOperation.client(localData), new LocalControl.Request("snapshot", graph, null, null),
                dryRun, json, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
