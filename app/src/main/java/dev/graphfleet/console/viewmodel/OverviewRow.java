package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.viewmodel.RowSync.set;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One node at a glance: its health, the version of every repository it serves, memory against its
 * budget, volume usage with its forecast, connections in use, and what is wrong with it. Updated in
 * place from texts prepared off the FX thread: a refresh that changed nothing of what the row shows
 * formats nothing and fires nothing.
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
    /** What the row shows now: a refresh that prepared the same texts costs one comparison. */
    private Texts shown;

    OverviewRow(String id) {
        this.id = id;
    }

    /**
     * Everything the row shows, formatted off the FX thread ({@link OverviewViewModel#prepare}): the same
     * instance again when nothing changed, so the FX thread skips the row after one comparison.
     */
    record Texts(String health, String role, String versions, Trend memory, Trend volume, Trend connections,
                 String problems, String problemLevel) {

        /**
         * The texts of {@code f}; {@code was} is what was prepared for the node last time (null for none) and
         * {@code newReadings} whether its history got a reading since, for the sparklines.
         */
        static Texts of(String id, OverviewFigures f, Texts was, boolean newReadings, NodeHistory history) {
            return new Texts(f.health(), f.role(), f.versions(),
                    trend(id, was == null ? null : was.memory(), f.memoryGauge(), newReadings, history,
                            NodeHistory.Metric.MEMORY),
                    trend(id, was == null ? null : was.volume(), f.volumeGauge(), newReadings, history,
                            NodeHistory.Metric.VOLUME),
                    trend(id, was == null ? null : was.connections(), f.poolGauge(), newReadings, history,
                            NodeHistory.Metric.CONNECTIONS),
                    f.problems(), f.problemLevel());
        }

        /** The same trend object while neither the gauge nor the history changed: the cell is not redrawn. */
        private static Trend trend(String id, Trend was, Gauge gauge, boolean newReadings, NodeHistory history,
                                   NodeHistory.Metric metric) {
            if (was != null && !newReadings && was.gauge().equals(gauge)) {
                return was;
            }
            float[] recent = was != null && !newReadings ? was.recent()
                    : history.recentFractions(id, metric, OverviewViewModel.SPARKLINE_POINTS);
            return new Trend(gauge, recent);
        }
    }

    /** On the FX thread: sets what changed; the texts shown already cost nothing. */
    void show(Texts t) {
        if (t == shown) {
            return;
        }
        shown = t;
        set(health, t.health());
        set(role, t.role());
        set(versions, t.versions());
        set(memory, t.memory());
        set(volume, t.volume());
        set(connections, t.connections());
        set(problems, t.problems());
        set(problemLevel, t.problemLevel());
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
