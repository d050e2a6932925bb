package dev.graphfleet.console;

import dev.graphfleet.cli.UsageException;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.service.VolumeWatch;
import dev.graphfleet.console.service.actions.FleetActions;
import dev.graphfleet.console.service.actions.NodeInvalidator;
import dev.graphfleet.console.viewmodel.SourceKind;
import dev.graphfleet.fleet.nodes.NodeProbe;
import dev.graphfleet.fleet.nodes.NodeTarget;
import dev.graphfleet.fleet.nodes.NodeTrust;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The console's source for {@code --nodes URL,...}: the nodes read over HTTP(S), with refresh as their only
 * action. {@link LocalSourceFactory} builds the local fleet on the same reads, with its own actions.
 */
final class NodesSourceFactory {

    private final SourceSettings settings;
    private final Path trustStore;
    private final String trustStorePasswordEnv;
    private final Function<String, String> environment;

    NodesSourceFactory(SourceSettings settings, Path trustStore, String trustStorePasswordEnv,
                       Function<String, String> environment) {
        this.settings = settings;
        this.trustStore = trustStore;
        this.trustStorePasswordEnv = trustStorePasswordEnv;
        this.environment = environment;
    }

    /** The nodes named by {@code --nodes}, with the one {@code --api-key-env} key. */
    ConsoleConfig create(List<String> nodes) {
        List<NodeTarget> targets = nodes.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(NodesSourceFactory::url).map(NodeTarget::of).toList();
        return create(targets, "nodes", invalidator -> new OperatorSettings(SourceKind.NODES, null,
                settings.readOnly(), FleetActions.nodesOnly(invalidator, OperatorSettings.NODES_ONLY)),
                VolumeWatch::nodesOnly);
    }

    /** Nodes read under {@code fleetName}, their actions built on the fleet's one HTTP client. */
    ConsoleConfig create(List<NodeTarget> targets, String fleetName,
                         Function<NodeInvalidator, OperatorSettings> operator, Supplier<VolumeWatch> volumes) {
        ProbeOptions probe = new ProbeOptions(settings.timeout(), ProbeOptions.DEFAULT_PARALLELISM, settings.apiKey());
        // One HTTP client for the fleet reads and the detail reads: one connection pool, one start-up.
        HttpClient http = httpClient().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.timeout()).build();
        NodesFleetSource source;
        try {
            source = new NodesFleetSource(targets, new NodeProbe(http, probe), fleetName, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--nodes: " + e.getMessage());
        }
        Map<URI, String> keys = new HashMap<>();
        targets.stream().filter(t -> t.apiKey() != null).forEach(t -> keys.put(t.url(), t.apiKey()));
        NodeInvalidator invalidator = new NodeInvalidator(http, settings.timeout(), settings.apiKey(), keys);
        OperatorSettings operatorSettings = operator.apply(invalidator);
        VolumeWatch volumeWatch = volumes.get();
        return new ConsoleConfig(source, new NodeDetailReader(http, settings.timeout(), settings.apiKey(), keys),
                settings.interval(), settings.dark(), settings.localDir(), operatorSettings).withVolumes(volumeWatch);
    }

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new UsageException("--nodes: '" + text + "' is not a URL; use http(s)://host:port, e.g. "
                    + "http://10.0.1.5:8001");
        }
    }

    /** A client trusting {@code --trust-store} when given (nodes with their own TLS certificate). */
    private HttpClient.Builder httpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (trustStore == null) {
            if (trustStorePasswordEnv != null) {
                throw new UsageException("--trust-store-password-env needs --trust-store");
            }
            return builder;
        }
        String password = trustStorePasswordEnv == null ? "" : environment.apply(trustStorePasswordEnv);
        if (password == null) {
            throw new UsageException("--trust-store-password-env names " + trustStorePasswordEnv + ", but that "
                    + "environment variable is not set; export it with the trust store's password");
        }
        try {
            return new NodeTrust(trustStore, password).apply(builder);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--trust-store: " + e.getMessage());
        }
    }
}
