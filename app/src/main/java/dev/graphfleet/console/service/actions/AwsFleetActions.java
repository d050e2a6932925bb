package dev.graphfleet.console.service.actions;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.config.GraphfleetConfig;
import dev.graphfleet.config.SnapshotConfig;
import dev.graphfleet.fleet.aws.AwsReplicaOperations;
import dev.graphfleet.fleet.nodes.NodeCheckpoint;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A fleet in AWS: invalidate over the node API; snapshot a repository's shared master (EBS) and roll a
 * replica group onto it, roll a group onto the latest snapshot, or back to the one before, through
 * the engine's {@link AwsReplicaOperations}. Every plan is that operation's own dry run, so the
 * confirmation shows what AWS would really be asked to do. The console starts AWS sources read-only;
 * the operator lifts it first.
 */
public final class AwsFleetActions implements FleetActions {

    /**
     * @param environment         the Environment tag, named in every plan
     * @param repositoriesByGroup per replica group, the repositories it boots from (the config's
     *                            {@code snapshot.graph_id}), offered even when its nodes do not answer
     * @param keepByRepository    completed snapshots to keep per repository, the new one included
     * @param requestedBy         who the snapshot job names
     */
    public record Options(String environment, Map<String, List<String>> repositoriesByGroup,
                          Map<String, Integer> keepByRepository, String requestedBy) {

        public static final int DEFAULT_KEEP = SnapshotConfig.DEFAULT_KEEP;

        public Options {
            Objects.requireNonNull(environment, "environment");
            repositoriesByGroup = Map.copyOf(repositoriesByGroup);
            keepByRepository = Map.copyOf(keepByRepository);
            Objects.requireNonNull(requestedBy, "requestedBy");
        }

        /** From the config's replica groups ({@code snapshot.graph_id}, {@code snapshot.keep}); none: no config. */
        public static Options of(String environment, GraphfleetConfig config, String requestedBy) {
            Map<String, List<String>> byGroup = new TreeMap<>();
            Map<String, Integer> keep = new TreeMap<>();
            if (config != null) {
                config.replicas().forEach((group, replicas) -> {
                    SnapshotConfig snapshot = replicas.snapshot();
                    if (snapshot.graphId() != null) {
                        byGroup.put(group, List.of(snapshot.graphId()));
                        keep.put(snapshot.graphId(), snapshot.keep());
                    }
                });
            }
            return new Options(environment, byGroup, keep, requestedBy);
        }

        int keep(String repository) {
            return keepByRepository.getOrDefault(repository, DEFAULT_KEEP);
        }
    }

    /**
     * CHECKPOINT of the repository on the shared master through its node API before the snapshot, as
     * {@code graphfleet fleet snapshot --aws} does; {@code apiKey} goes only into the request header.
     */
    public static AwsReplicaOperations.Checkpoint nodeCheckpoint(String apiKey, int nodePort) {
        NodeCheckpoint node = new NodeCheckpoint(apiKey, Duration.ofMinutes(5));
        return (master, graph) -> {
            if (master.privateIp() == null) {
                throw new IllegalStateException("shared master " + master.id() + " has no private address to "
                        + "checkpoint " + graph + " through");
            }
            node.checkpoint(URI.create("http://" + master.privateIp() + ":" + nodePort), graph);
        };
    }

    private final Supplier<AwsReplicaOperations> open;
    private final NodeInvalidator invalidator;
    private final Options options;
    private AwsReplicaOperations operations;

