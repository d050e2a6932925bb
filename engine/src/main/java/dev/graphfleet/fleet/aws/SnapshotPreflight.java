package dev.graphfleet.fleet.aws;

import dev.graphfleet.fleet.FleetTags;
import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.fleet.snapshot.DataSnapshot;
import dev.graphfleet.fleet.snapshot.MasterChoice;
import dev.graphfleet.fleet.snapshot.SnapshotHistory;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The checks before a snapshot, changing nothing: no snapshot of the repository is pending, {@link MasterChoice}
 * picks the master, and its data volume exists and is encrypted. Each refusal is a sentence naming the fix.
 */
final class SnapshotPreflight {

    /**
     * What the checks found: the repository's snapshots so far, the master and its data volume, the Service tag
     * the snapshot gets, and the snapshots the running instances' volumes came from (never deleted).
     */
    record Passed(String graphId, SnapshotHistory history, DiscoveredInstance master, String volume, String serviceTag,
                  Set<String> inUse) {
    }

    private final Ec2Inventory inventory;
    private final Ec2Snapshots snapshots;
    private final AwsReplicaOperations.Settings settings;

    SnapshotPreflight(Ec2Inventory inventory, Ec2Snapshots snapshots, AwsReplicaOperations.Settings settings) {
        this.inventory = inventory;
        this.snapshots = snapshots;
        this.settings = settings;
    }

    Passed check(String graphId) {
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
        return new Passed(graphId, history, master, volume, serviceTag(master), inUse(running));
    }

    /** The snapshot's Service: --service, else its master's own Service tag, else the default. */
    private String serviceTag(DiscoveredInstance master) {
        if (settings.service() != null && !settings.service().isBlank()) {
            return settings.service();
        }
        String own = master.tags() == null ? null : master.tags().get(FleetTags.SERVICE);
        return own == null || own.isBlank() ? FleetTags.DEFAULT_SERVICE : own;
    }

    /** Snapshots the running instances' data volumes came from: never deleted. */
    private Set<String> inUse(List<DiscoveredInstance> running) {
        List<String> volumes = running.stream().map(DiscoveredInstance::dataVolumeId).filter(Objects::nonNull).toList();
        Set<String> used = new HashSet<>(inventory.volumeSnapshots(volumes).values());
        used.remove("");
        return used;
    }
}
