package dev.graphfleet.console.viewmodel;

import dev.graphfleet.config.InstanceTypes;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.MemoryCheck;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.NodeSummary;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Buffer pools: per node, the RAM split into OS overhead, buffer pools and free, and the process's real size. */
public final class MemoryViewModel extends LiveViewModel {

    private static final long GIB = 1024L * 1024 * 1024;

    private final ObservableList<MemoryRow> rows = FXCollections.observableArrayList();
    private final ListFilter<MemoryRow> filter = new ListFilter<>(rows, java.util.Set.of("node", "role", "status", "reason"),
            r -> ListFilter.fields("node", r.id(), "role", r.roleProperty().get(), "status", r.statusProperty().get(),
                    "reason", r.reasonProperty().get()));
    private final IntegerProperty overBudgetCount = new SimpleIntegerProperty(this, "overBudgetCount");
    private final ObjectProperty<List<OverBudget>> overBudget = new SimpleObjectProperty<>(this, "overBudget", List.of());
    private final javafx.beans.property.StringProperty summary =
            new javafx.beans.property.SimpleStringProperty(this, "summary", "");

    @Override
    protected void update(ConsoleState state) {
        // Every instance keeps its row: one that stops answering says so instead of vanishing.
        List<Item> items = new ArrayList<>();
        for (FleetInstance instance : state.fleet().instances()) {
            NodeSummary.BufferPool pool = instance.node() == null ? null : instance.node().bufferPool();
            items.add(pool == null
                    ? new Item(instance.id(), null, InstanceRow.roleLabel(instance), Unavailable.why(instance, "buffer_pool"))
                    : new Item(instance.id(), figures(instance, pool, state.detail(instance.id()),
                            state.memory(instance.id())), null, null));
        }
        items.sort((a, b) -> a.id().compareTo(b.id()));
        RowSync.sync(rows, items, Item::id, MemoryRow::id, item -> {
            MemoryRow row = new MemoryRow(item.id());
            item.applyTo(row);
            return row;
        }, (row, item) -> item.applyTo(row));
        List<OverBudget> over = items.stream().filter(i -> i.figures() != null && i.figures().over())
                .map(i -> new OverBudget(i.id(), i.figures().reason())).toList();
        RowSync.set(overBudgetCount, over.size());
        RowSync.set(overBudget, over); // equal lists: no change, no rebuilt labels
        MissingFigures missing = MissingFigures.of(items, Item::id, i -> i.figures() != null, Item::why);
        RowSync.set(summary, headline(over.size(), missing, state.fleet()));
        filter.refreshed();
    }

    /** Over budget, fits, or no figures, and from which nodes none came. */
    static String headline(int over, MissingFigures missing, dev.graphfleet.fleet.FleetSnapshot fleet) {
        String verdict = over > 0 ? over + (over == 1 ? " node" : " nodes") + " over budget"
                : missing.complete() ? "Every node's memory fits its budget"
                : "Memory fits its budget on " + missing.withFigures() + " of " + missing.nodes() + " nodes";
        return missing.headline(fleet, verdict);
    }

    private record Item(String id, MemoryRow.Figures figures, String role, String why) {
        void applyTo(MemoryRow row) {
            if (figures == null) {
                row.updateUnavailable(role, why);
            } else {
                row.update(figures);
            }
        }
    }

    private static MemoryRow.Figures figures(FleetInstance instance, NodeSummary.BufferPool pool, NodeDetail detail,
                                             MemoryCheck.MemoryVerdict verdict) {
        long ram = ram(instance, detail);
        long pools = detail != null && !detail.bufferPools().isEmpty()
                ? detail.bufferPools().values().stream().mapToLong(Long::longValue).sum()
                : pool.configuredTotalBytes();
        int open = detail != null && !detail.bufferPools().isEmpty() ? detail.bufferPools().size() : pool.openDatabases();
        boolean over = verdict != null && verdict.overBudget();
        return new MemoryRow.Figures(InstanceRow.roleLabel(instance), ram, MemoryCheck.osOverheadBytes(),
                pool.memoryBudgetBytes(), pools, open,
                pool.processResidentBytes() == null ? -1 : pool.processResidentBytes(), over,
                over ? String.join("; ", verdict.reasons()) : "");
    }

    /** The instance type's RAM when known, else what the node reports, else unknown (-1). */
    private static long ram(FleetInstance instance, NodeDetail detail) {
        if (instance.instanceType() != null) {
            var type = InstanceTypes.builtIn().find(instance.instanceType());
            if (type.isPresent()) {
                return type.get().memoryGib() * GIB;
            }
        }
        return detail != null && detail.ramBytes() != null ? detail.ramBytes() : -1;
    }

    /** The {@code /} filter of the table. */
    public ListFilter<MemoryRow> filter() {
        return filter;
    }

    public ObservableList<MemoryRow> rows() {
        return rows;
    }

    /** The headline: over budget, fits, or which nodes gave no figures and why. */
    public javafx.beans.property.StringProperty summaryProperty() {
        return summary;
    }

    public IntegerProperty overBudgetCountProperty() {
        return overBudgetCount;
    }

    /** The nodes over budget with their reasons, in node order. */
    public ObjectProperty<List<OverBudget>> overBudgetProperty() {
        return overBudget;
    }
}
