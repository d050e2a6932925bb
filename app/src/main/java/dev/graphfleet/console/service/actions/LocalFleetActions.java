package dev.graphfleet.console.service.actions;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.local.LocalControl;
import dev.graphfleet.local.LocalControlClient;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalJob;
import dev.graphfleet.local.LocalNode;
import dev.graphfleet.local.LocalVolumeFleet;
import dev.graphfleet.local.SampleRepositories;
import dev.graphfleet.volume.VolumePolicy;
import dev.graphfleet.volume.monitor.HttpInstanceVolumeReader;
import dev.graphfleet.volume.monitor.InstanceReport;
import dev.graphfleet.volume.monitor.MonitorOptions;
import dev.graphfleet.volume.monitor.MonitorReport;
import dev.graphfleet.volume.monitor.NodeReadOptions;
import dev.graphfleet.volume.monitor.Outcome;
import dev.graphfleet.volume.monitor.RetryDelay;
import dev.graphfleet.volume.monitor.VolumeMonitor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.Consumer;

/**
 * The local fleet's actions. Databases are invalidated over the node API and the volume monitor
 * works on the fleet's simulated volumes from any process. Snapshots, rolling refreshes, rollbacks
 * and restarts are jobs of the fleet's own queue (one at a time, shared with the CLI's
 * {@code fleet snapshot|refresh|rollback}), taken in this process when the console runs the fleet,
 * else through the control endpoint of the {@code ./graphfleet local} that runs it.
 */
public final class LocalFleetActions implements FleetActions {

    /** The name the console gives the local fleet's replicas, which have no Auto Scaling group. */
    public static final String LOCAL_REPLICAS = "local replicas";

    private final LocalFleet fleet;
    private final Path dataDir;
    private final NodeInvalidator invalidator;
    private final Clock clock;
    /** The fleet's control endpoint, looked up each time: the other process may restart with a new one. */
    private final Supplier<Optional<LocalOperations>> find;
    private final LocalOperations operations;

