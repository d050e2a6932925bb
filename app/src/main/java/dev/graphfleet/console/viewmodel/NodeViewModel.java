package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.NodeSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One node drilled into from the Fleet view: its figures, its databases (buffer pool, connections)
 * and its attachments. Follows each refresh while open; small lists, replaced whole when they change.
 */
public final class NodeViewModel {

    /** A figure: what it is, its value. */
    public record Figure(String name, String value) {
    }

    /** One database of the node: its buffer pool and its connection pool. */
    public record Database(String name, String bufferPool, String connections) {
    }

    /** One repository on its way to serving (or serving). */
    public record Attachment(String repository, String phase, String version, String progress, String error) {
        public String styleClass() {
            return "phase-" + phase;
        }
    }

    private final StringProperty instanceId = new SimpleStringProperty(this, "instanceId", "");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty note = new SimpleStringProperty(this, "note", "");
    private final ObservableList<Figure> figures = FXCollections.observableArrayList();
    private final ObservableList<Database> databases = FXCollections.observableArrayList();
    private final ObservableList<Attachment> attachments = FXCollections.observableArrayList();
    private final NodeHistory history;
    private final ObjectProperty<NodeHistory.Range> range =
            new SimpleObjectProperty<>(this, "range", NodeHistory.Range.FIVE_MINUTES);
    private final Map<NodeHistory.Metric, ObjectProperty<List<NodeHistory.Point>>> series =
            new EnumMap<>(NodeHistory.Metric.class);
    private final StringProperty historyNote = new SimpleStringProperty(this, "historyNote", "");
    private ConsoleState latest;

    /** {@code history}: what the console keeps of every node (the Overview's), for the drawer's chart. */
    public NodeViewModel(NodeHistory history) {
        this.history = history;
        for (NodeHistory.Metric m : NodeHistory.Metric.values()) {
            series.put(m, new SimpleObjectProperty<>(this, m.name().toLowerCase(Locale.ROOT) + "History", List.of()));
        }
        range.addListener((obs, was, now) -> updateHistory());
    }

    /** Shows {@code id} (null or empty closes it), from the newest refresh. */
    public void show(String id) {
        instanceId.set(id == null ? "" : id);
        update();
    }

    public void apply(ConsoleState state) {
        latest = state;
        if (!instanceId.get().isEmpty()) {
            update();
        }
    }

    private void update() {
        String id = instanceId.get();
        FleetInstance instance = latest == null || id.isEmpty() ? null : latest.fleet().instances().stream()
                .filter(i -> i.id().equals(id)).findFirst().orElse(null);
        if (instance == null) {
            RowSync.set(title, id);
            RowSync.set(note, id.isEmpty() ? "" : "Not in the last refresh");
            setIfChanged(figures, List.of());
            setIfChanged(databases, List.of());
            setIfChanged(attachments, List.of());
            updateHistory();
            return;
        }
        NodeDetail detail = latest.detail(id);
        RowSync.set(title, id + " · " + InstanceRow.roleLabel(instance) + " · " + instance.health().label());
        RowSync.set(note, detail == null ? "Reading the node's databases and attachments…"
                : detail.error() != null ? "Its details could not be read: " + detail.error() : "");
        setIfChanged(figures, figures(instance));
        setIfChanged(databases, detail == null ? List.of() : databases(detail));
        setIfChanged(attachments, attachments(instance, detail));
        updateHistory();
    }

    /** The chart's readings of the node shown, within the range chosen, and how much of it the console has kept. */
    private void updateHistory() {
        String id = instanceId.get();
        if (id.isEmpty() || latest == null) {
            series.values().forEach(p -> RowSync.set(p, List.of()));
            RowSync.set(historyNote, "");
            return;
        }
        Instant now = latest.refresh().finishedAt();
        Duration span = range.get().span();
        for (NodeHistory.Metric m : NodeHistory.Metric.values()) {
            RowSync.set(series.get(m), history.points(id, m, span, now));
        }
        List<NodeHistory.Point> all = series.get(NodeHistory.Metric.MEMORY).get();
        if (all.isEmpty()) {
            RowSync.set(historyNote, "No readings of this node kept yet");
            return;
        }
        Duration kept = Duration.between(all.get(0).at(), now);
        RowSync.set(historyNote, kept.compareTo(span.minus(NodeHistory.COARSE_SPACING)) < 0
                ? "Kept so far: " + Units.duration(kept) + " of the " + range.get().label() + " asked for (since the console "
                + "started or the node appeared)"
                : "The last " + range.get().label() + ": one reading per " + Units.duration(NodeHistory.FINE_SPACING)
                + " for the last minutes, one per " + Units.duration(NodeHistory.COARSE_SPACING) + " before");
    }

    private static <T> void setIfChanged(ObservableList<T> list, List<T> now) {
        if (!list.equals(now)) {
            list.setAll(now);
        }
    }

