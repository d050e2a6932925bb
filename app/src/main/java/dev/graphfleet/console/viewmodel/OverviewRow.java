package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.viewmodel.RowSync.set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One node at a glance: its health, the version of every repository it serves, memory against its
 * budget, volume usage with its forecast, connections in use, and what is wrong with it. Updated in
 * place: a refresh that changed nothing of what the row shows formats nothing and fires nothing.
 */
public final class OverviewRow {

    private final String id;
    private final StringProperty health = new SimpleStringProperty(this, "health");
    private final StringProperty role = new SimpleStringProperty(this, "role");
    private final StringProperty versions = new SimpleStringProperty(this, "versions");
    private final ObjectProperty<Trend> memory = new SimpleObjectProperty<>(this, "memory");
    private final ObjectProperty<Trend> volume = new SimpleObjectProperty<>(this, "volume");
    private final ObjectProperty<Trend> connections = new SimpleObjectProperty<>(this, "connections");
    private final StringProperty problems = new SimpleStringProperty(this, "problems");
    private final StringProperty problemLevel = new SimpleStringProperty(this, "problemLevel");
    /** What the row shows now: a refresh with equal figures costs one comparison. */
    private OverviewFigures shown;

    OverviewRow(String id) {
        this.id = id;
    }

    void update(OverviewFigures f, NodeHistory history) {
        if (f.equals(shown)) {
            return;
        }
        boolean newReadings = shown == null || shown.revision() != f.revision();
        shown = f;
        set(health, f.health());
        set(role, f.role());
        set(versions, f.versions());
        set(memory, trend(memory.get(), f.memoryGauge(), newReadings, history, NodeHistory.Metric.MEMORY));
        set(volume, trend(volume.get(), f.volumeGauge(), newReadings, history, NodeHistory.Metric.VOLUME));
        set(connections, trend(connections.get(), f.poolGauge(), newReadings, history, NodeHistory.Metric.CONNECTIONS));
        set(problems, f.problems());
        set(problemLevel, f.problemLevel());
    }

    /** The same trend object while neither the gauge nor the history changed: the cell is not redrawn. */
    private Trend trend(Trend was, Gauge gauge, boolean newReadings, NodeHistory history, NodeHistory.Metric metric) {
        if (was != null && !newReadings && was.gauge().equals(gauge)) {
            return was;
        }
        float[] recent = was != null && !newReadings ? was.recent()
                : history.recentFractions(id, metric, OverviewViewModel.SPARKLINE_POINTS);
        return new Trend(gauge, recent);
    }

    public String id() {
        return id;
    }

    /** healthy, unhealthy, unreachable or unknown. */
    public StringProperty healthProperty() {
        return health;
    }

    public StringProperty roleProperty() {
        return role;
    }

    /** Every repository with the version it serves ("sec v2 · industry v1"), or why none is known. */
    public StringProperty versionsProperty() {
        return versions;
    }

    /** Buffer pools against the memory budget. */
    public ObjectProperty<Trend> memoryProperty() {
        return memory;
    }

    /** The data volume's usage, with its fill forecast on the bar. */
    public ObjectProperty<Trend> volumeProperty() {
        return volume;
    }

    /** Connections in use against the pool's maximum. */
    public ObjectProperty<Trend> connectionsProperty() {
        return connections;
    }

    /** What is wrong with the node, worst first; "none" when nothing is. */
    public StringProperty problemsProperty() {
        return problems;
    }

    /** ok, alarm (worth a look), exhausted (wrong) or unknown (no figures). */
    public StringProperty problemLevelProperty() {
        return problemLevel;
    }
}
