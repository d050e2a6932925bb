package dev.graphfleet.cli;

import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.SampleSizes;
import dev.graphfleet.volume.local.FileVolumeStore;
import dev.graphfleet.volume.local.SimulatedTimings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphfleet local}: runs the embedded local fleet until Ctrl-C. */
@Command(name = "local", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run the local fleet on this machine: a writer, a shared master and N shared replicas on loopback.")
final class LocalCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--replicas", defaultValue = "2", description = "Shared replicas (default: ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--data", paramLabel = "DIR", description = "Where the fleet keeps its data (default: ~/.graphfleet/local).")
    Path dataDir;

    @Option(names = "--scale", defaultValue = "1",
            description = "Size of the generated sample repositories, as a multiple of the small default (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--volume-gb", paramLabel = "GB", defaultValue = "1",
            description = "Simulated capacity of each node's data volume in GB, for nodes that have none yet "
                    + "(default: ${DEFAULT-VALUE}). Usage is the real bytes under the node's data directory.")
    long volumeGb;

    @Option(names = "--volume-cooldown", paramLabel = "SECONDS", defaultValue = "60",
            description = "Simulated EBS cooldown between two modifications of a volume (default: ${DEFAULT-VALUE}; "
                    + "EBS: 6 hours).")
    long volumeCooldownSeconds;

    @Override
    public Integer call() throws InterruptedException {
        if (scale < 1 || scale > 1000) {
            throw new UsageException("--scale must be 1..1000, got " + scale);
        }
        if (volumeCooldownSeconds < 0) {
            throw new UsageException("--volume-cooldown must be 0 or more seconds, got " + volumeCooldownSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = dataDir != null ? dataDir : LocalFleet.defaultDataDir();
        SimulatedTimings timings = SimulatedTimings.LOCAL_FLEET.withCooldown(Duration.ofSeconds(volumeCooldownSeconds));
        LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, replicas, SampleSizes.SMALL.scaled(scale),
                        volumeGb, timings),
                message -> {
                    out.println("  " + message);
                    out.flush();
                });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.close();
            stopped.countDown();
        }, "graphfleet-local-shutdown"));
        out.println();
        List<List<Object>> rows = fleet.nodes().stream()
                .map(node -> List.<Object>of(node.id(), node.type().wireName(), node.url().toString(), node.dataDir().toString(),
                        fleet.volumes().sizeGb(LocalFleet.volumeId(node.id())) + " GB (simulated)"))
                .toList();
        out.print(TablePrinter.render(List.of("node", "role", "url", "data", "volume"), rows));
        out.println("Data volumes are simulated (" + dir.resolve(FileVolumeStore.NAME) + "): capacities are not real "
                + "disks; usage is the bytes under each data directory. graphfleet volumes check --source local acts "
                + "on them.");
        out.println("API keys are in " + dir.resolve("local-fleet.json") + " (owner-only). Ctrl-C stops the fleet.");
        out.flush();
        stopped.await();
        return GraphfleetCli.EXIT_OK;
    }

}
