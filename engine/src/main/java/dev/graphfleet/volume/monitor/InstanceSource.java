package dev.graphfleet.volume.monitor;

import java.util.List;

/**
 * Where the instances to check come from: a list of node URLs, the local fleet, or EC2 discovery
 * (the last two arrive with the fleet model). A failure to list is a failure of the whole run.
 */
@FunctionalInterface
public interface InstanceSource {

    List<WatchedInstance> instances() throws Exception;

    static InstanceSource of(List<WatchedInstance> instances) {
        List<WatchedInstance> copy = List.copyOf(instances);
        return () -> copy;
    }
}