    /**
     * @param fleet the fleet this process runs, or null when another process runs it (its control
     *              endpoint is then found through {@code dataDir})
     */
    public LocalFleetActions(LocalFleet fleet, Path dataDir, NodeInvalidator invalidator, Clock clock) {
        this.fleet = fleet;
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.invalidator = Objects.requireNonNull(invalidator, "invalidator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.operations = fleet == null ? null : new InProcessOperations(fleet);
        this.find = () -> ControlOperations.find(dataDir);
    }

    @Override
    public String unavailable(ActionKind kind) {
        if (kind == ActionKind.INVALIDATE || kind == ActionKind.VOLUME_MONITOR || operations().isPresent()) {
            return null;
        }
        return "the local fleet in " + dataDir + " has no control endpoint (it is not running, or an older "
                + "./graphfleet local runs it): restart it with ./graphfleet local to snapshot, roll or restart its nodes";
    }

    @Override
    public List<String> knownDatabases(FleetInstance instance) {
        if (instance.role() == NodeType.WRITER) {
            return LocalFleet.CUSTOMER_DATABASES;
        }
        return instance.role() == null ? List.of() : SampleRepositories.NAMES;
    }

    @Override
    public List<String> implicitGroups() {
        return List.of(LOCAL_REPLICAS);
    }

    @Override
    public ActionPlan prepare(ActionRequest request) {
        if (request instanceof ActionRequest.Invalidate r) {
            return NodeActions.Invalidation.plan(r);
        }
        if (request instanceof ActionRequest.RunVolumeMonitor r) {
            return volumePlan(r);
        }
        LocalOperations ops = requireOperations();
        List<String> steps = new ArrayList<>();
        if (request instanceof ActionRequest.Snapshot r) {
            steps.addAll(ops.plan(new LocalControl.Request("snapshot", r.repository(), null, null)));
            steps.add("One replica at a time: each serves the new version before the next moves; a replica that "
                    + "fails to attach stops the roll-out and the ones after it are not touched.");
        } else if (request instanceof ActionRequest.RollingRefresh r) {
            steps.add("Move " + replicaList(ops) + " to the newest published version of " + r.repository()
                    + ", one at a time: each serves it before the next moves.");
            steps.add("A pin left by a rollback ends; a replica already on the newest version stays as it is.");
        } else if (request instanceof ActionRequest.Rollback r) {
            steps.addAll(ops.plan(new LocalControl.Request("rollback", r.repository(), null, null)));
            steps.add("One replica at a time; a rolling refresh or a snapshot ends the pin.");
        } else {
            ActionRequest.RestartNode r = (ActionRequest.RestartNode) request;
            LocalNode node = ops.nodes().stream().filter(n -> n.id().equals(r.instanceId())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no node " + r.instanceId() + " in the local fleet"));
            steps.add("Stop " + r.instanceId() + " (" + node.url() + ") and start it again on the same port and data "
                    + "directory.");
            steps.add("Its queries fail until it has attached its repositories again (" + String.join(", ",
                    SampleRepositories.NAMES) + "); the other nodes keep serving.");
        }
        steps.add("It runs as a job of the local fleet: one at a time, shared with graphfleet fleet snapshot, "
                + "refresh and rollback.");
        return new ActionPlan(request, steps, false);
    }

    @Override
    public ActionResult run(ActionRequest request, Consumer<String> progress) {
        if (request instanceof ActionRequest.Invalidate r) {
            return NodeActions.Invalidation.run(invalidator, r, progress);
        }
        if (request instanceof ActionRequest.RunVolumeMonitor r) {
            return volumeApply(r);
        }
        LocalControl.Request job;
        if (request instanceof ActionRequest.Snapshot r) {
            job = new LocalControl.Request("snapshot", r.repository(), null, null);
        } else if (request instanceof ActionRequest.RollingRefresh r) {
            job = new LocalControl.Request("refresh", r.repository(), null, null);
        } else if (request instanceof ActionRequest.Rollback r) {
            job = new LocalControl.Request("rollback", r.repository(), null, null);
        } else {
            job = new LocalControl.Request("restart", null, null, ((ActionRequest.RestartNode) request).instanceId());
        }
        return runJob(requireOperations(), request, job, progress);
    }

    private static ActionResult runJob(LocalOperations ops, ActionRequest request, LocalControl.Request job,
                                       Consumer<String> progress) {
        LocalControlClient.Started started = ops.start(job);
        if (started.job() == null) {
            return ActionResult.failed(request, started.refusal());
        }
        if (!started.started()) {
            LocalJob running = started.job();
            return ActionResult.failed(request, "job " + running.describe() + " has been running since "
                    + running.startedAt() + "; the local fleet runs one operation at a time: wait for it to finish");
        }
        progress.accept("started " + started.job().describe());
        LocalJob done = ops.await(started.job().id(), progress);
        List<String> steps = new ArrayList<>(done.progress());
        if (done.status() == LocalJob.Status.SUCCEEDED) {
            return ActionResult.ok(request, request.title() + ": done, " + done.result() + " (job " + done.id() + ")", steps);
        }
        steps.add(done.error());
        return new ActionResult(request, false, request.title() + " failed: " + done.error(), steps);
    }

    /** The local fleet restarts replicas only; the writer and master hold the data everything else reads. */
    @Override
    public boolean canRestart(FleetInstance instance) {
        return instance.role() == NodeType.SHARED_REPLICA && operations().isPresent();
    }

    private ActionPlan volumePlan(ActionRequest.RunVolumeMonitor request) {
        MonitorReport report = monitor(true);
        List<String> steps = new ArrayList<>();
        steps.add("Dry run of the volume monitor over the local fleet's simulated volumes (nothing changed yet):");
        report.instances().forEach(r -> steps.add(line(r)));
        boolean nothing = report.instances().stream().allMatch(r -> r.outcome() == Outcome.NONE);
        steps.add(nothing ? "Nothing to expand: confirming runs the monitor again and changes nothing."
                : "Confirming runs the monitor again for real: it decides anew and acts on what it finds then.");
        return new ActionPlan(request, steps, nothing);
    }

    private ActionResult volumeApply(ActionRequest.RunVolumeMonitor request) {
        MonitorReport report = monitor(false);
        if (fleet != null) {
            fleet.refreshVolumes(); // show the grown volumes at the next refresh, not a second later
        }
        List<String> steps = report.instances().stream().map(LocalFleetActions::line).toList();
        long expanded = report.count(Outcome.EXPANDED) + report.count(Outcome.EXPANSION_PENDING);
        long failed = report.count(Outcome.FAILED);
        String summary = "Volume monitor: " + expanded + " expanded, " + report.count(Outcome.FILESYSTEM_GROWN)
                + " filesystem(s) grown, " + failed + " failed, of " + report.instances().size() + " volumes";
        return report.ok() ? ActionResult.ok(request, summary, steps) : new ActionResult(request, false, summary, steps);
    }

    private MonitorReport monitor(boolean dryRun) {
        LocalVolumeFleet volumes = LocalVolumeFleet.open(dataDir, clock);
        NodeReadOptions read = NodeReadOptions.defaults();
        HttpInstanceVolumeReader reader = HttpInstanceVolumeReader.withKeyPerInstance(
                HttpInstanceVolumeReader.newClient(read), read, volumes::apiKey, RetryDelay.system());
        VolumeMonitor monitor = VolumeMonitor.builder(volumes.policy(VolumePolicy.defaults()), reader)
                .cloudWatch(volumes.cloudWatch())
                .actions(volumes.actions())
                .registry(volumes.registry())
                .options(volumes.monitorOptions(MonitorOptions.defaults()))
                .clock(clock)
                .build();
        try {
            return monitor.run(volumes.instances(), false, dryRun);
        } catch (Exception e) {
            throw new IllegalStateException("the volume monitor could not list the local fleet: " + e.getMessage(), e);
        }
    }

    /** One instance of a monitor report: which volume, how full, what was decided or done. */
    static String line(InstanceReport r) {
        StringBuilder s = new StringBuilder(r.instance().instanceId());
        if (r.volumeId() != null) {
            s.append(" · ").append(r.volumeId());
        }
        if (r.reading() != null) {
            s.append(String.format(Locale.ROOT, " · %.1f %% of %.1f GB", r.reading().usage() * 100,
                    r.reading().sizeGb()));
        }
        s.append(" → ").append(r.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (r.decision() != null) {
            s.append(": ").append(r.decision().summary());
        }
        if (r.error() != null) {
            s.append(" (error: ").append(r.error()).append(')');
        }
        return s.toString();
    }

    private Optional<LocalOperations> operations() {
        return operations != null ? Optional.of(operations) : find.get();
    }

    private LocalOperations requireOperations() {
        return operations().orElseThrow(() -> new IllegalStateException(unavailable(ActionKind.SNAPSHOT)));
    }

    private static String replicaList(LocalOperations ops) {
        List<String> ids = ops.nodes().stream().filter(n -> n.type() == NodeType.SHARED_REPLICA)
                .map(LocalNode::id).toList();
        return ids.isEmpty() ? "no replicas" : String.join(", ", ids);
    }
}