    private static List<Figure> figures(FleetInstance i) {
        List<Figure> out = new ArrayList<>();
        String why = i.healthDetail() != null ? i.healthDetail() : i.nodeError();
        out.add(new Figure("Health", i.health().label() + (why == null || why.isBlank() ? "" : " (" + why + ")")));
        out.add(new Figure("Endpoint", i.endpoint() == null ? "—" : i.endpoint().toString()));
        if (i.instanceType() != null) {
            out.add(new Figure("Instance type", i.instanceType()));
        }
        if (i.group() != null) {
            out.add(new Figure("Group", i.group()));
        }
        if (i.dataVersion() != null) {
            out.add(new Figure("Data version", i.dataVersion().id()));
        }
        NodeSummary node = i.node();
        if (node == null) {
            return out;
        }
        if (node.uptimeSeconds() != null) {
            out.add(new Figure("Uptime", Units.duration(Duration.ofSeconds(node.uptimeSeconds()))));
        }
        NodeSummary.VolumeUsage volume = node.dataVolume();
        if (volume != null) {
            out.add(new Figure("Data volume", Units.gigabytes(volume.usedGb()) + " of " + Units.gigabytes(volume.sizeGb())
                    + " used (" + Units.percent(volume.usage()) + ") on " + volume.mountPoint()
                    + (volume.simulated() ? ", simulated" : "")));
        }
        NodeSummary.BufferPool memory = node.bufferPool();
        if (memory != null) {
            out.add(new Figure("Memory", Units.bytes(memory.configuredTotalBytes()) + " of buffer pools in "
                    + Units.count(memory.openDatabases(), "open database", "open databases") + ", budget "
                    + Units.bytes(memory.memoryBudgetBytes())
                    + (memory.processResidentBytes() == null ? "" : ", process " + Units.bytes(memory.processResidentBytes()))
                    + (memory.overBudget() ? " — over budget" : "")));
        }
        NodeSummary.PoolUsage pool = node.pool();
        if (pool != null) {
            out.add(new Figure("Connections", pool.inUse() + " in use · " + pool.idle() + " idle · " + pool.max()
                    + " max over " + Units.count(pool.databases(), "database", "databases") + "; " + pool.waits()
                    + " waits, " + pool.timeouts() + " timeouts"));
        }
        if (!node.staleSections().isEmpty()) {
            out.add(new Figure("Stale", String.join(", ", node.staleSections())));
        }
        return out;
    }

    private static List<Database> databases(NodeDetail detail) {
        TreeSet<String> names = new TreeSet<>(detail.bufferPools().keySet());
        detail.pools().forEach(p -> names.add(p.database()));
        Map<String, Long> buffers = detail.bufferPools();
        List<Database> out = new ArrayList<>();
        for (String name : names) {
            NodeDetail.DatabasePool pool = detail.pools().stream().filter(p -> p.database().equals(name)).findFirst()
                    .orElse(null);
            out.add(new Database(name, buffers.containsKey(name) ? Units.bytes(buffers.get(name)) : "closed",
                    pool == null ? "—" : pool.inUse() + " in use · " + pool.idle() + " idle · " + pool.max() + " max"
                            + (pool.open() ? "" : " (closed)")));
        }
        return out;
    }

    private static List<Attachment> attachments(FleetInstance instance, NodeDetail detail) {
        if (detail != null && !detail.attachments().isEmpty()) {
            return detail.attachments().stream().map(a -> new Attachment(a.repository(), a.phase(),
                    a.version() == null ? "—" : a.version(),
                    a.progress() < 0 ? "—" : String.format(Locale.ROOT, "%.0f %%", a.progress() * 100)
                            + (a.attempt() > 1 ? " (attempt " + a.attempt() + ")" : ""),
                    a.error() == null ? "" : a.error())).toList();
        }
        if (instance.node() == null) {
            return List.of();
        }
        return instance.node().attachments().stream().map(a -> new Attachment(a.repository(), a.phase(),
                a.version() == null ? "—" : a.version(), "—", a.error() == null ? "" : a.error())).toList();
    }

    /** How far back the chart looks. */
    public ObjectProperty<NodeHistory.Range> rangeProperty() {
        return range;
    }

    /** The node's readings of {@code metric} within the range, oldest first. */
    public ObjectProperty<List<NodeHistory.Point>> historyProperty(NodeHistory.Metric metric) {
        return series.get(metric);
    }

    /** How much history the chart shows, or why it shows less than asked. */
    public StringProperty historyNoteProperty() {
        return historyNote;
    }

    /** The node shown; empty when none is. */
    public StringProperty instanceIdProperty() {
        return instanceId;
    }

    public StringProperty titleProperty() {
        return title;
    }

    /** Why something is missing (details not read yet, or failed); empty otherwise. */
    public StringProperty noteProperty() {
        return note;
    }

    public ObservableList<Figure> figures() {
        return figures;
    }

    public ObservableList<Database> databases() {
        return databases;
    }

    public ObservableList<Attachment> attachments() {
        return attachments;
    }
}
