package dev.graphfleet.console;

import dev.graphfleet.cli.GraphfleetCli;
import dev.graphfleet.cli.UsageException;
import dev.graphfleet.config.ConfigException;
import dev.graphfleet.config.ConfigValidator;
import dev.graphfleet.cli.AwsSourceOptions;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.service.VolumeWatch;
import dev.graphfleet.console.service.actions.AwsFleetActions;
import dev.graphfleet.console.service.actions.FleetActions;
import dev.graphfleet.console.service.actions.LocalFleetActions;
import dev.graphfleet.console.service.actions.NodeInvalidator;
import dev.graphfleet.console.viewmodel.SourceKind;
import dev.graphfleet.fleet.aws.AwsFleetSource;
import dev.graphfleet.fleet.aws.AwsReplicaOperations;
import dev.graphfleet.fleet.aws.AwsSettings;
import dev.graphfleet.fleet.nodes.NodeProbe;
import dev.graphfleet.fleet.nodes.NodeTarget;
import dev.graphfleet.fleet.nodes.NodeTrust;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import dev.graphfleet.volume.aws.AwsVolumeFleet;
import dev.graphfleet.volume.aws.VolumeClients;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalFleetFile;
import dev.graphfleet.local.LocalVolumeFleet;
import dev.graphfleet.local.NodeCommand;
import dev.graphfleet.local.SampleSizes;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code graphfleet console} options, parsed with picocli in the app (the engine passes them through). */
@Command(name = "graphfleet console",
        description = "Open the desktop console on the local fleet (./graphfleet local), a list of nodes (--nodes) "
                + "or an AWS environment (--aws --env ENV).")
