package dev.graphfleet.console.testing;

import dev.graphfleet.cli.GraphfleetCli;
import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.OperatorSettings;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.service.actions.LocalFleetActions;
import dev.graphfleet.console.service.actions.NodeInvalidator;
import dev.graphfleet.console.viewmodel.SourceKind;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalFleetSource;
import dev.graphfleet.local.LocalNode;
import dev.graphfleet.local.NodeCommand;
import dev.graphfleet.local.SampleSizes;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A real local fleet in this process (tiny repositories) and the console config the app makes for it. */
public final class LocalConsole {

    public static final SampleSizes TINY = new SampleSizes(20, 2, 5, 30, 8);
    /** Each node of the tests' local fleets: the command line's main, on the tests' class path. */
    public static final NodeCommand NODE_COMMAND = NodeCommand.serve(GraphfleetCli.CHILD_MAIN);

    private LocalConsole() {
    }

    public static LocalFleet start(Path dir, int replicas) {
        return LocalFleet.start(new LocalFleet.Options(dir, replicas, TINY), NODE_COMMAND, message -> { });
    }

    /** The invalidator with each node's own key, as the console makes it. */
    public static NodeInvalidator invalidator(LocalFleet fleet) {
        return new NodeInvalidator(HttpClient.newHttpClient(), Duration.ofSeconds(5), null, keys(fleet));
    }

    public static LocalFleetActions actions(LocalFleet fleet) {
        return new LocalFleetActions(fleet, fleet.dataDir(), invalidator(fleet), Clock.systemUTC());
    }

    public static ConsoleConfig config(LocalFleet fleet, boolean readOnly) {
        ProbeOptions probe = new ProbeOptions(ConsoleHarness.NODE_TIMEOUT, ProbeOptions.DEFAULT_PARALLELISM, null);
        return new ConsoleConfig(LocalFleetSource.of(fleet, probe),
                new NodeDetailReader(HttpClient.newHttpClient(), ConsoleHarness.NODE_TIMEOUT, null, keys(fleet)),
                Duration.ofSeconds(1), false, fleet.dataDir(),
                new OperatorSettings(SourceKind.LOCAL, "local", readOnly, actions(fleet)));
    }

    private static Map<URI, String> keys(LocalFleet fleet) {
        Map<URI, String> keys = new HashMap<>();
        for (LocalNode node : fleet.nodes()) {
            keys.put(node.url(), node.apiKey());
        }
        return keys;
    }
}
