package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.viewmodel.RowSync.set;

import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.ReplicaGroup;
import java.util.Map;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One replica group: its bounds, how many members serve, and its latest instance refresh. */
public final class GroupRow {

    private final String name;
    private final StringProperty tier = new SimpleStringProperty(this, "tier");
    private final StringProperty instanceType = new SimpleStringProperty(this, "instanceType");
    private final StringProperty scaling = new SimpleStringProperty(this, "scaling");
    private final StringProperty members = new SimpleStringProperty(this, "members");
    private final StringProperty serving = new SimpleStringProperty(this, "serving");
    private final StringProperty refresh = new SimpleStringProperty(this, "refresh");
    private final StringProperty health = new SimpleStringProperty(this, "health");

    GroupRow(String name) {
        this.name = name;
    }

    void update(ReplicaGroup group, Map<String, FleetInstance> byId) {
        set(tier, group.tier() == null ? "—" : group.tier());
        set(instanceType, group.instanceType() == null ? "—" : group.instanceType());
        set(scaling, group.scaling() == null ? "—"
                : group.scaling().min() + " / " + group.scaling().desired() + " / " + group.scaling().max());
        long healthy = group.instanceIds().stream().map(byId::get)
                .filter(i -> i != null && i.isHealthy()).count();
        int size = group.instanceIds().size();
        set(members, healthy + " of " + size + " healthy");
        set(serving, group.targetHealth().isEmpty() ? "no load balancer"
                : group.servingCount() + " of " + size + " in service");
        set(refresh, group.refresh() == null ? "—" : group.refresh().status()
                + (group.refresh().percentComplete() == null ? "" : " " + group.refresh().percentComplete() + " %"));
        boolean belowMin = group.scaling() != null && healthy < group.scaling().min();
        set(health, healthy == size && !belowMin ? "healthy" : healthy == 0 ? "unreachable" : "unhealthy");
    }

    public String name() {
        return name;
    }

    public StringProperty tierProperty() {
        return tier;
    }

    public StringProperty instanceTypeProperty() {
        return instanceType;
    }

    /** {@code min / desired / max}. */
    public StringProperty scalingProperty() {
        return scaling;
    }

    public StringProperty membersProperty() {
        return members;
    }

    public StringProperty servingProperty() {
        return serving;
    }

    public StringProperty refreshProperty() {
        return refresh;
    }

    /** healthy, unhealthy or unreachable, for the row's colour. */
    public StringProperty healthProperty() {
        return health;
    }
}
