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
    /** The texts shown: prepared texts seen before cost one comparison. */
    private Texts shown;

    ConnectionRow(String key) {
        this.key = key;
    }

    record Figures(String node, String database, int inUse, int idle, int max, long waits, long timeouts) {
    }

    /**
     * Everything the row shows, formatted off the FX thread (the view's prepare step): the same instance
     * again when nothing changed, so the FX thread skips the row after one comparison.
     *
     * @param figures null when the node sent none this time
     */
    record Texts(Figures figures, String node, String database, String inUse, String idle, String max,
                 double utilisation, String utilisationText, String waits, String timeouts, String level,
                 String timeoutsLevel, Gauge gauge) {

        /**
         * A node that sent no pool figures this time: why, on the row of {@code db} when the node had
         * reported that database before, else on one row for the node.
         */
        static Texts unavailable(String nodeId, String db, String why) {
            return new Texts(null, nodeId, db == null ? "no figures: " + why : db + " — no figures: " + why,
                    "—", "—", "—", 0.0, "—", "—", "—", "unknown", "unknown", null);
        }

        static Texts of(Figures f) {
            double used = f.max() > 0 ? Math.min(1.0, (double) f.inUse() / f.max()) : 0;
            String utilisationText = f.inUse() + " of " + f.max() + " in use (" + Units.percent(used) + ")";
            String level = f.max() > 0 && f.inUse() >= f.max() ? "exhausted" : used >= 0.8 ? "busy" : "ok";
            return new Texts(f, f.node(), f.database(), Integer.toString(f.inUse()), Integer.toString(f.idle()),
                    Integer.toString(f.max()), used, utilisationText, Units.count(f.waits(), "wait", "waits"),
                    Units.count(f.timeouts(), "timeout", "timeouts"), level, f.timeouts() > 0 ? "exhausted" : "ok",
                    new Gauge(used, level, utilisationText));
        }
    }

    /** A node that sent no pool figures this time: see {@link Texts#unavailable}. */
    void updateUnavailable(String nodeId, String db, String why) {
        show(Texts.unavailable(nodeId, db, why));
    }

    /** Shows {@code f}; only the figures that differ from those shown fire. */
    void update(Figures f) {
        show(Texts.of(f));
    }

    /** On the FX thread: sets what changed. */
    void show(Texts t) {
        if (t == shown) {
            return;
        }
        shown = t;
        set(node, t.node());
        set(database, t.database());
        set(inUse, t.inUse());
        set(idle, t.idle());
        set(max, t.max());
        set(utilisation, t.utilisation());
        set(utilisationText, t.utilisationText());
        set(waits, t.waits());
        set(timeouts, t.timeouts());
        set(level, t.level());
        set(timeoutsLevel, t.timeoutsLevel());
        set(gauge, t.gauge());
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
