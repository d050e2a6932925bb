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
    /** The figures shown, null while none are: what a refresh compares against. */
    private Figures shown;

    MemoryRow(String id) {
        this.id = id;
    }

    /** Figures of one refresh; -1 for an unknown RAM or process size. */
    record Figures(String role, long ram, long osOverhead, long budget, long bufferPools, int openDatabases,
                   long process, boolean over, String reason) {
    }

    /** A node that sent no memory figures this time (unreachable, or no buffer_pool section): why. */
    void updateUnavailable(String nodeRole, String why) {
        shown = null;
        set(role, nodeRole);
        set(ramBytes, -1L);
        set(ram, "—");
        set(budget, "—");
        set(bufferPools, "—");
        set(process, "—");
        set(overBudget, false);
        set(reason, why);
        set(bar, null);
        set(status, "no figures");
    }

    /** Shows {@code f}; the same figures as shown cost nothing (no text formatted, nothing fires). */
    void update(Figures f) {
        if (f.equals(shown)) {
            return;
        }
        shown = f;
        set(role, f.role());
        set(ramBytes, f.ram());
        set(osOverheadBytes, f.osOverhead());
        set(budgetBytes, f.budget());
        set(bufferPoolBytes, f.bufferPools());
        set(processBytes, f.process());
        set(ram, f.ram() < 0 ? "RAM unknown" : Units.bytes(f.ram()));
        set(budget, Units.bytes(f.budget()));
        set(bufferPools, Units.bytes(f.bufferPools()) + " in " + Units.count(f.openDatabases(), "database", "databases"));
        set(process, f.process() < 0 ? "—" : Units.bytes(f.process()));
        set(overBudget, f.over());
        set(reason, f.reason());
        set(bar, new MemoryBar(f.ram(), f.osOverhead(), f.budget(), f.bufferPools(), f.process()));
        set(status, f.over() ? "over budget" : "fits");
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
