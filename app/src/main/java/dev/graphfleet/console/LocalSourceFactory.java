package dev.graphfleet.console;

import dev.graphfleet.cli.GraphfleetCli;
import dev.graphfleet.cli.UsageException;
import dev.graphfleet.console.service.VolumeWatch;
import dev.graphfleet.console.service.actions.LocalFleetActions;
import dev.graphfleet.console.viewmodel.SourceKind;
import dev.graphfleet.fleet.nodes.NodeTarget;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalFleetFile;
import dev.graphfleet.local.LocalVolumeFleet;
import dev.graphfleet.local.NodeCommand;
import dev.graphfleet.local.SampleSizes;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The console's source for the local fleet in {@code --local-data}: the running one, or one this process
 * starts. Its nodes are read as {@link NodesSourceFactory} reads any nodes, each with its own key; its
 * actions and simulated volumes are the local fleet's.
 */
final class LocalSourceFactory {

    private final SourceSettings settings;
    private final NodesSourceFactory nodes;

    LocalSourceFactory(SourceSettings settings, NodesSourceFactory nodes) {
        this.settings = settings;
        this.nodes = nodes;
    }

    /** The local fleet running in the data directory, if one is. */
    Optional<LocalFleetFile> running() {
        return readLocalFleet(settings.localDir());
    }

    /** The running local fleet; {@code inProcess} when this process runs it (else actions go through its control endpoint). */
    ConsoleConfig create(LocalFleetFile fleet, LocalFleet inProcess) {
        Path localDir = settings.localDir();
        // The local fleet gives every node its own key, from its owner-only file.
        List<NodeTarget> targets = fleet.nodes().stream().map(n -> new NodeTarget(n.url(), n.apiKey())).toList();
        return nodes.create(targets, "local", invalidator -> new OperatorSettings(SourceKind.LOCAL, "local",
                        settings.readOnly(),
                        new LocalFleetActions(inProcess, localDir, invalidator, Clock.systemUTC())),
                () -> localVolumes(localDir));
    }

    /**
     * The embedded default: starts the local fleet in this process (generating the sample repositories on
     * first use; each step goes to the splash and to stderr) and stops it when the console closes or the JVM
     * exits.
     */
    SourceStarter.Started start(Consumer<String> progress) {
        Path dir = settings.localDir();
        System.err.println("graphfleet: no local fleet running in " + dir + "; starting one (Ctrl-C or closing the "
                + "console stops it)...");
        progress.accept("no local fleet running in " + dir + "; starting one");
        LocalFleet fleet = LocalFleet.start(new LocalFleet.Options(dir, 2, SampleSizes.SMALL),
                NodeCommand.serve(GraphfleetCli.CHILD_MAIN), message -> {
            System.err.println("graphfleet:   " + message);
            progress.accept(message);
        });
        AtomicBoolean stopped = new AtomicBoolean();
        AutoCloseable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                fleet.close();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop.close();
            } catch (Exception e) {
                // exiting anyway
            }
        }, "graphfleet-local-fleet-stop"));
        LocalFleetFile file = readLocalFleet(dir).orElseThrow(() -> new IllegalStateException(
                "the local fleet started but wrote no " + LocalFleetFile.NAME + " in " + dir));
        return new SourceStarter.Started(create(file, fleet), stop);
    }

    /** The local fleet's simulated volumes (their modifications); there is no CloudWatch locally. */
    private static VolumeWatch localVolumes(Path dir) {
        try {
            LocalVolumeFleet fleet = LocalVolumeFleet.open(dir, Clock.systemUTC());
            return new VolumeWatch(fleet.actions(), fleet.cloudWatch());
        } catch (IllegalStateException | UncheckedIOException e) {
            return VolumeWatch.nodesOnly(); // an older fleet without volumes.json: the nodes' figures still show
        }
    }

    private static Optional<LocalFleetFile> readLocalFleet(Path dir) {
        try {
            return LocalFleetFile.read(dir);
        } catch (UncheckedIOException e) {
            throw new UsageException("--local-data: " + e.getMessage()
                    + "; stop and restart ./graphfleet local, or pass --nodes");
        }
    }
}
