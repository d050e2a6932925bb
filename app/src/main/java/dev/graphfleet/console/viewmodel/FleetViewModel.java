package dev.graphfleet.console.viewmodel;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.ReplicaGroup;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The fleet: every instance (writers, shared masters, replicas) and the replica groups. */
public final class FleetViewModel extends LiveViewModel {

    /** Writers first, then masters, then replicas; then by id. */
    private static final Comparator<FleetInstance> ORDER = Comparator
            .comparingInt((FleetInstance i) -> i.role() == null ? NodeType.values().length : i.role().ordinal())
            .thenComparing(FleetInstance::id);

    private final ObservableList<InstanceRow> instances = FXCollections.observableArrayList();
    private final ListFilter<InstanceRow> filter = new ListFilter<>(instances, InstanceRow.TAGS, InstanceRow::fields);
    private final ObservableList<GroupRow> groups = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final IntegerProperty healthy = new SimpleIntegerProperty(this, "healthy");
    private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
    private final BooleanProperty anyGroup = new SimpleBooleanProperty(this, "anyGroup");
    private final BooleanProperty anyInstanceType = new SimpleBooleanProperty(this, "anyInstanceType");
    private final BooleanProperty anyVersion = new SimpleBooleanProperty(this, "anyVersion");
    private final BooleanProperty anyLoadBalancer = new SimpleBooleanProperty(this, "anyLoadBalancer");
    private final StringProperty widestVersion = new SimpleStringProperty(this, "widestVersion", "");

    @Override
    protected void update(ConsoleState state) {
        FleetSnapshot fleet = state.fleet();
        Map<String, ReplicaGroup> groupOf = new HashMap<>();
        Map<String, FleetInstance> byId = new HashMap<>();
        fleet.instances().forEach(i -> byId.put(i.id(), i));
        fleet.replicaGroups().forEach(g -> g.instanceIds().forEach(id -> groupOf.put(id, g)));
        List<FleetInstance> ordered = fleet.instances().stream().sorted(ORDER).toList();
        RowSync.sync(instances, ordered, FleetInstance::id, InstanceRow::id,
                i -> {
                    InstanceRow row = new InstanceRow(i.id());
                    row.update(i, groupOf.get(i.id()));
                    return row;
                },
                (row, i) -> row.update(i, groupOf.get(i.id())));
        RowSync.sync(groups, fleet.replicaGroups(), ReplicaGroup::name, GroupRow::name,
                g -> {
                    GroupRow row = new GroupRow(g.name());
                    row.update(g, byId);
                    return row;
                },
                (row, g) -> row.update(g, byId));
        Map<Health, Long> counts = fleet.healthCounts();
        RowSync.set(healthy, counts.get(Health.HEALTHY).intValue());
        RowSync.set(total, fleet.instances().size());
        RowSync.set(summary, summary(fleet, counts));
        // A list of node URLs knows no groups, EC2 types or load balancers: no empty columns for them.
        RowSync.set(anyGroup, fleet.instances().stream().anyMatch(i -> i.group() != null) || !fleet.replicaGroups().isEmpty());
        RowSync.set(anyInstanceType, fleet.instances().stream().anyMatch(i -> i.instanceType() != null));
        RowSync.set(anyVersion, fleet.instances().stream().anyMatch(i -> i.dataVersion() != null));
        RowSync.set(widestVersion, fleet.instances().stream().filter(i -> i.dataVersion() != null)
                .map(i -> i.dataVersion().id()).max(java.util.Comparator.comparingInt(String::length)).orElse(""));
        RowSync.set(anyLoadBalancer, fleet.replicaGroups().stream().anyMatch(g -> !g.targetHealth().isEmpty()));
        filter.refreshed();
    }

    private static String summary(FleetSnapshot fleet, Map<Health, Long> counts) {
        if (fleet.instances().isEmpty()) {
            return fleet.sourceReachable() ? "No instances" : "No instances (the source could not be read)";
        }
        StringBuilder s = new StringBuilder()
                .append(Units.count(fleet.writers().size(), "writer", "writers")).append(" · ")
                .append(Units.count(fleet.sharedMasters().size(), "shared master", "shared masters")).append(" · ")
                .append(Units.count(fleet.sharedReplicas().size(), "shared replica", "shared replicas"));
        long unknownRole = fleet.instances().stream().filter(i -> i.role() == null).count();
        if (unknownRole > 0) {
            s.append(" · ").append(unknownRole).append(" of unknown role");
        }
        s.append("  —  ").append(counts.get(Health.HEALTHY)).append(" of ").append(fleet.instances().size())
                .append(" healthy");
        long down = counts.get(Health.UNREACHABLE);
        if (down > 0) {
            s.append(", ").append(down).append(" unreachable");
        }
        long unhealthy = counts.get(Health.UNHEALTHY);
        if (unhealthy > 0) {
            s.append(", ").append(unhealthy).append(" unhealthy");
        }
        return s.toString();
    }

    /** Every instance, in display order. */
    public ObservableList<InstanceRow> instances() {
        return instances;
    }

    /** The {@code /} filter of the instances; its visible rows are what the table shows. */
    public ListFilter<InstanceRow> filter() {
        return filter;
    }

    public ObservableList<GroupRow> groups() {
        return groups;
    }

    /** The longest version text (every repository of one instance): the Version column is as wide. */
    public StringProperty widestVersionProperty() {
        return widestVersion;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public IntegerProperty healthyProperty() {
        return healthy;
    }

    public IntegerProperty totalProperty() {
        return total;
    }

    /** Some instance belongs to a replica group (else the group column is left out). */
    public BooleanProperty anyGroupProperty() {
        return anyGroup;
    }

    public BooleanProperty anyInstanceTypeProperty() {
        return anyInstanceType;
    }

    public BooleanProperty anyVersionProperty() {
        return anyVersion;
    }

    public BooleanProperty anyLoadBalancerProperty() {
        return anyLoadBalancer;
    }
}
