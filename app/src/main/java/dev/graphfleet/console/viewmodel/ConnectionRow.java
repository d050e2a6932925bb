package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.viewmodel.RowSync.set;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One database's connection pool on one node. */
public final class ConnectionRow {

    private final String key;
    private final StringProperty node = new SimpleStringProperty(this, "node");
    private final StringProperty database = new SimpleStringProperty(this, "database");
    private final StringProperty inUse = new SimpleStringProperty(this, "inUse");
    private final StringProperty idle = new SimpleStringProperty(this, "idle");
    private final StringProperty max = new SimpleStringProperty(this, "max");
    private final DoubleProperty utilisation = new SimpleDoubleProperty(this, "utilisation");
    private final StringProperty utilisationText = new SimpleStringProperty(this, "utilisationText");
    private final StringProperty waits = new SimpleStringProperty(this, "waits");
    private final StringProperty timeouts = new SimpleStringProperty(this, "timeouts");
    private final StringProperty level = new SimpleStringProperty(this, "level");
    private final StringProperty timeoutsLevel = new SimpleStringProperty(this, "timeoutsLevel");
    private final ObjectProperty<Gauge> gauge = new SimpleObjectProperty<>(this, "gauge");
    /** The figures shown, null while none are: what a refresh compares against. */
    private Figures shown;

    ConnectionRow(String key) {
        this.key = key;
    }

    record Figures(String node, String database, int inUse, int idle, int max, long waits, long timeouts) {
    }

    /**
     * A node that sent no pool figures this time: why, on the row of {@code db} when the node had
     * reported that database before, else on one row for the node.
     */
    void updateUnavailable(String nodeId, String db, String why) {
        shown = null;
        set(node, nodeId);
        set(database, db == null ? "no figures: " + why : db + " — no figures: " + why);
        set(inUse, "—");
        set(idle, "—");
        set(max, "—");
        set(utilisation, 0.0);
        set(utilisationText, "—");
        set(waits, "—");
        set(timeouts, "—");
        set(level, "unknown");
        set(timeoutsLevel, "unknown");
        set(gauge, null);
    }

    /**
     * Shows {@code f}, formatting only the figures that differ from those shown: a refresh of a
     * big fleet touches each of its rows, most of which have not changed.
     */
    void update(Figures f) {
        Figures was = shown;
        shown = f;
        if (f.equals(was)) {
            return;
        }
        set(node, f.node());
        set(database, f.database());
        if (was == null || was.inUse() != f.inUse() || was.idle() != f.idle() || was.max() != f.max()) {
            set(inUse, Integer.toString(f.inUse()));
            set(idle, Integer.toString(f.idle()));
            set(max, Integer.toString(f.max()));
            double used = f.max() > 0 ? Math.min(1.0, (double) f.inUse() / f.max()) : 0;
            set(utilisation, used);
            set(utilisationText, f.inUse() + " of " + f.max() + " in use (" + Units.percent(used) + ")");
            set(level, f.max() > 0 && f.inUse() >= f.max() ? "exhausted" : used >= 0.8 ? "busy" : "ok");
            set(gauge, new Gauge(used, level.get(), utilisationText.get()));
        }
        if (was == null || was.waits() != f.waits()) {
            set(waits, Units.count(f.waits(), "wait", "waits"));
        }
        if (was == null || was.timeouts() != f.timeouts()) {
            set(timeouts, Units.count(f.timeouts(), "timeout", "timeouts"));
            set(timeoutsLevel, f.timeouts() > 0 ? "exhausted" : "ok");
        }
    }

    /** The utilisation bar. */
    public ObjectProperty<Gauge> gaugeProperty() {
        return gauge;
    }

    public String key() {
        return key;
    }

    public StringProperty nodeProperty() {
        return node;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty inUseProperty() {
        return inUse;
    }

    public StringProperty idleProperty() {
        return idle;
    }

    public StringProperty maxProperty() {
        return max;
    }

    /** In use ÷ max, 0..1. */
    public DoubleProperty utilisationProperty() {
        return utilisation;
    }

    public StringProperty utilisationTextProperty() {
        return utilisationText;
    }

    /** The node's waits for a free connection (the pool counts them per node, not per database). */
    public StringProperty waitsProperty() {
        return waits;
    }

    /** The node's acquire timeouts ("pool exhausted" errors). */
    public StringProperty timeoutsProperty() {
        return timeouts;
    }

    /** ok, busy (≥ 80 % in use) or exhausted (every connection in use). */
    public StringProperty levelProperty() {
        return level;
    }

    /** exhausted when the node has seen acquire timeouts, else ok. */
    public StringProperty timeoutsLevelProperty() {
        return timeoutsLevel;
    }
}
