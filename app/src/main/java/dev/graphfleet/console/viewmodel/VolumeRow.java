package dev.graphfleet.console.viewmodel;

import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * One node's data volume: against the alarm and expansion thresholds, who measured it (the node or
 * the CloudWatch fallback), its modification state and when it fills at the current growth.
 */
public final class VolumeRow {

    private final String id;
    private final RowValues<Texts> texts = new RowValues<>(this);

    VolumeRow(String id) {
        this.id = id;
    }

    record Figures(String mountPoint, double sizeGb, double usedGb, double freeGb, double usage, boolean stale,
                   double alarm, double expansion) {
    }

    /**
     * Beyond the figures: who measured, the modification, the forecast.
     *
     * @param sourceLevel       ok (node), fallback (CloudWatch) or unknown (neither)
     * @param modificationLevel none, modifying, optimizing, completed or failed
     * @param forecastLevel     ok, soon (within a day) or full
     */
    record Extras(String source, String sourceLevel, String modification, String modificationLevel, String forecast,
                  String forecastLevel) {
        static final Extras NONE = new Extras("node", "ok", "—", "none", "—", "ok");
    }

    /**
     * Everything the row shows, formatted off the FX thread (the view's prepare step): the same instance
     * again when nothing changed, so the FX thread skips the row after one comparison.
     */
    record Texts(String mountPoint, String size, String used, String free, double usage, String usageText,
                 String level, String status, Gauge gauge, Extras extras) {

        /** A node that sent no volume figures this time: why. */
        static Texts unavailable(String why, Extras extras) {
            return new Texts("—", "—", "—", "—", 0.0, "—", "unknown", "no figures: " + why, null, extras);
        }

        static Texts of(Figures f, Extras extras) {
            String usageText = Units.percent(f.usage()) + " used";
            String lvl = f.usage() > f.expansion() ? "expand" : f.usage() > f.alarm() ? "alarm" : "ok";
            String text = switch (lvl) {
                case "expand" -> "over the " + Units.percent(f.expansion()) + " expansion threshold: due to expand";
                case "alarm" -> "over the " + Units.percent(f.alarm()) + " alarm threshold";
                default -> "below the " + Units.percent(f.alarm()) + " alarm threshold";
            };
            return new Texts(f.mountPoint() == null ? "—" : f.mountPoint(), Units.gigabytes(f.sizeGb()),
                    Units.gigabytes(f.usedGb()), Units.gigabytes(f.freeGb()), f.usage(), usageText, lvl,
                    f.stale() ? text + " (figures stale)" : text, new Gauge(f.usage(), lvl, usageText), extras);
        }
    }

    /** On the FX thread: texts seen before cost one comparison; new ones fire the changed columns cells show. */
    void show(Texts t) {
        texts.show(t);
    }

    /** The usage bar. */
    public ReadOnlyObjectProperty<Gauge> gaugeProperty() {
        return texts.column("gauge", Texts::gauge);
    }

    public String id() {
        return id;
    }

    public ReadOnlyObjectProperty<String> mountPointProperty() {
        return texts.column("mountPoint", Texts::mountPoint);
    }

    public ReadOnlyObjectProperty<String> sizeProperty() {
        return texts.column("size", Texts::size);
    }

    public ReadOnlyObjectProperty<String> usedProperty() {
        return texts.column("used", Texts::used);
    }

    public ReadOnlyObjectProperty<String> freeProperty() {
        return texts.column("free", Texts::free);
    }

    /** Used fraction 0..1. */
    public ReadOnlyObjectProperty<Double> usageProperty() {
        return texts.column("usage", Texts::usage);
    }

    public ReadOnlyObjectProperty<String> usageTextProperty() {
        return texts.column("usageText", Texts::usageText);
    }

    /** ok, alarm (over the alarm threshold) or expand (over the expansion threshold). */
    public ReadOnlyObjectProperty<String> levelProperty() {
        return texts.column("level", Texts::level);
    }

    public ReadOnlyObjectProperty<String> statusProperty() {
        return texts.column("status", Texts::status);
    }

    /** "node", "CloudWatch (fallback, 3×)" or "none". */
    public ReadOnlyObjectProperty<String> sourceProperty() {
        return texts.column("source", t -> t.extras().source());
    }

    /** ok (node), fallback (CloudWatch) or unknown (neither). */
    public ReadOnlyObjectProperty<String> sourceLevelProperty() {
        return texts.column("sourceLevel", t -> t.extras().sourceLevel());
    }

    /** "modifying 1 → 2 GB", "optimizing …", "completed …", or "—". */
    public ReadOnlyObjectProperty<String> modificationProperty() {
        return texts.column("modification", t -> t.extras().modification());
    }

    /** none, modifying, optimizing, completed or failed. */
    public ReadOnlyObjectProperty<String> modificationLevelProperty() {
        return texts.column("modificationLevel", t -> t.extras().modificationLevel());
    }

    /** "fills in ~5 h (+1.2 GB/h)", "not growing", … */
    public ReadOnlyObjectProperty<String> forecastProperty() {
        return texts.column("forecast", t -> t.extras().forecast());
    }

    /** ok, soon (within a day) or full. */
    public ReadOnlyObjectProperty<String> forecastLevelProperty() {
        return texts.column("forecastLevel", t -> t.extras().forecastLevel());
    }
}