final class ConsoleOptions {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--nodes", split = ",", paramLabel = "URL",
            description = "Node URLs to watch, comma-separated, e.g. http://10.0.1.5:8001,http://10.0.1.6:8001; "
                    + "'local': the local fleet in --local-data, each node with its own key.")
    List<String> nodes = new ArrayList<>();

    @Mixin
    AwsSourceOptions awsOptions = new AwsSourceOptions();

    @Option(names = "--aws", description = "Discover the fleet in AWS (EC2 tags, Auto Scaling, ELB, registry) "
            + "with the default credentials chain.")
    boolean aws;

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

    @Option(names = "--trust-store", paramLabel = "FILE",
            description = "PKCS12 trust store with the certificate of nodes that serve https:// (node.api.tls) "
                    + "with a certificate the JVM does not already trust.")
    Path trustStore;

    @Option(names = "--trust-store-password-env", paramLabel = "VAR",
            description = "Environment variable holding the --trust-store password (none by default).")
    String trustStorePasswordEnv;

    @Option(names = "--dark", description = "Start with the dark theme.")
    boolean dark;

    @Option(names = "--read-only",
            description = "Start read-only: every action is off until read-only is turned off in the window "
                    + "(AWS sources always start read-only).")
    boolean readOnly;

    @Option(names = "--no-start-local",
            description = "Without --nodes/--aws and no local fleet running: show how to start one instead of starting it.")
    boolean noStartLocal;

    @Option(names = "--local",
            description = "Watch the local fleet, even when the last console session watched another source "
                    + "(without --nodes/--aws the console reopens the last source).")
    boolean local;

    /** Set by {@link #toConfig} for {@code --no-start-local} without a fleet: what the empty state's button starts. */
    private SourceStarter localStartOffer;

    /** What starts a local fleet when the empty state's button asks; null when there is no empty state. */
    SourceStarter localStartOffer() {
        return localStartOffer;
    }

    /** The checked configuration; throws {@link UsageException} naming the option and the fix. */
    ConsoleConfig toConfig(Function<String, String> environment) {
        Duration interval = seconds("--refresh-s", refreshSeconds, 0.1, 3600);
        Duration timeout = seconds("--timeout-s", timeoutSeconds, 0.1, 600);
        Path localDir = localData != null ? localData : LocalFleet.defaultDataDir();
        String apiKey = apiKey(environment);
        checkSourceOptions();
        if (aws) {
            return awsConfig(interval, timeout, apiKey, localDir);
        }
        if (!nodes.isEmpty() && !localNodes()) {
            List<NodeTarget> targets = nodes.stream().map(String::trim).filter(s -> !s.isEmpty())
                    .map(ConsoleOptions::url).map(NodeTarget::of).toList();
            return nodesConfig(targets, null, interval, timeout, apiKey, localDir, environment);
        }
        Optional<LocalFleetFile> running = readLocalFleet(localDir);
        if (running.isPresent()) {
            return localConfig(running.get(), null, interval, timeout, apiKey, localDir, environment);
        }
        if (noStartLocal) {
            // not now; the empty state offers to (the installed app has no ./graphfleet script to run)
            localStartOffer = progress -> startLocalFleet(localDir, progress, interval, timeout, apiKey, environment);
            return new ConsoleConfig(null, null, interval, dark, localDir);
        }
        // The window comes first; the fleet starts behind a splash that shows its progress.
        return ConsoleConfig.starting(progress -> startLocalFleet(localDir, progress, interval, timeout, apiKey, environment),
                interval, dark, localDir, null);
    }

    /** {@code --nodes local}: the local fleet's nodes, read with their own keys from its file. */
    private boolean localNodes() {
        return "local".equals(String.join(",", nodes).strip());
    }

    /** Whether the command line chose a source (else the last one is reopened). */
    boolean choosesSource() {
        return aws || !nodes.isEmpty() || local || localData != null;
    }

    /**
     * The options that choose this source, to reopen it next time: {@code --nodes ...}, {@code --aws --env ...}
     * (names only: an API key stays in its environment variable), or nothing for the local fleet.
     */
    List<String> sourceArgs() {
        List<String> out = new ArrayList<>();
        if (aws) {
            out.add("--aws");
            addOption(out, "--env", awsOptions.environment);
            addOption(out, "--region", awsOptions.region);
            addOption(out, "--profile", awsOptions.profile);
            addOption(out, "--endpoint", awsOptions.endpoint);
            addOption(out, "--config", awsOptions.config == null ? null : awsOptions.config.toAbsolutePath().toString());
            addOption(out, "--service", awsOptions.service);
        } else if (!nodes.isEmpty()) {
            out.add("--nodes");
            out.add(String.join(",", nodes));
        } else if (localData != null) {
            addOption(out, "--local-data", localData.toAbsolutePath().toString());
        }
        if (!out.isEmpty()) {
            addOption(out, "--api-key-env", apiKeyEnv);
            addOption(out, "--trust-store", trustStore == null ? null : trustStore.toAbsolutePath().toString());
            addOption(out, "--trust-store-password-env", trustStorePasswordEnv);
        }
        return out;
    }

    private static void addOption(List<String> out, String name, String value) {
        if (value != null) {
            out.add(name);
            out.add(value);
        }
    }

    /** The running local fleet; {@code inProcess} when this process runs it (else actions go through its control endpoint). */
    private ConsoleConfig localConfig(LocalFleetFile fleet, LocalFleet inProcess, Duration interval, Duration timeout,
                                      String apiKey, Path localDir, Function<String, String> environment) {
        // The local fleet gives every node its own key, from its owner-only file.
        List<NodeTarget> targets = fleet.nodes().stream().map(n -> new NodeTarget(n.url(), n.apiKey())).toList();
        return nodesConfig(targets, new LocalRun(inProcess), interval, timeout, apiKey, localDir, environment);
    }

    /** Marks a local fleet (null: a list of node URLs). */
    private record LocalRun(LocalFleet inProcess) {
    }

    private ConsoleConfig nodesConfig(List<NodeTarget> targets, LocalRun localRun, Duration interval, Duration timeout,
                                      String apiKey, Path localDir, Function<String, String> environment) {
        String fleetName = localRun != null ? "local" : "nodes";
        ProbeOptions probe = new ProbeOptions(timeout, ProbeOptions.DEFAULT_PARALLELISM, apiKey);
        // One HTTP client for the fleet reads and the detail reads: one connection pool, one start-up.
        HttpClient http = httpClient(environment).version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        NodesFleetSource source;
        try {
            source = new NodesFleetSource(targets, new NodeProbe(http, probe), fleetName, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--nodes: " + e.getMessage());
        }
        Map<URI, String> keys = new HashMap<>();
        targets.stream().filter(t -> t.apiKey() != null).forEach(t -> keys.put(t.url(), t.apiKey()));
        NodeInvalidator invalidator = new NodeInvalidator(http, timeout, apiKey, keys);
        OperatorSettings operator = localRun != null
                ? new OperatorSettings(SourceKind.LOCAL, "local", readOnly,
                        new LocalFleetActions(localRun.inProcess(), localDir, invalidator, Clock.systemUTC()))
                : new OperatorSettings(SourceKind.NODES, null, readOnly,
                        FleetActions.nodesOnly(invalidator, OperatorSettings.NODES_ONLY));
        VolumeWatch volumes = localRun != null ? localVolumes(localDir) : VolumeWatch.nodesOnly();
        return new ConsoleConfig(source, new NodeDetailReader(http, timeout, apiKey, keys), interval, dark, localDir,
                operator).withVolumes(volumes);
    }

    /** One source at a time, and no option that would be ignored. */
    private void checkSourceOptions() {
        if (aws && !nodes.isEmpty()) {
            throw new UsageException("--aws and --nodes are two sources; pass one of them");
        }
        if (local && (aws || !nodes.isEmpty())) {
            throw new UsageException("--local and " + (aws ? "--aws" : "--nodes") + " are two sources; pass one of them");
        }
        if (!aws) {
            List<String> awsOnly = new ArrayList<>();
            addIf(awsOnly, awsOptions.environment != null, "--env");
            addIf(awsOnly, awsOptions.region != null, "--region");
            addIf(awsOnly, awsOptions.profile != null, "--profile");
            addIf(awsOnly, awsOptions.endpoint != null, "--endpoint");
            addIf(awsOnly, awsOptions.config != null, "--config");
            addIf(awsOnly, awsOptions.service != null, "--service");
            if (!awsOnly.isEmpty()) {
                throw new UsageException(String.join(", ", awsOnly) + (awsOnly.size() == 1 ? " goes" : " go")
                        + " with --aws; add --aws to read the fleet from AWS");
            }
        }
    }

    private static void addIf(List<String> list, boolean condition, String option) {
        if (condition) {
            list.add(option);
        }
    }

    private ConsoleConfig awsConfig(Duration interval, Duration timeout, String apiKey, Path localDir) {
        GraphfleetConfig config = null;
        if (awsOptions.config != null) {
            try {
                config = GraphfleetConfig.load(awsOptions.config);
                ConfigValidator.requireValid(config, awsOptions.config.toString());
            } catch (ConfigException e) {
                throw new UsageException("--config: " + e.getMessage());
            }
        }
        String env = awsOptions.environment != null ? awsOptions.environment
                : config == null ? null : config.environment();
        if (env == null || env.isBlank()) {
            throw new UsageException("--aws needs --env ENV (the Environment tag, e.g. prod), or --config FILE whose "
                    + "environment is used");
        }
        if (awsOptions.nodePort < 1 || awsOptions.nodePort > 65_535) {
            throw new UsageException("--node-port must be 1..65535 (found " + awsOptions.nodePort + ")");
        }
        AwsSettings settings = AwsSettings.of(awsOptions.region, awsOptions.profile, awsOptions.endpoint == null ? null : endpointUrl(awsOptions.endpoint));
        String table = config == null ? null : config.registry().instanceTable();
        ProbeOptions probe = new ProbeOptions(timeout, ProbeOptions.DEFAULT_PARALLELISM, apiKey);
        AwsFleetSource source = AwsFleetSource.create(settings,
                new AwsFleetSource.Options(env, awsOptions.service, table, config, true, awsOptions.nodePort, probe));
        // AWS always starts read-only (production lives there); the switch in the window lifts it.
        String service = awsOptions.service;
        AwsReplicaOperations.Checkpoint checkpoint = AwsFleetActions.nodeCheckpoint(apiKey, awsOptions.nodePort);
        OperatorSettings operator = new OperatorSettings(SourceKind.AWS, env, true, new AwsFleetActions(
                () -> AwsReplicaOperations.create(settings, AwsReplicaOperations.Settings.defaults(env, service),
                        checkpoint, new SnapshotJobs(Clock.systemUTC())),
                NodeInvalidator.create(timeout, apiKey),
                AwsFleetActions.Options.of(env, config, System.getProperty("user.name", "console"))));
        // The volume monitor's own AWS parts, read-only here: EC2 modifications and the CloudWatch agent fallback,
        // built on the refresh thread when the Volumes view first needs them.
        VolumeClients clients = VolumeClients.create(awsOptions.region, awsOptions.profile,
                awsOptions.endpoint == null ? null : endpointUrl(awsOptions.endpoint));
        AwsVolumeFleet volumeFleet = new AwsVolumeFleet(clients, env, awsOptions.service, awsOptions.nodePort, null);
        return new ConsoleConfig(source, NodeDetailReader.create(timeout, apiKey), interval, dark, localDir, operator)
                .withVolumes(VolumeWatch.lazy(volumeFleet::actions, volumeFleet::cloudWatch));
    }

    private static URI endpointUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new UsageException("--endpoint: '" + text + "' is not an http(s) URL, e.g. http://127.0.0.1:4566");
        }
        return uri;
    }

    /**
     * The embedded default: starts the local fleet in this process (generating the sample repositories on
     * first use; each step goes to the splash and to stderr) and stops it when the console closes or the JVM
     * exits.
     */
    private SourceStarter.Started startLocalFleet(Path dir, Consumer<String> progress, Duration interval,
                                                  Duration timeout, String apiKey,
                                                  Function<String, String> environment) {
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
        return new SourceStarter.Started(localConfig(file, fleet, interval, timeout, apiKey, dir, environment), stop);
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

    private static URI url(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw new UsageException("--nodes: '" + text + "' is not a URL; use http(s)://host:port, e.g. "
                    + "http://10.0.1.5:8001");
        }
    }

    /** A client trusting {@code --trust-store} when given (nodes with their own TLS certificate). */
    private HttpClient.Builder httpClient(Function<String, String> environment) {
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
