package dev.graphfleet.fleet.snapshot;

import dev.graphfleet.fleet.FleetTags;
import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import java.util.List;

/**
 * Which shared master to snapshot for a repository, and whether its data volume may be used. The
 * original took the first healthy master whatever the repository; here the master must be the one
 * that serves the graph id (tagged {@code GraphId}), or the only master there is.
 */
public final class MasterChoice {

    private MasterChoice() {
    }

    /** The master to snapshot for {@code graphId} among running instances, or why there is none. */
    public static Chosen choose(List<DiscoveredInstance> instances, String graphId) {
        List<DiscoveredInstance> masters = instances.stream().filter(i -> "shared_master".equals(i.role())).toList();
        if (masters.isEmpty()) {
            return Chosen.refused("no running shared_master is tagged " + FleetTags.ROLE + "=shared_master in this"
                    + " environment; start the master (or check its tags) before taking a snapshot");
        }
        List<DiscoveredInstance> tagged = masters.stream().filter(m -> graphId.equals(m.tags().get(FleetTags.GRAPH_ID)))
                .toList();
        List<DiscoveredInstance> candidates = !tagged.isEmpty() ? tagged : masters.size() == 1 ? masters : List.of();
        if (candidates.isEmpty()) {
            return Chosen.refused(masters.size() + " shared masters run and none is tagged " + FleetTags.GRAPH_ID + "="
                    + graphId + " (" + masters.stream().map(DiscoveredInstance::id).toList() + "); tag the master that"
                    + " serves " + graphId + " so the right volume is snapshotted");
        }
        if (candidates.size() > 1) {
            return Chosen.refused(candidates.size() + " shared masters are tagged " + FleetTags.GRAPH_ID + "=" + graphId
                    + " (" + candidates.stream().map(DiscoveredInstance::id).toList() + "); exactly one may serve it");
        }
        DiscoveredInstance master = candidates.get(0);
        if (master.dataVolumeId() == null) {
            return Chosen.refused("shared master " + master.id() + " has no data volume at /dev/xvdf or /dev/sdf");
        }
        return new Chosen(master, null);
    }

    /**
     * Replicas boot only from encrypted snapshots, and a snapshot of an unencrypted volume is unencrypted:
     * refuse before taking one.
     */
    public static String unencryptedVolume(String instanceId, String volumeId) {
        return "the data volume " + volumeId + " of shared master " + instanceId + " is not encrypted, and replicas boot"
                + " only from encrypted snapshots; encrypt it first (snapshot it, copy the snapshot with --encrypted,"
                + " create an encrypted volume from the copy and attach it in place) and run the snapshot again";
    }

    /** The master, or the reason there is none ({@code master} null). */
    public record Chosen(DiscoveredInstance master, String refusal) {
        static Chosen refused(String reason) {
            return new Chosen(null, reason);
        }

        public boolean isRefused() {
            return refusal != null;
        }
    }
}
