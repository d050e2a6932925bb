package dev.graphfleet.console.viewmodel;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import dev.graphfleet.fleet.Health;
import dev.graphfleet.fleet.ReplicaGroup;
import java.util.ArrayList;
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
import javafx.collections.ObservableList;

/** The fleet: every instance (writers, shared masters, replicas) and the replica groups. */
public final class FleetViewModel extends LiveViewModel<FleetViewModel.Frame> {

    /** Writers first, then masters, then replicas; then by id. */
    private static final Comparator<FleetInstance> ORDER = Comparator
            .comparingInt((FleetInstance i) -> i.role() == null ? NodeType.values().length : i.role().ordinal())
            .thenComparing(FleetInstance::id);

    private final ObservableList<InstanceRow> instances = new RowList<>();
    private final ListFilter<InstanceRow> filter = new ListFilter<>(instances, InstanceRow.TAGS, InstanceRow::fields);
    private final ObservableList<GroupRow> groups = new RowList<>();
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final IntegerProperty healthy = new SimpleIntegerProperty(this, "healthy");
    private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
    private final BooleanProperty anyGroup = new SimpleBooleanProperty(this, "anyGroup");
    private final BooleanProperty anyInstanceType = new SimpleBooleanProperty(this, "anyInstanceType");
    private final BooleanProperty anyVersion = new SimpleBooleanProperty(this, "anyVersion");
    private final BooleanProperty anyLoadBalancer = new SimpleBooleanProperty(this, "anyLoadBalancer");
    private final StringProperty widestVersion = new SimpleStringProperty(this, "widestVersion", "");

    /** What {@link #prepare} made for each instance and group last time (prepare's thread only). */
    private Map<String, InstanceRow.Texts> preparedInstances = new HashMap<>();
    private Map<String, GroupRow.Texts> preparedGroups = new HashMap<>();

    /**
     * One refresh as the Fleet view shows it: the instances in display order, the groups, the headline,
     * and which optional columns have anything to show.
     */
    public record Frame(List<InstanceItem> instances, List<GroupItem> groups, String summary, int healthy, int total,
                        boolean anyGroup, boolean anyInstanceType, boolean anyVersion, boolean anyLoadBalancer,
                        String widestVersion) {
    }

    /** One instance's row: its id and its texts. */
    record InstanceItem(String id, InstanceRow.Texts texts) {
    }

    /** One replica group's row: its name and its texts. */
    record GroupItem(String name, GroupRow.Texts texts) {
    }

    @Override
    protected Frame prepare(ConsoleState state) {
        FleetSnapshot fleet = state.fleet();
        Map<String, ReplicaGroup> groupOf = new HashMap<>();
        Map<String, FleetInstance> byId = new HashMap<>();
        fleet.instances().forEach(i -> byId.put(i.id(), i));
        fleet.replicaGroups().forEach(g -> g.instanceIds().forEach(id -> groupOf.put(id, g)));
        List<FleetInstance> ordered = fleet.instances().stream().sorted(ORDER).toList();
        List<InstanceItem> instanceItems = new ArrayList<>(ordered.size());
        Map<String, InstanceRow.Texts> nextInstances = new HashMap<>(ordered.size() * 2);
        for (FleetInstance i : ordered) {
            InstanceRow.Texts texts = reuse(preparedInstances.get(i.id()),
                    InstanceRow.Texts.of(i, groupOf.get(i.id())));
            nextInstances.put(i.id(), texts);
            instanceItems.add(new InstanceItem(i.id(), texts));
        }
        preparedInstances = nextInstances; // instances gone are forgotten
        List<GroupItem> groupItems = new ArrayList<>();
        Map<String, GroupRow.Texts> nextGroups = new HashMap<>();
        for (ReplicaGroup g : fleet.replicaGroups()) {
            GroupRow.Texts texts = reuse(preparedGroups.get(g.name()), GroupRow.Texts.of(g, byId));
            nextGroups.put(g.name(), texts);
            groupItems.add(new GroupItem(g.name(), texts));
        }
        preparedGroups = nextGroups;
        Map<Health, Long> counts = fleet.healthCounts();
        // A list of node URLs knows no groups, EC2 types or load balancers: no empty columns for them.
        return new Frame(List.copyOf(instanceItems), List.copyOf(groupItems), summary(fleet, counts),
                counts.get(Health.HEALTHY).intValue(), fleet.instances().size(),
                fleet.instances().stream().anyMatch(i -> i.group() != null) || !fleet.replicaGroups().isEmpty(),
                fleet.instances().stream().anyMatch(i -> i.instanceType() != null),
                fleet.instances().stream().anyMatch(i -> i.dataVersion() != null),
                fleet.replicaGroups().stream().anyMatch(g -> !g.targetHealth().isEmpty()),
                fleet.instances().stream().filter(i -> i.dataVersion() != null).map(i -> i.dataVersion().id())
                        .max(Comparator.comparingInt(String::length)).orElse(""));
    }

    /** The texts prepared last time when equal: the FX thread then skips the row after one comparison. */
    private static <T> T reuse(T was, T now) {
        return now.equals(was) ? was : now;
    }

    @Override
    protected void update(Frame frame) {
        RowSync.sync(instances, frame.instances(), InstanceItem::id, InstanceRow::id, item -> {
            InstanceRow row = new InstanceRow(item.id());
            row.show(item.texts());
            return row;
        }, (row, item) -> row.show(item.texts()));
        RowSync.sync(groups, frame.groups(), GroupItem::name, GroupRow::name, item -> {
            GroupRow row = new GroupRow(item.name());
            row.show(item.texts());
            return row;
        }, (row, item) -> row.show(item.texts()));
        RowSync.set(healthy, frame.healthy());
        RowSync.set(total, frame.total());
        RowSync.set(summary, frame.summary());
        RowSync.set(anyGroup, frame.anyGroup());
        RowSync.set(anyInstanceType, frame.anyInstanceType());
        RowSync.set(anyVersion, frame.anyVersion());
        RowSync.set(widestVersion, frame.widestVersion());
        RowSync.set(anyLoadBalancer, frame.anyLoadBalancer());
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
