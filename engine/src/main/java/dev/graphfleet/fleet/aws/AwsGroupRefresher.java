package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.FleetTags;
import dev.graphfleet.fleet.InstanceRefresh;
import dev.graphfleet.fleet.ReplicaGroup;
import dev.graphfleet.fleet.refresh.LaunchTemplateCheck;
import dev.graphfleet.fleet.refresh.Member;
import dev.graphfleet.fleet.refresh.RefreshPlan;
import dev.graphfleet.fleet.refresh.RefreshPlanner;
import dev.graphfleet.fleet.refresh.TemplateEdit;
import dev.graphfleet.fleet.refresh.Verification;
import dev.graphfleet.fleet.snapshot.DataSnapshot;
import dev.graphfleet.fleet.snapshot.SnapshotChoice;
import dev.graphfleet.fleet.snapshot.SnapshotHistory;
import dev.graphfleet.time.Sleeper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rolls a replica group onto a snapshot: a new launch template version with the data volume from the
 * target ({@link TemplateEdit}), the group pointed at that numbered version (never only the template's
 * default: the original's bug), checked with {@link LaunchTemplateCheck}, a rolling StartInstanceRefresh
 * taking one instance out at a time, then {@link Verification} that every instance runs the target.
 */
final class AwsGroupRefresher {

    private final Ec2Inventory inventory;
    private final LaunchTemplates templates;
    private final AutoScalingActions groups;
    private final FleetSource fleet;
    private final AwsReplicaOperations.Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    AwsGroupRefresher(Ec2Inventory inventory, LaunchTemplates templates, AutoScalingActions groups, FleetSource fleet,
                      AwsReplicaOperations.Settings settings, Clock clock, Sleeper sleeper) {
        this.inventory = inventory;
        this.templates = templates;
        this.groups = groups;
        this.fleet = fleet;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Rolls replica group {@code groupName} onto {@code target} (a snapshot id), or — {@code target}
     * null — back to the snapshot before the one its launch template boots ({@code rollback}) or onto the
     * latest completed one.
     */
    AwsReplicaOperations.RefreshOutcome refresh(String groupName, String graphId, String target, boolean rollback, boolean dryRun,
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
            return new AwsReplicaOperations.RefreshOutcome(to, null, null, null, changes);
        }
        long created = AwsErrors.step("CreateLaunchTemplateVersion", () -> templates.createVersion(launch.templateId(), launched,
                TemplateEdit.withSnapshot(mappings, to), "Graphfleet " + graph + " " + to));
        progress.accept("launch template " + versions.name() + " version " + created + " boots " + to);
        try {
            AwsErrors.step("UpdateAutoScalingGroup " + asg, () -> groups.pointAt(asg, launch.templateId(), created));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "; nothing to undo: the group still launches version "
                    + launch.templateVersion() + " (launch template version " + created + " stays, unused)", e);
        }
        String refreshId;
        try {
            AutoScalingActions.GroupLaunch pointed = groups.launch(asg);
            LaunchTemplates.Versions now = templates.versions(launch.templateId());
            Optional<String> problem = LaunchTemplateCheck.problem(pointed.templateVersion(), now.defaultVersion(),
                    now.latestVersion(), created);
            if (problem.isPresent()) {
                throw new IllegalStateException("pointing " + asg + " at version " + created + ": " + problem.get());
            }
            progress.accept("group " + asg + " launches version " + created);
            refreshId = AwsErrors.step("StartInstanceRefresh of " + asg, () -> groups.startRefresh(asg, minHealthy,
                    maxHealthy, settings.warmupSeconds()));
        } catch (RuntimeException e) {
            throw new GroupUndo(groups, asg, launch, launched, created).after(e, "", progress);
        }
        progress.accept("instance refresh " + refreshId + " started");
        try {
            awaitRefresh(asg, refreshId, progress);
        } catch (RefreshFailed e) {
            throw new GroupUndo(groups, asg, launch, launched, created).after(e, "; instances the refresh already "
                    + "replaced stay on " + to, progress);
        }
        Verification verification = Verification.of(members(groupName), to, desired);
        if (!verification.ok()) {
            throw new IllegalStateException("verifying the group after refresh " + refreshId + ": "
                    + verification.summary());
        }
        progress.accept("verified: " + verification.summary());
        return new AwsReplicaOperations.RefreshOutcome(to, created, refreshId, verification, changes);
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
                    throw new RefreshFailed("instance refresh " + refreshId + " of " + asg + " ended "
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

    /** A refresh that ended and did not succeed (Failed, Cancelled, rolled back): the group is put back. */
    private static final class RefreshFailed extends IllegalStateException {
        RefreshFailed(String message) {
            super(message);
        }
    }

    private List<Member> members(String groupName) {
        FleetSnapshot after = fleet.snapshot();
        return after.replicaGroups().stream()
                .filter(g -> g.name().equals(groupName) || groupName.equals(g.autoScalingGroup())).findFirst()
                .map(g -> Member.of(after, g)).orElse(List.of());
    }
}
