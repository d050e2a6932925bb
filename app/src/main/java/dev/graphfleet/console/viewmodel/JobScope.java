package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.actions.ActionRequest;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.config.NodeType;
import java.util.function.Predicate;

/**
 * The instances a job may take down or change while it runs: a rollout's replicas, a restarted node.
 * What happens to them meanwhile is the job's doing, not an alarm.
 */
final class JobScope {

    private JobScope() {
    }

    static Predicate<FleetInstance> of(ActionRequest request) {
        if (request instanceof ActionRequest.RestartNode r) {
            return i -> i.id().equals(r.instanceId());
        }
        if (request instanceof ActionRequest.Invalidate r) {
            return i -> i.id().equals(r.instanceId());
        }
        if (request instanceof ActionRequest.Snapshot r) {
            return replicasOf(r.group());
        }
        if (request instanceof ActionRequest.RollingRefresh r) {
            return replicasOf(r.group());
        }
        if (request instanceof ActionRequest.Rollback r) {
            return replicasOf(r.group());
        }
        if (request instanceof ActionRequest.RunVolumeMonitor) {
            return i -> true; // it may expand any node's volume
        }
        return i -> false; // fail closed: an unknown job explains nothing
    }

    /** The group's replicas; a source without groups (a URL list, the local fleet) has one set of replicas. */
    private static Predicate<FleetInstance> replicasOf(String group) {
        return i -> group.equals(i.group()) || (i.group() == null && i.role() == NodeType.SHARED_REPLICA);
    }
}
