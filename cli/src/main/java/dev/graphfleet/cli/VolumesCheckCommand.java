package dev.graphfleet.cli;

import dev.graphfleet.config.Ports;
import dev.graphfleet.local.LocalVolumeFleet;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.aws.AwsVolumeFleet;
import dev.graphfleet.volume.aws.MonitorPublishers;
import dev.graphfleet.volume.monitor.HttpInstanceVolumeReader;
import dev.graphfleet.volume.monitor.MonitorOptions;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.NodeReadOptions;
import dev.graphfleet.volume.monitor.RetryDelay;
import dev.graphfleet.volume.monitor.VolumeFleet;
import dev.graphfleet.volume.monitor.VolumeMonitor;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code graphfleet volumes check (--nodes URL[,URL...] | --source local [--data DIR] | --source aws --env ENV
 * [--metrics-namespace NS] [--alert-topic ARN]) [--alarm] [--dry-run] [--json]}: reads every node's data volume,
 * decides, acts unless --dry-run, and prints the report; an AWS run tells CloudWatch and SNS what the Lambda
 * tells them. Exit 1 when an instance could not be checked, a figure or alert was not published (or no local
 * fleet runs). The fleet source is one of an exclusive group, so
 * the AWS source joins it as an option.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check every instance's data volume and expand the ones that are filling up.",
                "Exit codes: 0 every instance checked (alerts included), 1 an instance could not be checked or "
                        + "a figure or alert could not be published, 2 usage error."})
class VolumesCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Fleet source (one of):%n")
    Source source;

    static final class Source {
        @Option(names = "--nodes", split = ",", paramLabel = "URL",
                description = "Node API base URLs, comma-separated (http://HOST:PORT). No volume provider: "
                        + "expansions are reported, not made.")
        List<String> nodes;

        @Option(names = "--source", paramLabel = "local|aws",
                description = "A known fleet: local (the one graphfleet local runs; see --data; its capacities are "
                        + "simulated), or aws (one environment's instances by EC2 tags; see --env).")
        String named;
    }

    @Option(names = "--env", paramLabel = "ENV", description = "With --source aws: the Environment tag, e.g. prod.")
    String environment;

    @Option(names = "--service", paramLabel = "NAME", description = "With --source aws: only instances tagged Service=NAME.")
    String service;

    @Option(names = "--volume-table", paramLabel = "TABLE",
            description = "With --source aws: the DynamoDB volume registry (registry.volume_table); required unless "
                    + "--dry-run, since its lock keeps two monitors from expanding one volume twice.")
    String volumeTable;

    @Option(names = "--node-port", defaultValue = "8001", paramLabel = "PORT",
            description = "With --source aws: the nodes' API port (default: ${DEFAULT-VALUE}).")
    int nodePort;

    @Option(names = "--region", paramLabel = "R", description = "With --source aws: AWS region (default: the SDK's chain).")
    String region;

    @Option(names = "--profile", paramLabel = "P", description = "With --source aws: AWS profile (default: the SDK's chain).")
    String profile;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "With --source aws: one endpoint for every AWS service (a test or proxy endpoint).")
    java.net.URI endpoint;

    @Option(names = "--metrics-namespace", paramLabel = "NS",
            description = "With --source aws: publish the run's figures (VolumeMonitorExecutions, InstancesMonitored, "
                    + "VolumesExpanded, VolumeMonitorErrors, CloudWatchFallbacks) to this CloudWatch namespace, as the "
                    + "monitor Lambda does (its METRICS_NAMESPACE; the Lambda's default is Graphfleet/Volumes).")
    String metricsNamespace;

    @Option(names = "--alert-topic", paramLabel = "ARN",
            description = "With --source aws: send the run's alerts (expansions, errors, stuck volumes, volumes that "
                    + "need attention) to this SNS topic, as the monitor Lambda does (its ALERT_TOPIC_ARN).")
    String alertTopic;

    @Mixin
    LocalDataOption dataDir;

    @Option(names = "--alarm", description = "Triggered by an alarm: use the alarm threshold (0.7) instead of 0.8.")
    boolean alarm;

    @Mixin
    DryRunOption dryRun;

    @Mixin
    JsonOption json;

    // Not ApiKeyEnvOption: here the variable defaults to GRAPH_API_KEY, under its own label.
    @Option(names = "--api-key-env", paramLabel = "NAME", defaultValue = "GRAPH_API_KEY",
            description = "With --nodes: environment variable holding the nodes' API key (default: "
                    + "${DEFAULT-VALUE}); unset means no key. The local fleet's keys come from its local-fleet.json.")
    String apiKeyEnv;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Per-attempt timeout of a node's /metrics (default: ${DEFAULT-VALUE}); 2 retries follow.")
    double timeoutSeconds;

    @Option(names = "--parallelism", paramLabel = "N", defaultValue = "512",
            description = "Node reads in flight at once (default: ${DEFAULT-VALUE}); dead nodes beyond this "
                    + "wait in turn.")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        if (!(timeoutSeconds > 0)) {
            throw new UsageException("--timeout must be a positive number of seconds, got " + timeoutSeconds);
        }
        if (parallelism < 1) {
            throw new UsageException("--parallelism must be at least 1, got " + parallelism);
        }
        NodeReadOptions read = new NodeReadOptions(Duration.ofMillis((long) (timeoutSeconds * 1000)), 2,
                Duration.ofMillis(300));
        VolumePolicy policy = VolumePolicy.defaults();
        MonitorOptions options = MonitorOptions.defaults();
        VolumeFleet fleet;
        HttpInstanceVolumeReader reader;
        MonitorPublishers publishers = null;
        if ("aws".equals(source.named)) {
            AwsVolumeFleet aws = awsFleet();
            fleet = aws;
            publishers = publishers(aws);
            reader = HttpInstanceVolumeReader.create(read, System.getenv(apiKeyEnv));
        } else if (metricsNamespace != null || alertTopic != null) {
            throw new UsageException("--metrics-namespace and --alert-topic go with --source aws (CloudWatch and SNS "
                    + "of that AWS account)");
        } else if (source.named != null) {
            LocalVolumeFleet local = localFleet();
            fleet = local;
            reader = HttpInstanceVolumeReader.withKeyPerInstance(HttpInstanceVolumeReader.newClient(read), read,
                    local::apiKey, RetryDelay.system());
            policy = local.policy(policy);
            options = local.monitorOptions(options);
        } else {
            if (dataDir.given() != null) {
                throw new UsageException("--data goes with --source local (the local fleet's data directory)");
            }
            fleet = VolumeFleet.ofNodes(parseNodes(source.nodes));
            reader = HttpInstanceVolumeReader.create(read, System.getenv(apiKeyEnv));
        }
        VolumeMonitor monitor = VolumeMonitor.builder(policy, reader)
                .cloudWatch(fleet.cloudWatch())
                .actions(fleet.actions())
                .registry(fleet.registry())
                .options(options.withParallelism(options.parallelism(), parallelism))
                .build();

        MonitorReport report = monitor.run(fleet.instances(), alarm, dryRun());
        // Published after the run, not by the monitor, so the command can say what reached where.
        MonitorPublishers.Published published = publishers == null || !publishers.any() ? null
                : dryRun() ? new MonitorPublishers.Published(true, List.of("dry run: nothing published to CloudWatch or SNS"))
                : publishers.publish(report);

        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            out.println(VolumeReportJson.render(report, fleet.description()));
        } else {
            out.print(VolumeReportTable.render(report, fleet.description()));
            if (published != null) {
                published.lines().forEach(line -> out.println("Published: " + line));
            }
        }
        out.flush();
        if (json.on() && published != null) {
            PrintWriter err = spec.commandLine().getErr();
            published.lines().forEach(line -> err.println("Published: " + line));
            err.flush();
        }
        boolean publishedAll = published == null || published.ok();
        return report.ok() && publishedAll ? GraphfleetCli.EXIT_OK : GraphfleetCli.EXIT_FAILURE;
    }

    private MonitorPublishers publishers(AwsVolumeFleet aws) {
        try {
            return MonitorPublishers.of(aws.clients(), metricsNamespace, alertTopic, environment);
        } catch (IllegalArgumentException e) {
            throw new UsageException((e.getMessage().contains("namespace") ? "--metrics-namespace: "
                    : "--alert-topic: ") + e.getMessage());
        }
    }

    private AwsVolumeFleet awsFleet() {
        if (environment == null || environment.isBlank()) {
            throw new UsageException("--source aws needs --env ENV (the Environment tag of the fleet, e.g. prod)");
        }
        if (volumeTable == null && !dryRun()) {
            throw new UsageException("--source aws needs --volume-table TABLE (registry.volume_table) to expand: its lock "
                    + "keeps two monitors from expanding one volume twice; or add --dry-run");
        }
        if (!Ports.canConnectTo(nodePort)) {
            throw new UsageException("--node-port must be " + Ports.CONNECT_RANGE + ", got " + nodePort);
        }
        return new AwsVolumeFleet(dev.graphfleet.volume.aws.VolumeClients.create(region, profile, endpoint),
                environment, service, nodePort, volumeTable);
    }

    /** Whether to change nothing; {@code volumes plan} always says yes. */
    boolean dryRun() {
        return dryRun.on();
    }

    private LocalVolumeFleet localFleet() {
        if (!"local".equals(source.named)) {
            throw new UsageException("--source: '" + source.named + "' is not a known fleet (use --source local for the "
                    + "local fleet, --source aws --env ENV for an AWS environment, or --nodes URL,... for nodes by URL)");
        }
        return LocalVolumeFleet.open(dataDir.dirOrDefault(), Clock.systemUTC());
    }

    static List<URI> parseNodes(List<String> values) {
        List<URI> uris = new ArrayList<>();
        for (String value : values) {
            String v = value.trim();
            if (v.isEmpty()) {
                continue;
            }
            try {
                URI uri = new URI(v);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new URISyntaxException(v, "not an http(s) URL with a host");
                }
                uris.add(uri);
            } catch (URISyntaxException e) {
                throw new UsageException("--nodes: '" + v + "' is not a node URL (expected http://HOST:PORT, "
                        + "for example http://10.0.1.5:8001)");
            }
        }
        if (uris.isEmpty()) {
            throw new UsageException("--nodes: give at least one node URL (http://HOST:PORT)");
        }
        return uris;
    }
}
