package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.FleetTags;
import dev.graphfleet.fleet.InstanceRefresh;
import dev.graphfleet.fleet.ReplicaGroup;
import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.fleet.refresh.LaunchTemplateCheck;
import dev.graphfleet.fleet.refresh.Member;
import dev.graphfleet.fleet.refresh.RefreshPlan;
import dev.graphfleet.fleet.refresh.RefreshPlanner;
import dev.graphfleet.fleet.refresh.TemplateEdit;
import dev.graphfleet.fleet.refresh.Verification;
import dev.graphfleet.fleet.snapshot.DataSnapshot;
import dev.graphfleet.fleet.snapshot.MasterChoice;
import dev.graphfleet.fleet.snapshot.RetentionPlan;
import dev.graphfleet.fleet.snapshot.SnapshotChoice;
import dev.graphfleet.fleet.snapshot.SnapshotHistory;
import dev.graphfleet.fleet.snapshot.SnapshotJob;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import dev.graphfleet.repo.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Snapshots and rolling refreshes of replica groups in AWS, carried out step by step with every
 * decision taken by the plain rules of {@code fleet.snapshot} and {@code fleet.refresh}:
 *
 * <ul>
 *   <li>snapshot: the master serving the graph id ({@link MasterChoice}), its data volume encrypted or
 *       refused, a checkpoint, CreateSnapshot tagged (graph id, environment, job id) at creation, wait
 *       until completed, then delete what {@link SnapshotHistory#retention} says is beyond {@code keep};
 *   <li>refresh (also rollback): a new launch template version with the data volume from the target
 *       snapshot ({@link TemplateEdit}), the group pointed at that numbered version (never only the
 *       template's default: the original's bug), checked with {@link LaunchTemplateCheck}, a rolling
 *       StartInstanceRefresh taking one instance out at a time, then {@link Verification} that every
 *       instance runs the target and serves.
 * </ul>
 * A dry run reads everything and returns the changes it would make, changing nothing.
 */
public final class AwsReplicaOperations implements AutoCloseable {

    /**
     * @param snapshotTimeout how long a snapshot may take to complete (the original: 60 min)
     * @param refreshTimeout  how long an instance refresh may take
     * @param poll            how often a snapshot or refresh is read while waiting
     * @param warmupSeconds   instance warm-up of the refresh (the original: 300)
     */
    public record Settings(String environment, String service, Duration snapshotTimeout, Duration refreshTimeout,
                           Duration poll, int warmupSeconds) {
        public Settings {
            Objects.requireNonNull(environment, "environment");
        }

        public static Settings defaults(String environment, String service) {
            return new Settings(environment, service, Duration.ofMinutes(60), Duration.ofMinutes(90),
                    Duration.ofSeconds(15), 300);
        }
    }

    /** Makes the master's data durable on its volume before the snapshot (e.g. CHECKPOINT through its API). */
    @FunctionalInterface
    public interface Checkpoint {
        void checkpoint(DiscoveredInstance master, String graphId);
    }

    /** What a snapshot did (or, for a dry run, would do). */
    public record SnapshotOutcome(SnapshotJob job, String snapshotId, List<String> deleted, List<String> changes) {
    }

    /** What a refresh did (or would do). */
    public record RefreshOutcome(String target, Long templateVersion, String refreshId, Verification verification,
                                 List<String> changes) {
    }

    private final Ec2Inventory inventory;
    private final Ec2Snapshots snapshots;
    private final LaunchTemplates templates;
    private final AutoScalingActions groups;
    private final FleetSource fleet;
    private final SnapshotJobs jobs;
    private final Checkpoint checkpoint;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private AutoCloseable resources;

    public AwsReplicaOperations(Ec2Inventory inventory, Ec2Snapshots snapshots, LaunchTemplates templates,
                                AutoScalingActions groups, FleetSource fleet, SnapshotJobs jobs, Checkpoint checkpoint,
                                Settings settings, Clock clock, Sleeper sleeper) {
        this.inventory = inventory;
        this.snapshots = snapshots;
        this.templates = templates;
        this.groups = groups;
        this.fleet = fleet;
        this.jobs = jobs;
        this.checkpoint = checkpoint;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Builds the SDK clients from {@code settings} (default credentials chain) and a fleet source that reads
     * the groups without calling the nodes; close it to release them.
     *
     * @param checkpoint how to checkpoint the master first, or null to snapshot without
     */
    public static AwsReplicaOperations create(AwsSettings aws, Settings settings, Checkpoint checkpoint,
                                              SnapshotJobs jobs) {
        var ec2 = AwsClients.ec2(aws);
        var asg = AwsClients.autoScaling(aws);
        var elb = AwsClients.elb(aws);
        AwsFleetSource fleet = new AwsFleetSource(new Ec2Inventory(ec2), new AutoScalingInventory(asg),
                new TargetHealthReader(elb), null, null, new AwsFleetSource.Options(settings.environment(),
                settings.service(), null, null, false, 8001, dev.graphfleet.fleet.nodes.ProbeOptions.defaults()),
                "aws(" + settings.environment() + ", " + aws.regionLabel() + ")", Clock.systemUTC(), null);
        AwsReplicaOperations operations = new AwsReplicaOperations(new Ec2Inventory(ec2), new Ec2Snapshots(ec2),
                new LaunchTemplates(ec2), new AutoScalingActions(asg), fleet, jobs, checkpoint, settings,
                Clock.systemUTC(), Sleeper.system());
        operations.resources = () -> {
            ec2.close();
            asg.close();
            elb.close();
        };
        return operations;
    }

    @Override
    public void close() {
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                // closing SDK clients does not fail in a way anyone can act on
            }
        }
    }

    // ---- snapshot ---------------------------------------------------------------------------------

    /**
     * Snapshots the master of {@code graphId} and keeps {@code keep} completed snapshots (the new one
     * included). Fails with a sentence naming the step and the fix.
     */
    public SnapshotOutcome snapshot(String graphId, int keep, String requestedBy, boolean dryRun,
                                    Consumer<String> progress) throws InterruptedException {
        SnapshotHistory history = SnapshotHistory.of(inventory.snapshots(settings.environment(), graphId), graphId,
                settings.environment());
        Optional<DataSnapshot> pending = history.all().stream()
                .filter(s -> s.state() == DataSnapshot.State.PENDING).findFirst();
        if (pending.isPresent()) {
            throw new IllegalStateException("snapshot " + pending.get().id() + " of " + graphId + " is still being taken"
                    + Optional.ofNullable(pending.get().tag(FleetTags.JOB_ID)).map(j -> " by job " + j).orElse("")
                    + "; only one snapshot job runs at a time: wait for it to complete");
        }
        List<DiscoveredInstance> running = inventory.instances(settings.environment(), settings.service());
        MasterChoice.Chosen chosen = MasterChoice.choose(running, graphId);
        if (chosen.isRefused()) {
            throw new IllegalStateException("choosing the master: " + chosen.refusal());
        }
        DiscoveredInstance master = chosen.master();
        String volume = master.dataVolumeId();
        boolean encrypted = snapshots.volumeEncrypted(volume).orElseThrow(() -> new IllegalStateException(
                "the data volume " + volume + " of " + master.id() + " no longer exists"));
        if (!encrypted) {
            throw new IllegalStateException(MasterChoice.unencryptedVolume(master.id(), volume));
        }
        Set<String> inUse = inUse(running);
        if (dryRun) {
            List<String> changes = new ArrayList<>();
            changes.add("checkpoint " + graphId + " on shared master " + master.id()
                    + (checkpoint == null ? " (skipped: no checkpoint configured)" : ""));
            changes.add("snapshot its data volume " + volume + " (encrypted), tagged " + FleetTags.GRAPH_ID + "=" + graphId
                    + ", " + FleetTags.ENVIRONMENT + "=" + settings.environment() + ", " + FleetTags.JOB_ID + "=<new job id>");
            DataSnapshot next = new DataSnapshot("(new)", volume, DataSnapshot.State.COMPLETED, null, true,
                    clock.instant(), null, java.util.Map.of(FleetTags.GRAPH_ID, graphId,
                    FleetTags.ENVIRONMENT, settings.environment()));
            List<DataSnapshot> after = new ArrayList<>(history.all());
            after.add(next);
            RetentionPlan plan = SnapshotHistory.of(after, graphId, settings.environment()).retention(keep, inUse);
            changes.add(plan.delete().isEmpty() ? "delete no snapshot (keep " + keep + ")"
                    : "then delete " + String.join(", ", plan.deleteIds()) + " (beyond keep " + keep + ")");
            return new SnapshotOutcome(null, null, List.of(), changes);
        }
        SnapshotJobs.Start start = jobs.start(graphId, settings.environment(), requestedBy);
        if (start instanceof SnapshotJobs.Start.AlreadyRunning running1) {
            throw new IllegalStateException(running1.message());
        }
        SnapshotJob job = start.job();
        try {
            progress.accept("job " + job.id() + ": snapshot " + graphId + " of shared master " + master.id()
                    + ", volume " + volume);
            if (checkpoint != null) {
                step("checkpoint on " + master.id(), () -> checkpoint.checkpoint(master, graphId));
                progress.accept("checkpointed " + graphId + " on " + master.id());
            }
            String id = step("CreateSnapshot of " + volume, () -> snapshots.create(volume,
                    "Graphfleet " + graphId + " (" + settings.environment() + "), job " + job.id(),
                    job.snapshotTags(settings.service())));
            progress.accept("snapshot " + id + " started");
            awaitCompleted(id, progress);
            RetentionPlan plan = SnapshotHistory.of(inventory.snapshots(settings.environment(), graphId), graphId,
                    settings.environment()).retention(keep, inUse);
            List<String> deleted = new ArrayList<>();
            for (String old : plan.deleteIds()) {
                step("DeleteSnapshot " + old, () -> snapshots.delete(old));
                deleted.add(old);
                progress.accept("deleted " + old + " (beyond keep " + keep + ")");
            }
            SnapshotJob done = jobs.succeeded(job.id(), id);
            return new SnapshotOutcome(done, id, deleted, List.of());
        } catch (RuntimeException | InterruptedException e) {
            jobs.failed(job.id(), e.getMessage());
            throw e;
        }
    }

    private void awaitCompleted(String snapshotId, Consumer<String> progress) throws InterruptedException {
        Instant deadline = clock.instant().plus(settings.snapshotTimeout());
        String last = null;
        while (true) {
            DataSnapshot s = snapshots.describe(snapshotId).orElseThrow(() -> new IllegalStateException(
                    "waiting for " + snapshotId + ": it disappeared"));
            if (s.isCompleted()) {
                progress.accept("snapshot " + snapshotId + " completed");
                return;
            }
            if (s.state() == DataSnapshot.State.ERROR) {
                throw new IllegalStateException("waiting for " + snapshotId + ": EBS reports state error; take it again");
            }
            if (s.progress() != null && !s.progress().equals(last)) {
                progress.accept("snapshot " + snapshotId + " " + s.progress());
                last = s.progress();
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new IllegalStateException("waiting for " + snapshotId + ": not completed within "
                        + settings.snapshotTimeout().toMinutes() + " min (it goes on in EBS; refresh once it completes)");
            }
            sleeper.sleep(settings.poll());
        }
    }

    /** Snapshots the running instances' data volumes came from: never deleted. */
    private Set<String> inUse(List<DiscoveredInstance> running) {
        List<String> volumes = running.stream().map(DiscoveredInstance::dataVolumeId).filter(Objects::nonNull).toList();
        Set<String> used = new HashSet<>(inventory.volumeSnapshots(volumes).values());
        used.remove("");
        return used;
    }

    // ---- refresh ----------------------------------------------------------------------------------

    /**
     * Rolls replica group {@code groupName} onto {@code target} (a snapshot id), or — {@code target}
     * null — back to the snapshot before the one its launch template boots ({@code rollback}) or onto the
     * latest completed one.
     */
    public RefreshOutcome refresh(String groupName, String graphId, String target, boolean rollback, boolean dryRun,
                                  Consumer<String> progress) throws InterruptedException {
        FleetSnapshot before = fleet.snapshot();
        ReplicaGroup group = before.replicaGroups().stream()
                .filter(g -> g.name().equals(groupName) || groupName.equals(g.autoScalingGroup())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no replica group " + groupName + " in "
                        + settings.environment() + "; the groups are "
                        + before.replicaGroups().stream().map(ReplicaGroup::name).toList()));
        String asg = group.autoScalingGroup();
        AutoScalingActions.GroupLaunch launch = groups.launch(asg);
        LaunchTemplates.Versions versions = templates.versions(launch.templateId());
        long launched = LaunchTemplateCheck.resolve(launch.templateVersion(), versions.defaultVersion(),
                versions.latestVersion());
        List<TemplateEdit.Mapping> mappings = templates.mappings(launch.templateId(), launched);
        String current = TemplateEdit.dataVolume(mappings).map(TemplateEdit.Mapping::snapshotId).orElse(null);
        String graph = graphId != null ? graphId : launch.tags().get(FleetTags.GRAPH_ID);
        if (graph == null) {
            throw new IllegalArgumentException("which repository does " + groupName + " serve? tag its Auto Scaling"
                    + " group " + FleetTags.GRAPH_ID + "=<id>, set replicas." + groupName + ".snapshot.graph_id, or pass --graph");
        }
        SnapshotHistory history = SnapshotHistory.of(inventory.snapshots(settings.environment(), graph), graph,
                settings.environment());
        String to = chooseTarget(history, target, rollback, current);
        List<Member> members = Member.of(before, group);
        RefreshPlan plan = RefreshPlanner.plan(members, to);
        int desired = group.scaling() == null ? members.size() : group.scaling().desired();
        if (plan.isRefused() && desired > 1) {
            throw new IllegalStateException("planning the refresh: " + plan.refusal());
        }
        long next = versions.latestVersion() + 1;
        int minHealthy = TemplateEdit.minHealthyPercentage(desired);
        int maxHealthy = desired <= 1 ? 200 : 100;
        List<String> changes = List.of(
                "launch template " + versions.name() + " (" + launch.templateId() + "): new version " + next
                        + " from version " + launched + ", data volume " + current + " -> " + to,
                "Auto Scaling group " + asg + ": launch template version " + launch.templateVersion() + " -> " + next
                        + " (the template's default version " + versions.defaultVersion() + " is left as it is)",
                "instance refresh (rolling, min healthy " + minHealthy + "%, max healthy " + maxHealthy + "%, warm-up "
                        + settings.warmupSeconds() + " s): replace " + (plan.replaceOrder().isEmpty() ? "none"
                        : String.join(", ", plan.replaceOrder())) + " one at a time"
                        + (plan.alreadyOnTarget().isEmpty() ? "" : "; already on " + to + ": "
                        + String.join(", ", plan.alreadyOnTarget())),
                "verify every instance runs " + to + " and serves");
        if (dryRun) {
            return new RefreshOutcome(to, null, null, null, changes);
        }
        long created = step("CreateLaunchTemplateVersion", () -> templates.createVersion(launch.templateId(), launched,
                TemplateEdit.withSnapshot(mappings, to), "Graphfleet " + graph + " " + to));
        progress.accept("launch template " + versions.name() + " version " + created + " boots " + to);
        step("UpdateAutoScalingGroup " + asg, () -> groups.pointAt(asg, launch.templateId(), created));
        AutoScalingActions.GroupLaunch pointed = groups.launch(asg);
        LaunchTemplates.Versions now = templates.versions(launch.templateId());
        Optional<String> problem = LaunchTemplateCheck.problem(pointed.templateVersion(), now.defaultVersion(),
                now.latestVersion(), created);
        if (problem.isPresent()) {
            throw new IllegalStateException("pointing " + asg + " at version " + created + ": " + problem.get());
        }
        progress.accept("group " + asg + " launches version " + created);
        String refreshId = step("StartInstanceRefresh of " + asg, () -> groups.startRefresh(asg, minHealthy, maxHealthy,
                settings.warmupSeconds()));
        progress.accept("instance refresh " + refreshId + " started");
        awaitRefresh(asg, refreshId, progress);
        Verification verification = Verification.of(members(groupName), to, desired);
        if (!verification.ok()) {
            throw new IllegalStateException("verifying the group after refresh " + refreshId + ": "
                    + verification.summary());
        }
        progress.accept("verified: " + verification.summary());
        return new RefreshOutcome(to, created, refreshId, verification, changes);
    }

    private static String chooseTarget(SnapshotHistory history, String target, boolean rollback, String current) {
        SnapshotChoice choice;
        if (target != null) {
            Optional<DataSnapshot> named = history.find(target);
            if (named.isEmpty() || !named.get().isCompleted()) {
                throw new IllegalArgumentException(target + " is not a completed snapshot of this group's repository"
                        + " (tags " + FleetTags.GRAPH_ID + ", " + FleetTags.ENVIRONMENT + "); the completed ones are "
                        + history.completed().stream().map(DataSnapshot::id).toList());
            }
            if (!named.get().encrypted()) {
                throw new IllegalArgumentException(target + " is not encrypted; replicas boot only from encrypted snapshots");
            }
            return target;
        }
        if (rollback) {
            if (current == null) {
                throw new IllegalStateException("the group's launch template names no data snapshot to roll back from;"
                        + " pass --to snap-...");
            }
            choice = history.rollbackFrom(current);
        } else {
            choice = history.latest();
        }
        if (choice instanceof SnapshotChoice.Refused refused) {
            throw new IllegalStateException("choosing the snapshot: " + refused.reason());
        }
        return choice.chosen().orElseThrow().id();
    }

    private void awaitRefresh(String asg, String refreshId, Consumer<String> progress) throws InterruptedException {
        Instant deadline = clock.instant().plus(settings.refreshTimeout());
        Integer lastPercent = null;
        while (true) {
            InstanceRefresh r = groups.refresh(asg, refreshId);
            if (!r.isActive()) {
                if (!"Successful".equalsIgnoreCase(r.status())) {
                    throw new IllegalStateException("instance refresh " + refreshId + " of " + asg + " ended "
                            + r.status() + (r.statusReason() == null ? "" : ": " + r.statusReason()));
                }
                progress.accept("instance refresh " + refreshId + " successful");
                return;
            }
            if (r.percentComplete() != null && !r.percentComplete().equals(lastPercent)) {
                progress.accept("instance refresh " + refreshId + " " + r.status() + " " + r.percentComplete() + "%");
                lastPercent = r.percentComplete();
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new IllegalStateException("instance refresh " + refreshId + " of " + asg + " did not finish within "
                        + settings.refreshTimeout().toMinutes() + " min; it goes on in Auto Scaling");
            }
            sleeper.sleep(settings.poll());
        }
    }

    private List<Member> members(String groupName) {
        FleetSnapshot after = fleet.snapshot();
        return after.replicaGroups().stream()
                .filter(g -> g.name().equals(groupName) || groupName.equals(g.autoScalingGroup())).findFirst()
                .map(g -> Member.of(after, g)).orElse(List.of());
    }

    /** Runs one AWS call, naming it when it fails. */
    private static <T> T step(String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException(AwsErrors.describe(what, e), e);
        }
    }

    private static void step(String what, Runnable call) {
        step(what, () -> {
            call.run();
            return null;
        });
    }
}
