package dev.graphfleet.console.service.actions;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.local.LocalFleet;
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
import java.util.function.Consumer;

/**
 * The local fleet's actions. Databases are invalidated over the node API and the volume monitor
 * works on the fleet's simulated volumes from any process; snapshots, rolling refreshes, rollbacks
 * and restarts need the {@link LocalFleet} object, so only the console that started the fleet in
 * its own process can take them.
 */
public final class LocalFleetActions implements FleetActions {

    /** The name the console gives the local fleet's replicas, which have no Auto Scaling group. */
    public static final String LOCAL_REPLICAS = "local replicas";

    private final LocalFleet fleet;
    private final Path dataDir;
    private final NodeInvalidator invalidator;
    private final Clock clock;

    /**
     * @param fleet the fleet this process runs, or null when another process runs it
     */
    public LocalFleetActions(LocalFleet fleet, Path dataDir, NodeInvalidator invalidator, Clock clock) {
        this.fleet = fleet;
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.invalidator = Objects.requireNonNull(invalidator, "invalidator");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String unavailable(ActionKind kind) {
        if (kind == ActionKind.INVALIDATE || kind == ActionKind.VOLUME_MONITOR || fleet != null) {
            return null;
        }
        return "the local fleet runs in another process (./graphfleet local): only the console that started it can "
                + "snapshot, roll or restart its nodes; stop it and run ./graphfleet console, or use ./graphfleet local";
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
        if (request instanceof ActionRequest.Snapshot r) {
            String latest = requireFleet().latestVersion(r.repository());
            return ActionPlan.of(r,
                    "Checkpoint " + r.repository() + " on master-1 and publish it as " + next(latest)
                            + " (the newest now is " + latest + ") to the local store.",
                    "Then move " + replicaList() + " to " + r.repository() + " " + next(latest)
                            + ", one at a time: each serves it before the next moves.",
                    "A replica that fails to attach stops the roll-out; the ones after it are not touched.");
        }
        if (request instanceof ActionRequest.RollingRefresh r) {
            String latest = requireFleet().latestVersion(r.repository());
            return ActionPlan.of(r,
                    "Move " + replicaList() + " to " + r.repository() + " " + latest
                            + " (the newest published version), one at a time.",
                    "Each replica attaches " + latest + " and serves it before the next moves; a pin left by a "
                            + "rollback ends.");
        }
        if (request instanceof ActionRequest.Rollback r) {
            String latest = requireFleet().latestVersion(r.repository());
            String previous = previous(r.repository(), latest);
            return ActionPlan.of(r,
                    "Move " + replicaList() + " back to " + r.repository() + " " + previous
                            + " (the version before the newest, " + latest + "), one at a time.",
                    r.repository() + " stays pinned to " + previous + " until a rolling refresh or a snapshot.");
        }
        ActionRequest.RestartNode r = (ActionRequest.RestartNode) request;
        LocalNode node = requireFleet().nodes().stream().filter(n -> n.id().equals(r.instanceId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no node " + r.instanceId()));
        return ActionPlan.of(r,
                "Stop " + r.instanceId() + " (" + node.url() + ") and start it again on the same port "
                        + "and data directory.",
                "Its queries fail until it has attached its repositories again (" + String.join(", ",
                        SampleRepositories.NAMES) + "); the other nodes keep serving.");
    }

    @Override
    public ActionResult run(ActionRequest request, Consumer<String> progress) {
        List<String> steps = new ArrayList<>();
        Consumer<String> both = line -> {
            steps.add(line);
            progress.accept(line);
        };
        if (request instanceof ActionRequest.Invalidate r) {
            return NodeActions.Invalidation.run(invalidator, r, progress);
        }
        if (request instanceof ActionRequest.RunVolumeMonitor r) {
            return volumeApply(r);
        }
        if (request instanceof ActionRequest.Snapshot r) {
            String version = requireFleet().snapshot(r.repository(), both).version().toString();
            return ActionResult.ok(r, "Snapshot of " + r.repository() + " published as " + version
                    + " and rolled out to " + replicaList(), steps);
        }
        if (request instanceof ActionRequest.RollingRefresh r) {
            String version = requireFleet().refresh(r.repository(), both);
            return ActionResult.ok(r, replicaList() + " moved to " + r.repository() + " " + version, steps);
        }
        if (request instanceof ActionRequest.Rollback r) {
            String version = requireFleet().rollback(r.repository(), null, both);
            return ActionResult.ok(r, replicaList() + " rolled back to " + r.repository() + " " + version, steps);
        }
        ActionRequest.RestartNode r = (ActionRequest.RestartNode) request;
        both.accept("restarting " + r.instanceId());
        requireFleet().restartReplica(r.instanceId());
        return ActionResult.ok(r, r.instanceId() + " restarted and serving its repositories again", steps);
    }

    /** The local fleet restarts replicas only; the writer and master hold the data everything else reads. */
    @Override
    public boolean canRestart(FleetInstance instance) {
        return fleet != null && instance.role() == NodeType.SHARED_REPLICA;
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

    private LocalFleet requireFleet() {
        if (fleet == null) {
            throw new IllegalStateException(unavailable(ActionKind.SNAPSHOT));
        }
        return fleet;
    }

    private String replicaList() {
        List<String> ids = requireFleet().nodes().stream().filter(n -> n.type() == NodeType.SHARED_REPLICA)
                .map(LocalNode::id).toList();
        return ids.isEmpty() ? "no replicas" : String.join(", ", ids);
    }

    private static String next(String version) {
        return "v" + (number(version) + 1);
    }

    private static String previous(String repository, String latest) {
        int n = number(latest);
        if (n < 2) {
            throw new IllegalStateException(repository + " has only " + latest + ": nothing to roll back to");
        }
        return "v" + (n - 1);
    }

    private static int number(String version) {
        return Integer.parseInt(version.substring(1));
    }
}
