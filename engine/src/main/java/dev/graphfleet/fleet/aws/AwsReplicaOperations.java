package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.FleetSource;
import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.fleet.refresh.LaunchTemplateCheck;
import dev.graphfleet.fleet.refresh.TemplateEdit;
import dev.graphfleet.fleet.refresh.Verification;
import dev.graphfleet.fleet.snapshot.MasterChoice;
import dev.graphfleet.fleet.snapshot.SnapshotHistory;
import dev.graphfleet.fleet.snapshot.SnapshotJob;
import dev.graphfleet.fleet.snapshot.SnapshotJobs;
import dev.graphfleet.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
    private final AwsSnapshotTaker snapshotTaker;
    private final AwsGroupRefresher refresher;
    private AutoCloseable resources;

    public AwsReplicaOperations(Ec2Inventory inventory, Ec2Snapshots snapshots, LaunchTemplates templates,
                                AutoScalingActions groups, FleetSource fleet, SnapshotJobs jobs, Checkpoint checkpoint,
                                Settings settings, Clock clock, Sleeper sleeper) {
        this.snapshotTaker = new AwsSnapshotTaker(inventory, snapshots, jobs, checkpoint, settings, clock, sleeper);
        this.refresher = new AwsGroupRefresher(inventory, templates, groups, fleet, settings, clock, sleeper);
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

    /**
     * Snapshots the master of {@code graphId} and keeps {@code keep} completed snapshots (the new one
     * included). Fails with a sentence naming the step and the fix.
     */
    public SnapshotOutcome snapshot(String graphId, int keep, String requestedBy, boolean dryRun,
                                    Consumer<String> progress) throws InterruptedException {
        return snapshotTaker.snapshot(graphId, keep, requestedBy, dryRun, progress);
    }

    /**
     * Rolls replica group {@code groupName} onto {@code target} (a snapshot id), or — {@code target}
     * null — back to the snapshot before the one its launch template boots ({@code rollback}) or onto the
     * latest completed one.
     */
    public RefreshOutcome refresh(String groupName, String graphId, String target, boolean rollback, boolean dryRun,
                                  Consumer<String> progress) throws InterruptedException {
        return refresher.refresh(groupName, graphId, target, rollback, dryRun, progress);
    }
}
