package dev.graphfleet.console;

import dev.graphfleet.cli.UsageException;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.fleet.nodes.NodeProbe;
import dev.graphfleet.fleet.nodes.NodeTarget;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalFleetFile;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code graphfleet console} options, parsed with picocli in the app (the engine passes them through). */
@Command(name = "graphfleet console",
        description = "Open the desktop console: on the local fleet (./graphfleet local) unless --nodes is given.")
final class ConsoleOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--nodes", split = ",", paramLabel = "URL",
            description = "Node URLs to watch, comma-separated, e.g. http://10.0.1.5:8001,http://10.0.1.6:8001.")
    List<String> nodes = new ArrayList<>();

    @Option(names = "--local-data", paramLabel = "DIR",
            description = "Data directory of the local fleet to watch when no --nodes are given "
                    + "(default: ~/.graphfleet/local, as for ./graphfleet local).")
    Path localData;

    @Option(names = "--refresh-s", paramLabel = "SECONDS",
            description = "Seconds between refreshes (default: ${DEFAULT-VALUE}).")
    double refreshSeconds = 1.0;

    @Option(names = "--timeout-s", paramLabel = "SECONDS",
            description = "Seconds a node has to answer (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds = 3.0;

    @Option(names = "--api-key-env", paramLabel = "VAR",
            description = "Environment variable holding the nodes' API key (sent as X-Graph-API-Key).")
    String apiKeyEnv;

    @Option(names = "--dark", description = "Start with the dark theme.")
    boolean dark;

    /** The checked configuration; throws {@link UsageException} naming the option and the fix. */
    ConsoleConfig toConfig(Function<String, String> environment) {
        Duration interval = seconds("--refresh-s", refreshSeconds, 0.1, 3600);
        Duration timeout = seconds("--timeout-s", timeoutSeconds, 0.1, 600);
        Path localDir = localData != null ? localData : LocalFleet.defaultDataDir();
        String apiKey = apiKey(environment);
        List<NodeTarget> targets;
        String fleetName;
        if (!nodes.isEmpty()) {
            targets = nodes.stream().map(String::trim).filter(s -> !s.isEmpty()).map(ConsoleOptions::url)
                    .map(NodeTarget::of).toList();
            fleetName = "nodes";
        } else {
            Optional<LocalFleetFile> local = readLocalFleet(localDir);
            if (local.isEmpty()) {
                return new ConsoleConfig(null, null, interval, dark, localDir);
            }
            // The local fleet gives every node its own key, from its owner-only file.
            targets = local.get().nodes().stream().map(n -> new NodeTarget(n.url(), n.apiKey())).toList();
            fleetName = "local";
        }
        ProbeOptions probe = new ProbeOptions(timeout, ProbeOptions.DEFAULT_PARALLELISM, apiKey);
        // One HTTP client for the fleet reads and the detail reads: one connection pool, one start-up.
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        NodesFleetSource source;
        try {
            source = new NodesFleetSource(targets, new NodeProbe(http, probe), fleetName, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--nodes: " + e.getMessage());
        }
        Map<URI, String> keys = new HashMap<>();
        targets.stream().filter(t -> t.apiKey() != null).forEach(t -> keys.put(t.url(), t.apiKey()));
        return new ConsoleConfig(source, new NodeDetailReader(http, timeout, apiKey, keys), interval, dark, localDir);
    }

    private static Optional<LocalFleetFile> readLocalFleet(Path dir) {
        try {
            return LocalFleetFile.read(dir);
        } catch (UncheckedIOException e) {
            throw new UsageException("--local-data: " + e.getMessage()
                    + "; stop and restart ./graphfleet local, or pass --nodes");
        }
    }

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new UsageException("--nodes: '" + text + "' is not a URL; use http(s)://host:port, e.g. "
                    + "http://10.0.1.5:8001");
        }
    }

    private String apiKey(Function<String, String> environment) {
        if (apiKeyEnv == null) {
            return null;
        }
        String key = environment.apply(apiKeyEnv);
        if (key == null || key.isBlank()) {
            throw new UsageException("--api-key-env names " + apiKeyEnv + ", but that environment variable is not "
                    + "set; export it with the nodes' API key, or leave the option out for nodes without a key");
        }
        return key;
    }

    private static Duration seconds(String option, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new UsageException(option + " must be between " + min + " and " + max + " seconds, got " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
