package dev.graphfleet.cli;

import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.ReplicaGroupConfig;
import dev.graphfleet.config.SnapshotConfig;
import dev.graphfleet.fleet.FleetJson;
import dev.graphfleet.fleet.aws.AwsReplicaOperations;
import dev.graphfleet.fleet.aws.AwsSettings;
import dev.graphfleet.fleet.nodes.NodeCheckpoint;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code fleet snapshot|rollback --aws}: builds {@link AwsReplicaOperations} from the AWS options and
 * the config, runs it with its progress on the terminal, and turns its failures into exit 1 with the
 * step that failed.
 */
final class AwsOperation {

    private AwsOperation() {
    }

    /** What a command hands over. */
    record Target(AwsSourceOptions aws, String apiKeyEnv, boolean checkpoint, boolean dryRun, boolean json,
                  PrintWriter out, PrintWriter err) {
    }

    static AwsReplicaOperations open(Target t, String environment) {
        t.aws().checkNodePort();
        AwsSettings settings = AwsSettings.of(t.aws().region, t.aws().profile,
                t.aws().endpoint == null ? null : FleetStatusCommand.url("--endpoint", t.aws().endpoint));
        AwsReplicaOperations.Checkpoint checkpoint = null;
        if (t.checkpoint()) {
            String key = EnvironmentKey.nonEmpty(t.apiKeyEnv(), System::getenv,
                    "--api-key-env " + t.apiKeyEnv() + ": the variable is not set");
            NodeCheckpoint node = new NodeCheckpoint(key, Duration.ofMinutes(5));
            int port = t.aws().nodePort;
            checkpoint = (master, graph) -> {
                if (master.privateIp() == null) {
                    throw new IllegalStateException("shared master " + master.id() + " has no private address to"
                            + " checkpoint through; pass --no-checkpoint to snapshot without one");
                }
                node.checkpoint(URI.create("http://" + master.privateIp() + ":" + port), graph);
            };
        }
        return AwsReplicaOperations.create(settings, AwsReplicaOperations.Settings.defaults(environment,
                t.aws().service), checkpoint, new SnapshotJobs(Clock.systemUTC()));
    }

    /** The config's replica groups that boot from {@code graphId} ({@code snapshot.graph_id}). */
    static List<String> groupsOf(GraphfleetConfig config, String graphId) {
        if (config == null) {
            return List.of();
        }
        return config.replicas().entrySet().stream()
                .filter(e -> graphId.equals(e.getValue().snapshot().graphId())).map(Map.Entry::getKey).toList();
    }

    static int keep(GraphfleetConfig config, String graphId, Integer override) {
        if (override != null) {
            if (override < 1) {
                throw new UsageException("--keep must be at least 1 (the new snapshot), got " + override);
            }
            return override;
        }
        if (config != null) {
            for (ReplicaGroupConfig group : config.replicas().values()) {
                if (graphId.equals(group.snapshot().graphId())) {
                    return group.snapshot().keep();
                }
            }
        }
        return SnapshotConfig.DEFAULT_KEEP;
    }

    /** The graph a group serves: {@code --graph}, else its config's {@code snapshot.graph_id}, else null (tags). */
    static String graphOf(GraphfleetConfig config, String group, String graph) {
        if (graph != null) {
            return graph;
        }
        if (config != null && config.replicas().containsKey(group)) {
            return config.replicas().get(group).snapshot().graphId();
        }
        return null;
    }

    interface Work {
        Object run(Consumer<String> progress) throws InterruptedException;
    }

    /** Runs {@code work}, printing progress (or JSON at the end); exit 0, or 1 naming what failed. */
    static int run(Target t, Work work) throws InterruptedException {
        Consumer<String> progress = t.json() ? line -> { } : line -> {
            t.out().println("  " + line);
            t.out().flush();
        };
        Object outcome;
        try {
            outcome = work.run(progress);
        } catch (RuntimeException e) { // every step names itself in its message; SDK failures say the call
            t.err().println("graphfleet: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return GraphfleetCli.EXIT_FAILURE;
        }
        if (t.json()) {
            try {
                t.out().println(FleetJson.mapper().writeValueAsString(outcome));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return GraphfleetCli.EXIT_OK;
    }

    static Map<String, Object> both(Object snapshot, Object refresh) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("snapshot", snapshot);
        m.put("refresh", refresh);
        return m;
    }
}
