package dev.graphfleet.volume.monitor;

import dev.graphfleet.volume.registry.InMemoryVolumeRegistry;
import dev.graphfleet.volume.registry.VolumeRegistry;
import java.net.URI;
import java.util.List;

/**
 * What a volume check runs against: where the instances come from and what can be done to their volumes.
 * One per fleet source: node URLs now; the local fleet and an AWS account/region/environment plug in here.
 */
public interface VolumeFleet {

    /** One line naming the source, for report headers. */
    String description();

    InstanceSource instances();

    VolumeActions actions();

    CloudWatchDiskMetrics cloudWatch();

    VolumeRegistry registry();

    /**
     * Nodes known only by URL: no volume provider (nothing can be modified; the plan is reported), no CloudWatch,
     * a registry in this process.
     */
    static VolumeFleet ofNodes(List<URI> endpoints) {
        List<WatchedInstance> instances = endpoints.stream().map(WatchedInstance::ofNode).toList();
        VolumeRegistry registry = new InMemoryVolumeRegistry();
        return new VolumeFleet() {
            @Override public String description() { return endpoints.size() + " node URL(s)"; }
            @Override public InstanceSource instances() { return InstanceSource.of(instances); }
            @Override public VolumeActions actions() { return VolumeActions.none(); }
            @Override public CloudWatchDiskMetrics cloudWatch() {
                return CloudWatchDiskMetrics.unavailable("node URLs have no AWS source");
            }
            @Override public VolumeRegistry registry() { return registry; }
        };
    }
}
