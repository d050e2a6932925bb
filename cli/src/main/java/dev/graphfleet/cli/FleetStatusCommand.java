package dev.graphfleet.cli;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.fleet.FleetJson;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.aws.AwsFleetSource;
import dev.graphfleet.fleet.aws.AwsSettings;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graphfleet fleet status}: every instance with its role, health, data version, volume and
 * pool, read from node URLs or from an AWS account. Exit 0 when every instance is healthy, 1 when
 * one is not or the source cannot be read, 2 for a usage error.
 */
@Command(name = "status", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Show the fleet: each instance's role, group, health, snapshot and its age,",
                "data volume usage and connection pool; each replica group's scaling and load balancer.",
                "Reads node URLs (--nodes) or an AWS environment (--aws --env ENV).",
                "Exit 0 when every instance is healthy, 1 when one is not or the source cannot be read."})
final class FleetStatusCommand implements Callable<Integer> {

    /** Environment lookup; tests replace it. */
    static UnaryOperator<String> env = System::getenv;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Without --nodes or --aws: the local fleet running with --data (./graphfleet local). */
    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Where where = new Where();

    @CommandLine.Mixin
    LocalDataOption localData;

    static final class Where {
        @Option(names = "--nodes", split = ",", paramLabel = "URL",
                description = "Node API URLs, comma-separated, e.g. http://10.0.1.5:8001,http://10.0.1.6:8001; "
                        + "'local': the nodes of the local fleet in --data, each with its own key.")
        List<String> nodes;

        @Option(names = "--aws", description = "Discover the fleet in AWS (EC2 tags, Auto Scaling, ELB, registry).")
        boolean aws;
    }

    @CommandLine.Mixin
    AwsSourceOptions awsOptions = new AwsSourceOptions();

    @Option(names = "--no-probe", description = "With --aws: do not call the nodes (when their private addresses"
            + " are out of reach); health then comes from the load balancer.")
    boolean noProbe;

    @CommandLine.Mixin
    ApiKeyEnvOption apiKeyEnv;

    @CommandLine.Mixin
    TimeoutMsOption timeout;

    @CommandLine.Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FleetSnapshot snapshot;
        try (FleetSource source = open()) {
            snapshot = source.snapshot();
        }
        if (localDir != null) { // the local fleet's replicas are its one group; the nodes do not say it
            snapshot = dev.graphfleet.local.LocalFleetSource.withReplicaGroup(snapshot);
        }
        out.print(json.on() ? FleetJson.write(snapshot) + System.lineSeparator() : FleetTable.render(snapshot));
        if (!json.on() && localDir != null) {
            printProcesses(out);
        }
        out.flush();
        if (json.on() && !snapshot.sourceReachable()) { // the table says it already
            spec.commandLine().getErr().println("graphfleet: " + FleetTable.summary(snapshot));
        }
        return snapshot.allHealthy() ? GraphfleetCli.EXIT_OK : GraphfleetCli.EXIT_FAILURE;
    }

    private FleetSource open() {
        boolean localNodes = where.nodes != null && LOCAL.equals(String.join(",", where.nodes).strip());
        if (localNodes && apiKeyEnv.variable() != null) {
            throw new UsageException("--nodes local reads each node's own key from the local fleet's "
                    + dev.graphfleet.local.LocalFleetFile.NAME + "; leave out --api-key-env");
        }
        ProbeOptions probe = probeOptions();
        if ((where.nodes == null || localNodes) && !where.aws) {
            rejectAwsOptions();
            java.nio.file.Path dir = localData.dirOrDefault();
            localDir = dir;
            return dev.graphfleet.local.LocalFleetSource.open(dir, probe).orElseThrow(() -> new UsageException(
                    "no local fleet is running with data in " + dir + ": start one with ./graphfleet local, "
                            + "or give --nodes URL,... or --aws --env ENV"));
        }
        if (where.nodes != null) {
            rejectAwsOptions();
            return NodesFleetSource.create(urls(where.nodes), probe);
        }
        GraphfleetConfig fleetConfig = awsOptions.loadConfig();
        String env = awsOptions.requireEnvironment(fleetConfig);
        awsOptions.checkNodePort();
        AwsSettings settings = AwsSettings.of(awsOptions.region, awsOptions.profile,
                awsOptions.endpoint == null ? null : url("--endpoint", awsOptions.endpoint));
        String table = fleetConfig == null ? null : fleetConfig.registry().instanceTable();
        return AwsFleetSource.create(settings, new AwsFleetSource.Options(env, awsOptions.service, table, fleetConfig,
                !noProbe, awsOptions.nodePort, probe));
    }

    /** The local fleet's data directory when the source is the local fleet. */
    private java.nio.file.Path localDir;

    /** The supervisor's view of the local fleet's processes: what the probes alone cannot say (down since, restarts). */
    private void printProcesses(PrintWriter out) {
        dev.graphfleet.local.LocalFleetFile.read(localDir).ifPresent(fleet -> {
            if (fleet.processes().isEmpty()) {
                return;
            }
            out.println("Processes (the local fleet's supervisor restarts a node that exits):");
            fleet.processes().forEach(p -> out.println("  " + p.describe()));
        });
    }

    /** {@code --nodes local}: the running local fleet's nodes with their per-run keys. */
    static final String LOCAL = "local";

    private ProbeOptions probeOptions() {
        long timeoutMs = TimeoutMsOption.checked(timeout.millis());
        String variable = apiKeyEnv.variable();
        String key = EnvironmentKey.nonEmpty(variable, env, "--api-key-env " + variable + ": the environment variable "
                + variable + " is not set; export it with the nodes' API key");
        return new ProbeOptions(Duration.ofMillis(timeoutMs), ProbeOptions.DEFAULT_PARALLELISM, key);
    }

    private void rejectAwsOptions() {
        List<String> given = new ArrayList<>();
        addIf(given, awsOptions.environment != null, "--env");
        addIf(given, awsOptions.region != null, "--region");
        addIf(given, awsOptions.profile != null, "--profile");
        addIf(given, awsOptions.endpoint != null, "--endpoint");
        addIf(given, awsOptions.config != null, "--config");
        addIf(given, awsOptions.service != null, "--service");
        addIf(given, noProbe, "--no-probe");
        if (!given.isEmpty()) {
            throw new UsageException(String.join(", ", given) + (given.size() == 1 ? " goes" : " go")
                    + " with --aws, not --nodes");
        }
    }

    private static void addIf(List<String> list, boolean condition, String option) {
        if (condition) {
            list.add(option);
        }
    }

    private static List<URI> urls(List<String> values) {
        List<URI> urls = new ArrayList<>();
        for (String value : values) {
            if (!value.isBlank()) {
                urls.add(url("--nodes", value.trim()));
            }
        }
        if (urls.isEmpty()) {
            throw new UsageException("--nodes needs at least one URL, e.g. --nodes http://10.0.1.5:8001");
        }
        return urls;
    }

    static URI url(String option, String value) {
        try {
            URI uri = new URI(value);
            if (uri.getUserInfo() != null) {
                throw new UsageException(option + ": a URL must not carry credentials (host " + uri.getHost() + ")");
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new UsageException(option + ": '" + value + "' is not an http(s)://host:port URL,"
                        + " e.g. http://10.0.1.5:8001");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException(option + ": '" + value + "' is not a URL (" + e.getReason()
                    + "); use http(s)://host:port");
        }
    }
}
