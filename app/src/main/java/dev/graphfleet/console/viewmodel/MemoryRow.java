package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.viewmodel.RowSync.set;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One node's memory budget: the parts of its RAM (bytes; -1 when unknown) for the stacked bar,
 * the same as text, and whether and why it is over budget.
 */
public final class MemoryRow {

    private final String id;
    private final StringProperty role = new SimpleStringProperty(this, "role");
    private final LongProperty ramBytes = new SimpleLongProperty(this, "ramBytes", -1);
    private final LongProperty osOverheadBytes = new SimpleLongProperty(this, "osOverheadBytes");
    private final LongProperty budgetBytes = new SimpleLongProperty(this, "budgetBytes");
    private final LongProperty bufferPoolBytes = new SimpleLongProperty(this, "bufferPoolBytes");
    private final LongProperty processBytes = new SimpleLongProperty(this, "processBytes", -1);
    private final StringProperty ram = new SimpleStringProperty(this, "ram");
    private final StringProperty budget = new SimpleStringProperty(this, "budget");
    private final StringProperty bufferPools = new SimpleStringProperty(this, "bufferPools");
    private final StringProperty process = new SimpleStringProperty(this, "process");
    private final BooleanProperty overBudget = new SimpleBooleanProperty(this, "overBudget");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ObjectProperty<MemoryBar> bar = new SimpleObjectProperty<>(this, "bar");
    private final StringProperty status = new SimpleStringProperty(this, "status");
    /** The texts shown: prepared texts seen before cost one comparison. */
    private Texts shown;

    MemoryRow(String id) {
        this.id = id;
    }

    /** Figures of one refresh; -1 for an unknown RAM or process size. */
    record Figures(String role, long ram, long osOverhead, long budget, long bufferPools, int openDatabases,
                   long process, boolean over, String reason) {
    }

    /**
     * Everything the row shows, formatted off the FX thread (the view's prepare step): the same instance
     * again when nothing changed, so the FX thread skips the row after one comparison.
     *
     * @param figures null when the node sent none this time (the byte figures shown before stay)
     */
    record Texts(String role, Figures figures, String ram, String budget, String bufferPools, String process,
                 boolean over, String reason, MemoryBar bar, String status) {

        /** A node that sent no memory figures this time (unreachable, or no buffer_pool section): why. */
        static Texts unavailable(String role, String why) {
            return new Texts(role, null, "—", "—", "—", "—", false, why, null, "no figures");
        }

        static Texts of(Figures f) {
            return new Texts(f.role(), f, f.ram() < 0 ? "RAM unknown" : Units.bytes(f.ram()), Units.bytes(f.budget()),
                    Units.bytes(f.bufferPools()) + " in " + Units.count(f.openDatabases(), "database", "databases"),
                    f.process() < 0 ? "—" : Units.bytes(f.process()), f.over(), f.reason(),
                    new MemoryBar(f.ram(), f.osOverhead(), f.budget(), f.bufferPools(), f.process()),
                    f.over() ? "over budget" : "fits");
        }
    }

    /** A node that sent no memory figures this time (unreachable, or no buffer_pool section): why. */
    void updateUnavailable(String nodeRole, String why) {
        show(Texts.unavailable(nodeRole, why));
    }

    /** Shows {@code f}; the same figures as shown fire nothing. */
    void update(Figures f) {
        show(Texts.of(f));
    }

    /** On the FX thread: sets what changed. */
    void show(Texts t) {
        if (t == shown) {
            return;
        }
        shown = t;
        set(role, t.role());
        Figures f = t.figures();
        if (f == null) {
            set(ramBytes, -1L);
        } else {
            set(ramBytes, f.ram());
            set(osOverheadBytes, f.osOverhead());
            set(budgetBytes, f.budget());
            set(bufferPoolBytes, f.bufferPools());
            set(processBytes, f.process());
        }
        set(ram, t.ram());
        set(budget, t.budget());
        set(bufferPools, t.bufferPools());
        set(process, t.process());
        set(overBudget, t.over());
        set(reason, t.reason());
        set(bar, t.bar());
        set(status, t.status());
    }

    /** over budget, fits, or no figures. */
    public StringProperty statusProperty() {
        return status;
    }

    /** All the figures for the stacked bar, replaced as one value so the bar redraws once. */
    public ObjectProperty<MemoryBar> barProperty() {
        return bar;
    }

    public String id() {
        return id;
    }

    public StringProperty roleProperty() {
        return role;
    }

    public LongProperty ramBytesProperty() {
        return ramBytes;
    }

    public LongProperty osOverheadBytesProperty() {
        return osOverheadBytes;
    }

    public LongProperty budgetBytesProperty() {
        return budgetBytes;
    }

    public LongProperty bufferPoolBytesProperty() {
        return bufferPoolBytes;
    }

    public LongProperty processBytesProperty() {
        return processBytes;
    }

    public StringProperty ramProperty() {
        return ram;
    }

    public StringProperty budgetProperty() {
        return budget;
    }

    public StringProperty bufferPoolsProperty() {
        return bufferPools;
    }

    public StringProperty processProperty() {
        return process;
    }

    public BooleanProperty overBudgetProperty() {
        return overBudget;
    }

    public StringProperty reasonProperty() {
        return reason;
    }
}
