package dev.graphfleet.console.service;

import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.NodeSummary;
import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.VolumeModification;
import dev.graphfleet.volume.monitor.CloudWatchDiskMetrics;
import dev.graphfleet.volume.monitor.DiskReading;
import dev.graphfleet.volume.monitor.MetricsSource;
import dev.graphfleet.volume.monitor.VolumeActions;
import dev.graphfleet.volume.monitor.VolumeDescription;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads, for each instance of a snapshot, what the volume monitor would: the CloudWatch fallback when
 * the node sent no volume figures, and the volume's modification from the provider (EC2, or the local
 * fleet's simulated volumes). The same engine parts the monitor uses ({@link VolumeActions},
 * {@link CloudWatchDiskMetrics}); read-only, never modifying anything. Runs on the refresh thread only.
 */
public final class VolumeWatch {

    /** Modifications remembered per volume. */
    static final int EXPANSIONS_KEPT = 8;

    private final Supplier<VolumeActions> providerFactory;
    private final Supplier<CloudWatchDiskMetrics> cloudWatchFactory;
    private VolumeActions provider;
    private CloudWatchDiskMetrics cloudWatch;
    private final Map<String, Long> fallbacks = new HashMap<>();
    private final Map<String, Deque<VolumeFacts.Expansion>> expansions = new HashMap<>();

    public VolumeWatch(VolumeActions provider, CloudWatchDiskMetrics cloudWatch) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(cloudWatch, "cloudWatch");
        this.providerFactory = () -> provider;
        this.cloudWatchFactory = () -> cloudWatch;
    }

    private VolumeWatch(Supplier<VolumeActions> provider, Supplier<CloudWatchDiskMetrics> cloudWatch) {
        this.providerFactory = provider;
        this.cloudWatchFactory = cloudWatch;
    }

    /**
     * Parts built at the first read, on the refresh thread: AWS SDK clients take a while to build, and the
     * window should not wait for them.
     */
    public static VolumeWatch lazy(Supplier<VolumeActions> provider, Supplier<CloudWatchDiskMetrics> cloudWatch) {
        return new VolumeWatch(Objects.requireNonNull(provider, "provider"), Objects.requireNonNull(cloudWatch,
                "cloudWatch"));
    }

    /** Nothing beyond the nodes' figures: no provider, no CloudWatch (a plain list of node URLs). */
    public static VolumeWatch nodesOnly() {
        return new VolumeWatch(VolumeActions.none(),
                CloudWatchDiskMetrics.unavailable("a list of node URLs has no AWS source"));
    }

    /** The facts of every instance of {@code snapshot}, by instance id. */
    public Map<String, VolumeFacts> read(FleetSnapshot snapshot) {
        if (provider == null) {
            provider = providerFactory.get();
            cloudWatch = cloudWatchFactory.get();
        }
        Map<String, VolumeFacts> out = new HashMap<>();
        for (FleetInstance instance : snapshot.instances()) {
            out.put(instance.id(), read(instance));
        }
        return out;
    }

    private VolumeFacts read(FleetInstance instance) {
        dev.graphfleet.volume.monitor.WatchedInstance target = target(instance);
        NodeSummary.VolumeUsage fromNode = instance.node() == null ? null : instance.node().dataVolume();
        MetricsSource source = MetricsSource.NODE;
        DiskReading fallback = null;
        String reason = null;
        if (fromNode == null) {
            reason = instance.nodeError() != null ? instance.nodeError()
                    : instance.healthDetail() != null ? instance.healthDetail() : "the node sent no volume figures";
            try {
                fallback = cloudWatch.read(target);
                source = MetricsSource.CLOUDWATCH;
                fallbacks.merge(instance.id(), 1L, Long::sum);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                source = MetricsSource.NONE;
            } catch (Exception e) {
                source = MetricsSource.NONE;
                reason = reason + "; " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        VolumeDescription description = null;
        String describeError = null;
        try {
            description = provider.describe(target).orElse(null);
        } catch (Exception e) {
            describeError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        VolumeModification modification = description == null ? VolumeModification.none() : description.modification();
        List<VolumeFacts.Expansion> seen = description == null ? List.of()
                : remember(description, modification, fromNode);
        return new VolumeFacts(source, fallback, reason, fallbacks.getOrDefault(instance.id(), 0L),
                description == null ? null : description.volumeId(), description == null ? 0 : description.sizeGb(),
                modification, seen, describeError);
    }

    /**
     * Keeps each modification the provider showed: it only ever describes the latest, so the console
     * remembers the earlier ones it saw. Sizes only grow, so the target size tells modifications apart.
     */
    private List<VolumeFacts.Expansion> remember(VolumeDescription description, VolumeModification m,
                                                 NodeSummary.VolumeUsage fromNode) {
        Deque<VolumeFacts.Expansion> kept = expansions.computeIfAbsent(description.volumeId(), id -> new ArrayDeque<>());
        if (m.state() == ModificationState.NONE || m.targetSizeGb() <= 0) {
            return List.copyOf(kept);
        }
        VolumeFacts.Expansion last = kept.peekLast();
        if (last != null && last.toSizeGb() == m.targetSizeGb()) {
            kept.removeLast();
            kept.addLast(new VolumeFacts.Expansion(last.since(), last.fromSizeGb(), last.toSizeGb(), m.state()));
        } else {
            // the filesystem still has the old size while the volume is modifying
            long from = last != null ? last.toSizeGb()
                    : fromNode != null && m.state().active() && fromNode.sizeGb() < m.targetSizeGb()
                    ? Math.round(fromNode.sizeGb()) : 0;
            kept.addLast(new VolumeFacts.Expansion(m.since(), from, m.targetSizeGb(), m.state()));
            while (kept.size() > EXPANSIONS_KEPT) {
                kept.removeFirst();
            }
        }
        return List.copyOf(kept);
    }

    /** The instance as the volume monitor's parts know it: id, role, node URL and data mount. */
    static dev.graphfleet.volume.monitor.WatchedInstance target(FleetInstance instance) {
        NodeSummary.VolumeUsage v = instance.node() == null ? null : instance.node().dataVolume();
        String mount = v != null && v.mountPoint() != null ? v.mountPoint()
                : "shared_replica".equals(instance.roleName()) ? "/data"
                : dev.graphfleet.volume.monitor.WatchedInstance.DEFAULT_DATA_MOUNT;
        return new dev.graphfleet.volume.monitor.WatchedInstance(instance.id(), instance.roleName(), instance.endpoint(),
                mount);
    }
}
