package dev.graphfleet.cli;

import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.monitor.HttpInstanceVolumeReader;
import dev.graphfleet.volume.monitor.MonitorOptions;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.NodeReadOptions;
import dev.graphfleet.volume.monitor.VolumeFleet;
import dev.graphfleet.volume.monitor.VolumeMonitor;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code graphfleet volumes check --nodes URL[,URL...] [--alarm] [--dry-run] [--json]}: reads every node's data
 * volume, decides, acts unless --dry-run, and prints the report. Exit 1 when an instance could not be checked.
 * The fleet source is one of an exclusive group, so the local fleet and AWS sources join it as options.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check every instance's data volume and expand the ones that are filling up.",
                "Exit codes: 0 every instance checked (alerts included), 1 an instance could not be checked, "
                        + "2 usage error."})
final class VolumesCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Fleet source (one of):%n")
    Source source;

    static final class Source {
        @Option(names = "--nodes", split = ",", paramLabel = "URL",
                description = "Node API base URLs, comma-separated (http://HOST:PORT). No volume provider: "
                        + "expansions are reported, not made.")
        List<String> nodes;
    }

    @Option(names = "--alarm", description = "Triggered by an alarm: use the alarm threshold (0.7) instead of 0.8.")
    boolean alarm;

    @Option(names = "--dry-run", description = "Print the plan; change nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print the report as JSON instead of a table.")
    boolean json;

    @Option(names = "--api-key-env", paramLabel = "NAME", defaultValue = "GRAPH_API_KEY",
            description = "Environment variable holding the nodes' API key (default: ${DEFAULT-VALUE}); "
                    + "unset means no key.")
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
        VolumeFleet fleet = VolumeFleet.ofNodes(parseNodes(source.nodes));
        NodeReadOptions read = new NodeReadOptions(Duration.ofMillis((long) (timeoutSeconds * 1000)), 2,
                Duration.ofMillis(300));
        String apiKey = System.getenv(apiKeyEnv);
        MonitorOptions options = MonitorOptions.defaults();
        VolumeMonitor monitor = VolumeMonitor
                .builder(VolumePolicy.defaults(), HttpInstanceVolumeReader.create(read, apiKey))
                .cloudWatch(fleet.cloudWatch())
                .actions(fleet.actions())
                .registry(fleet.registry())
                .options(options.withParallelism(options.parallelism(), parallelism))
                .build();

        MonitorReport report = monitor.run(fleet.instances(), alarm, dryRun);

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(VolumeReportJson.render(report, fleet.description()));
        } else {
            out.print(VolumeReportTable.render(report, fleet.description()));
        }
        out.flush();
        return report.ok() ? GraphfleetCli.EXIT_OK : GraphfleetCli.EXIT_FAILURE;
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
