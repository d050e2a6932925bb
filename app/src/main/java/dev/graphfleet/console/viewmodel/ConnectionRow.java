package dev.graphfleet.console.viewmodel;

import javafx.beans.property.ReadOnlyObjectProperty;

/** One database's connection pool on one node. */
public final class ConnectionRow {

    private final String key;
    private final RowValues<Texts> texts = new RowValues<>(this);

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

    /** On the FX thread: texts seen before cost one comparison; new ones fire the changed columns cells show. */
    void show(Texts t) {
        texts.show(t);
    }

    /** The utilisation bar. */
    public ReadOnlyObjectProperty<Gauge> gaugeProperty() {
        return texts.column("gauge", Texts::gauge);
    }

    public String key() {
        return key;
    }

    public ReadOnlyObjectProperty<String> nodeProperty() {
        return texts.column("node", Texts::node);
    }

    public ReadOnlyObjectProperty<String> databaseProperty() {
        return texts.column("database", Texts::database);
    }

    public ReadOnlyObjectProperty<String> inUseProperty() {
        return texts.column("inUse", Texts::inUse);
    }

    public ReadOnlyObjectProperty<String> idleProperty() {
        return texts.column("idle", Texts::idle);
    }

    public ReadOnlyObjectProperty<String> maxProperty() {
        return texts.column("max", Texts::max);
    }

    /** In use ÷ max, 0..1. */
    public ReadOnlyObjectProperty<Double> utilisationProperty() {
        return texts.column("utilisation", Texts::utilisation);
    }

    public ReadOnlyObjectProperty<String> utilisationTextProperty() {
        return texts.column("utilisationText", Texts::utilisationText);
    }

    /** The node's waits for a free connection (the pool counts them per node, not per database). */
    public ReadOnlyObjectProperty<String> waitsProperty() {
        return texts.column("waits", Texts::waits);
    }

    /** The node's acquire timeouts ("pool exhausted" errors). */
    public ReadOnlyObjectProperty<String> timeoutsProperty() {
        return texts.column("timeouts", Texts::timeouts);
    }

    /** ok, busy (≥ 80 % in use) or exhausted (every connection in use). */
    public ReadOnlyObjectProperty<String> levelProperty() {
        return texts.column("level", Texts::level);
    }

    /** exhausted when the node has seen acquire timeouts, else ok. */
    public ReadOnlyObjectProperty<String> timeoutsLevelProperty() {
        return texts.column("timeoutsLevel", Texts::timeoutsLevel);
    }
}
