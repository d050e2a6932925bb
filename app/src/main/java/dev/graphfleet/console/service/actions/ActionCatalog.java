package dev.graphfleet.console.service.actions;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.NodeSummary;
import dev.graphfleet.fleet.ReplicaGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every concrete action the fleet on screen offers, from the last refresh: invalidate each database
 * of each answering node, the volume monitor, per replica group and repository a snapshot, rolling
 * refresh and rollback, and a restart of each node the source can restart. Whether the source can
 * take them (or the console is read-only) is decided elsewhere; this only names them.
 */
public final class ActionCatalog {

    private ActionCatalog() {
    }

    public static List<ActionRequest> requests(FleetSnapshot fleet, Map<String, NodeDetail> details,
                                               FleetActions actions) {
        List<ActionRequest> out = new ArrayList<>();
        out.add(new ActionRequest.RunVolumeMonitor());
        List<String> groups = new ArrayList<>(fleet.replicaGroups().stream().map(ReplicaGroup::name).toList());
        TreeSet<String> repositories = new TreeSet<>();
        for (FleetInstance i : fleet.instances()) {
            if (i.role() == NodeType.SHARED_REPLICA) {
                repositories.addAll(databases(i, details.get(i.id()), actions));
            }
        }
        if (groups.isEmpty() && fleet.instances().stream().anyMatch(i -> i.role() == NodeType.SHARED_REPLICA)) {
            groups.addAll(actions.implicitGroups());
        }
        for (String group : groups) {
            for (String repository : repositories) {
                out.add(new ActionRequest.Snapshot(group, repository));
                out.add(new ActionRequest.RollingRefresh(group, repository));
                out.add(new ActionRequest.Rollback(group, repository));
            }
        }
        for (FleetInstance i : fleet.instances()) {
            if (i.endpoint() != null && i.health() != Health.UNREACHABLE) {
                for (String database : databases(i, details.get(i.id()), actions)) {
                    out.add(new ActionRequest.Invalidate(i.id(), i.endpoint(), database));
                }
            }
        }
        for (FleetInstance i : fleet.instances()) {
            if (actions.canRestart(i)) {
                out.add(new ActionRequest.RestartNode(i.id()));
            }
        }
        return out;
    }

    /** What the node serves, from every place the console has seen it named; sorted. */
    static List<String> databases(FleetInstance instance, NodeDetail detail, FleetActions actions) {
        TreeSet<String> names = new TreeSet<>(actions.knownDatabases(instance));
        if (detail != null) {
            names.addAll(detail.bufferPools().keySet());
            detail.pools().forEach(p -> names.add(p.database()));
            detail.attachments().forEach(a -> names.add(a.repository()));
        }
        NodeSummary node = instance.node();
        if (node != null) {
            node.attachments().forEach(a -> names.add(a.repository()));
        }
        return List.copyOf(names);
    }
}
