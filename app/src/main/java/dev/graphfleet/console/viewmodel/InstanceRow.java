package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.viewmodel.RowSync.set;

import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.ReplicaGroup;
import dev.graphfleet.fleet.TargetHealth;
import java.time.Duration;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One instance in the fleet table; updated in place on every refresh. */
public final class InstanceRow {

    private final String id;
    private final StringProperty health = new SimpleStringProperty(this, "health");
    private final StringProperty healthDetail = new SimpleStringProperty(this, "healthDetail");
    private final StringProperty role = new SimpleStringProperty(this, "role");
    private final StringProperty group = new SimpleStringProperty(this, "group");
    private final StringProperty instanceType = new SimpleStringProperty(this, "instanceType");
    private final StringProperty version = new SimpleStringProperty(this, "version");
    private final StringProperty loadBalancer = new SimpleStringProperty(this, "loadBalancer");
    private final StringProperty state = new SimpleStringProperty(this, "state");
    private final StringProperty uptime = new SimpleStringProperty(this, "uptime");
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint");

    /** The texts shown: prepared texts seen before cost one comparison. */
    private Texts shown;

    InstanceRow(String id) {
        this.id = id;
    }

    /**
     * Everything the row shows, formatted off the FX thread (the view's prepare step): the same instance
     * again when nothing changed, so the FX thread skips the row after one comparison.
     */
    record Texts(String health, String healthDetail, String role, String group, String instanceType, String version,
                 String loadBalancer, String state, String uptime, String endpoint) {

        static Texts of(FleetInstance instance, ReplicaGroup replicaGroup) {
            Long seconds = instance.node() == null ? null : instance.node().uptimeSeconds();
            return new Texts(instance.health().label(), detail(instance), roleLabel(instance), orDash(instance.group()),
                    orDash(instance.instanceType()), instance.dataVersion() == null ? "—" : instance.dataVersion().id(),
                    InstanceRow.loadBalancer(instance, replicaGroup), orDash(instance.state()),
                    seconds == null ? "—" : Units.duration(Duration.ofSeconds(seconds)),
                    instance.endpoint() == null ? "—" : instance.endpoint().toString());
        }
    }

    /** On the FX thread: sets what changed. */
    void show(Texts t) {
        if (t == shown) {
            return;
        }
        shown = t;
        set(health, t.health());
        set(healthDetail, t.healthDetail());
        set(role, t.role());
        set(group, t.group());
        set(instanceType, t.instanceType());
        set(version, t.version());
        set(loadBalancer, t.loadBalancer());
        set(state, t.state());
        set(uptime, t.uptime());
        set(endpoint, t.endpoint());
    }

    static String roleLabel(FleetInstance instance) {
        return instance.role() == null ? "unknown" : instance.role().wireName().replace('_', ' ');
    }

    private static String detail(FleetInstance instance) {
        if (instance.healthDetail() != null) {
            return instance.healthDetail();
        }
        return instance.nodeError() == null ? "" : instance.nodeError();
    }

    private static String loadBalancer(FleetInstance instance, ReplicaGroup group) {
        if (group == null) {
            return "—";
        }
        TargetHealth target = group.targetHealth().get(instance.id());
        if (target == null) {
            return group.targetHealth().isEmpty() ? "—" : "not registered";
        }
        return target.state().label() + (target.reason() == null ? "" : " (" + target.reason() + ")");
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    /** The filter's tags: every shown column by name. */
    static final java.util.Set<String> TAGS = java.util.Set.of("id", "role", "health", "group", "type", "version",
            "state", "endpoint", "lb", "detail");

    /** Each shown column by its tag name, for the filter ({@link RowQuery}). */
    java.util.Map<String, String> fields() {
        java.util.Map<String, String> fields = new java.util.HashMap<>();
        fields.put("id", id);
        fields.put("role", role.get());
        fields.put("health", health.get());
        fields.put("group", group.get());
        fields.put("type", instanceType.get());
        fields.put("version", version.get());
        fields.put("state", state.get());
        fields.put("endpoint", endpoint.get());
        fields.put("lb", loadBalancer.get());
        fields.put("detail", healthDetail.get());
        return fields;
    }

    public String id() {
        return id;
    }

    public StringProperty healthProperty() {
        return health;
    }

    public StringProperty healthDetailProperty() {
        return healthDetail;
    }

    public StringProperty roleProperty() {
        return role;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public StringProperty instanceTypeProperty() {
        return instanceType;
    }

    public StringProperty versionProperty() {
        return version;
    }

    public StringProperty loadBalancerProperty() {
        return loadBalancer;
    }

    public StringProperty stateProperty() {
        return state;
    }

    public StringProperty uptimeProperty() {
        return uptime;
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }
}
