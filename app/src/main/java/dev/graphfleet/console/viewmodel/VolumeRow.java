package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.viewmodel.RowSync.set;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One node's data volume: against the alarm and expansion thresholds, who measured it (the node or
 * the CloudWatch fallback), its modification state and when it fills at the current growth.
 */
public final class VolumeRow {

    private final String id;
    private final StringProperty mountPoint = new SimpleStringProperty(this, "mountPoint");
    private final StringProperty size = new SimpleStringProperty(this, "size");
    private final StringProperty used = new SimpleStringProperty(this, "used");
    private final StringProperty free = new SimpleStringProperty(this, "free");
    private final DoubleProperty usage = new SimpleDoubleProperty(this, "usage");
    private final StringProperty usageText = new SimpleStringProperty(this, "usageText");
    private final StringProperty level = new SimpleStringProperty(this, "level");
    private final StringProperty status = new SimpleStringProperty(this, "status");
    private final ObjectProperty<Gauge> gauge = new SimpleObjectProperty<>(this, "gauge");
    private final StringProperty source = new SimpleStringProperty(this, "source", "node");
    private final StringProperty sourceLevel = new SimpleStringProperty(this, "sourceLevel", "ok");
    private final StringProperty modification = new SimpleStringProperty(this, "modification", "—");
    private final StringProperty modificationLevel = new SimpleStringProperty(this, "modificationLevel", "none");
    private final StringProperty forecast = new SimpleStringProperty(this, "forecast", "—");
    private final StringProperty forecastLevel = new SimpleStringProperty(this, "forecastLevel", "ok");

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

    /** What the row shows now: prepared texts seen before cost one comparison. */
    private Texts shown;

    /** On the FX thread: sets what changed. */
    void show(Texts t) {
        if (t == shown) {
            return;
        }
        shown = t;
        set(mountPoint, t.mountPoint());
        set(size, t.size());
        set(used, t.used());
        set(free, t.free());
        set(usage, t.usage());
        set(usageText, t.usageText());
        set(level, t.level());
        set(status, t.status());
        set(gauge, t.gauge());
        Extras e = t.extras();
        set(source, e.source());
        set(sourceLevel, e.sourceLevel());
        set(modification, e.modification());
        set(modificationLevel, e.modificationLevel());
        set(forecast, e.forecast());
        set(forecastLevel, e.forecastLevel());
    }

    /** The usage bar. */
    public ObjectProperty<Gauge> gaugeProperty() {
        return gauge;
    }

    public String id() {
        return id;
    }

    public StringProperty mountPointProperty() {
        return mountPoint;
    }

    public StringProperty sizeProperty() {
        return size;
    }

    public StringProperty usedProperty() {
        return used;
    }

    public StringProperty freeProperty() {
        return free;
    }

    /** Used fraction 0..1. */
    public DoubleProperty usageProperty() {
        return usage;
    }

    public StringProperty usageTextProperty() {
        return usageText;
    }

    /** ok, alarm (over the alarm threshold) or expand (over the expansion threshold). */
    public StringProperty levelProperty() {
        return level;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** "node", "CloudWatch (fallback, 3×)" or "none". */
    public StringProperty sourceProperty() {
        return source;
    }

    /** ok (node), fallback (CloudWatch) or unknown (neither). */
    public StringProperty sourceLevelProperty() {
        return sourceLevel;
    }

    /** "modifying 1 → 2 GB", "optimizing …", "completed …", or "—". */
    public StringProperty modificationProperty() {
        return modification;
    }

    /** none, modifying, optimizing, completed or failed. */
    public StringProperty modificationLevelProperty() {
        return modificationLevel;
    }

    /** "fills in ~5 h (+1.2 GB/h)", "not growing", … */
    public StringProperty forecastProperty() {
        return forecast;
    }

    /** ok, soon (within a day) or full. */
    public StringProperty forecastLevelProperty() {
        return forecastLevel;
    }
}
