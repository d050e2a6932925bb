package dev.graphfleet.cli;

import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.SampleSizes;
import java.io.PrintWriter;
import java.nio.file.Path;
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

    @Override
    public Integer call() throws InterruptedException {
        if (scale < 1 || scale > 1000) {
            throw new UsageException("--scale must be 1..1000, got " + scale);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = dataDir != null ? dataDir : LocalFleet.defaultDataDir();
        LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, replicas, SampleSizes.SMALL.scaled(scale)),
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
                .map(node -> List.<Object>of(node.id(), node.type().wireName(), node.url().toString(), node.dataDir().toString()))
                .toList();
        out.print(TablePrinter.render(List.of("node", "role", "url", "data"), rows));
        out.println("API keys are in " + dir.resolve("local-fleet.json") + " (owner-only). Ctrl-C stops the fleet.");
        out.flush();
        stopped.await();
        return GraphfleetCli.EXIT_OK;
    }

}
