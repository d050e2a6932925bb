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

    /** The texts shown: prepared texts seen before cost one comparison. */
    private Texts shown;

    GroupRow(String name) {
        this.name = name;
    }

    /**
     * Everything the row shows, formatted off the FX thread (the view's prepare step): the same instance
     * again when nothing changed, so the FX thread skips the row after one comparison.
     */
    record Texts(String tier, String instanceType, String scaling, String members, String serving, String refresh,
                 String health) {

        static Texts of(ReplicaGroup group, Map<String, FleetInstance> byId) {
            long healthy = group.instanceIds().stream().map(byId::get)
                    .filter(i -> i != null && i.isHealthy()).count();
            int size = group.instanceIds().size();
            boolean belowMin = group.scaling() != null && healthy < group.scaling().min();
            return new Texts(group.tier() == null ? "—" : group.tier(),
                    group.instanceType() == null ? "—" : group.instanceType(),
                    group.scaling() == null ? "—"
                            : group.scaling().min() + " / " + group.scaling().desired() + " / " + group.scaling().max(),
                    healthy + " of " + size + " healthy",
                    group.targetHealth().isEmpty() ? "no load balancer" : group.servingCount() + " of " + size + " in service",
                    group.refresh() == null ? "—" : group.refresh().status()
                            + (group.refresh().percentComplete() == null ? "" : " " + group.refresh().percentComplete() + " %"),
                    healthy == size && !belowMin ? "healthy" : healthy == 0 ? "unreachable" : "unhealthy");
        }
    }

    /** On the FX thread: sets what changed. */
    void show(Texts t) {
        if (t == shown) {
            return;
        }
        shown = t;
        set(tier, t.tier());
        set(instanceType, t.instanceType());
        set(scaling, t.scaling());
        set(members, t.members());
        set(serving, t.serving());
        set(refresh, t.refresh());
        set(health, t.health());
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
