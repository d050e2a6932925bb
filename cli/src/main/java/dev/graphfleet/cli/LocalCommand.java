package dev.graphfleet.cli;

import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.NodeCommand;
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

    @CommandLine.Mixin
    LocalDataOption dataDir;

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

    @Option(names = "--max-staleness", paramLabel = "DURATION",
            description = "How old a replica's data may be (behind its version's publication) before its /health "
                    + "takes it out of service while a peer serves fresher data, e.g. 90s, 5m, 1h "
                    + "(node.staleness.max_age_s; default: off).")
    String maxStaleness;

    @Override
    public Integer call() throws InterruptedException {
        if (scale < 1 || scale > 1000) {
            throw new UsageException("--scale must be 1..1000, got " + scale);
        }
        if (volumeCooldownSeconds < 0) {
            throw new UsageException("--volume-cooldown must be 0 or more seconds, got " + volumeCooldownSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = dataDir.dirOrDefault();
        SimulatedTimings timings = SimulatedTimings.LOCAL_FLEET.withCooldown(Duration.ofSeconds(volumeCooldownSeconds));
        LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, replicas, SampleSizes.SMALL.scaled(scale),
                        volumeGb, timings, maxStaleness == null ? null : duration("--max-staleness", maxStaleness)),
                NodeCommand.serve(GraphfleetCli.CHILD_MAIN), message -> {
                    out.println("  " + message);
                    out.flush();
                });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fleet.close();
            stopped.countDown();
        }, "graphfleet-local-shutdown"));
        out.println();
        java.util.Map<String, Long> pids = new java.util.HashMap<>();
        fleet.processes().forEach(p -> pids.put(p.id(), p.pid()));
        List<List<Object>> rows = fleet.nodes().stream()
                .map(node -> List.<Object>of(node.id(), node.type().wireName(), node.url().toString(),
                        pids.get(node.id()) == null ? "-" : pids.get(node.id()).toString(), node.dataDir().toString(),
                        fleet.volumes().sizeGb(LocalFleet.volumeId(node.id())) + " GB (simulated)"))
                .toList();
        out.print(TablePrinter.render(List.of("node", "role", "url", "pid", "data", "volume"), rows));
        out.println("Each node is its own process (output in " + dir.resolve("logs") + "); this one supervises them: "
                + "a node that exits is restarted. Pinned versions are kept in " + dir.resolve("fleet-state.json") + ".");
        if (maxStaleness != null) {
            out.println("Replicas leave service when their data is older than " + maxStaleness
                    + " while a peer serves fresher data (graphfleet fleet snapshot moves them to a new version).");
        }
        out.println("Data volumes are simulated (" + dir.resolve(FileVolumeStore.NAME) + "): capacities are not real "
                + "disks; usage is the bytes under each data directory. graphfleet volumes check --source local acts "
                + "on them.");
        out.println("API keys are in " + dir.resolve("local-fleet.json") + " (owner-only; --nodes local reads them). "
                + "Ctrl-C stops the fleet.");
        out.flush();
        stopped.await();
        return GraphfleetCli.EXIT_OK;
    }


    /** {@code 90s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT90S}). */
    static Duration duration(String option, String value) {
        String text = value.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.startsWith("pt")) {
                return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})(s|m|h)").matcher(text);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
        } catch (RuntimeException e) {
            // said below
        }
        throw new UsageException(option + " '" + value + "' is not a duration: write it as 90s, 5m or 1h");
    }
}
