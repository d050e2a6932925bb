package dev.graphfleet.console.service;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Remembers who answered at each address. A node that stops answering can no longer say its id or
 * role, so a list of URLs would show {@code 127.0.0.1:8003, unknown}; with this, the console keeps
 * showing {@code replica-b, shared replica} in the same row, now unreachable. Used on the refresh
 * thread only.
 */
final class KnownNodes {

    private record Identity(String id, NodeType role, String instanceType) {
    }

    private final Map<URI, Identity> byEndpoint = new HashMap<>();

    /** Learns from the instances that said who they are; fills in those that did not. */
    FleetSnapshot fill(FleetSnapshot fleet) {
        for (FleetInstance i : fleet.instances()) {
            if (i.endpoint() != null && i.role() != null) {
                byEndpoint.put(i.endpoint(), new Identity(i.id(), i.role(), i.instanceType()));
            }
        }
        Set<String> ids = fleet.instances().stream().map(FleetInstance::id).collect(Collectors.toSet());
        List<FleetInstance> filled = new ArrayList<>(fleet.instances().size());
        boolean changed = false;
        for (FleetInstance i : fleet.instances()) {
            Identity known = i.role() == null && i.endpoint() != null ? byEndpoint.get(i.endpoint()) : null;
            if (known != null && !ids.contains(known.id())) {
                filled.add(new FleetInstance(known.id(), known.role(), i.endpoint(), i.state(), i.health(),
                        i.healthDetail(), i.instanceType() != null ? i.instanceType() : known.instanceType(),
                        i.group(), i.dataVersion(), i.node(), i.nodeError()));
                changed = true;
            } else {
                filled.add(i);
            }
        }
        return changed ? new FleetSnapshot(fleet.environment(), fleet.takenAt(), fleet.source(),
                fleet.sourceReachable(), fleet.sourceError(), fleet.replicaGroups(), filled, fleet.warnings()) : fleet;
    }
}