    /** @param open builds the SDK clients on first use: most consoles never snapshot anything */
    public AwsFleetActions(Supplier<AwsReplicaOperations> open, NodeInvalidator invalidator, Options options) {
        this.open = Objects.requireNonNull(open, "open");
        this.invalidator = Objects.requireNonNull(invalidator, "invalidator");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String unavailable(ActionKind kind) {
        return switch (kind) {
            case INVALIDATE, SNAPSHOT, ROLLING_REFRESH, ROLLBACK -> null;
            case VOLUME_MONITOR -> "the volume monitor is not wired into the console for AWS yet; use graphfleet "
                    + "volumes check --source aws";
            case RESTART_NODE -> "instances in AWS are replaced by their Auto Scaling group, not restarted: use a "
                    + "rolling refresh";
        };
    }

    @Override
    public List<String> knownDatabases(FleetInstance instance) {
        if (instance.role() != NodeType.SHARED_REPLICA || instance.group() == null) {
            return List.of();
        }
        return options.repositoriesByGroup().getOrDefault(instance.group(), List.of());
    }

    @Override
    public ActionPlan prepare(ActionRequest request) {
        if (request instanceof ActionRequest.Invalidate r) {
            return NodeActions.Invalidation.plan(r);
        }
        try {
            if (request instanceof ActionRequest.Snapshot r) {
                var snapshot = operations().snapshot(r.repository(), options.keep(r.repository()),
                        options.requestedBy(), true, line -> { });
                List<String> steps = new ArrayList<>();
                steps.add(dryRun() + " A snapshot of " + r.repository() + " would:");
                steps.addAll(snapshot.changes());
                steps.add("then roll replica group " + r.group() + " onto the new snapshot: a new launch template "
                        + "version, the group pointed at it, a rolling instance refresh, every instance verified");
                return new ActionPlan(r, steps, false);
            }
            if (request instanceof ActionRequest.RollingRefresh r) {
                return refreshPlan(r, r.group(), r.repository(), false);
            }
            if (request instanceof ActionRequest.Rollback r) {
                return refreshPlan(r, r.group(), r.repository(), true);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while planning " + request.title(), e);
        }
        throw new IllegalStateException(unavailable(request.kind()));
    }

    private ActionPlan refreshPlan(ActionRequest request, String group, String repository, boolean rollback)
            throws InterruptedException {
        var refresh = operations().refresh(group, repository, null, rollback, true, line -> { });
        List<String> steps = new ArrayList<>();
        steps.add(dryRun() + " Rolling " + group + (rollback ? " back to " : " onto ") + refresh.target() + " would:");
        steps.addAll(refresh.changes());
        return new ActionPlan(request, steps, refresh.changes().isEmpty());
    }

    @Override
    public ActionResult run(ActionRequest request, Consumer<String> progress) {
        if (request instanceof ActionRequest.Invalidate r) {
            return NodeActions.Invalidation.run(invalidator, r, progress);
        }
        List<String> steps = new ArrayList<>();
        Consumer<String> both = line -> {
            steps.add(line);
            progress.accept(line);
        };
        try {
            if (request instanceof ActionRequest.Snapshot r) {
                var snapshot = operations().snapshot(r.repository(), options.keep(r.repository()),
                        options.requestedBy(), false, both);
                var refresh = operations().refresh(r.group(), r.repository(), snapshot.snapshotId(), false, false, both);
                return ActionResult.ok(r, "Snapshot " + snapshot.snapshotId() + " of " + r.repository()
                        + " taken; " + done(r.group(), refresh), steps);
            }
            if (request instanceof ActionRequest.RollingRefresh r) {
                return ActionResult.ok(r, done(r.group(), operations().refresh(r.group(), r.repository(), null, false,
                        false, both)), steps);
            }
            if (request instanceof ActionRequest.Rollback r) {
                return ActionResult.ok(r, done(r.group(), operations().refresh(r.group(), r.repository(), null, true,
                        false, both)), steps);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ActionResult.failed(request, "interrupted; AWS may still be carrying out the last step shown");
        } catch (RuntimeException e) {
            steps.add(ActionRunner.reason(e));
            return new ActionResult(request, false, request.title() + " failed: " + ActionRunner.reason(e), steps);
        }
        return ActionResult.failed(request, unavailable(request.kind()));
    }

    private static String done(String group, AwsReplicaOperations.RefreshOutcome refresh) {
        var verified = refresh.verification();
        return group + " runs " + refresh.target() + " (launch template version " + refresh.templateVersion()
                + (verified == null ? ")" : "; " + verified.onTarget().size() + " of " + verified.desired()
                        + " instance(s) verified)");
    }

    private String dryRun() {
        return "Dry run in AWS " + options.environment() + " (nothing changed yet).";
    }

    private synchronized AwsReplicaOperations operations() {
        if (operations == null) {
            operations = open.get();
        }
        return operations;
    }
}
