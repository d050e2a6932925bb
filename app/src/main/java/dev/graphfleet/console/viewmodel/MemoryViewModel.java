package dev.graphfleet.console.viewmodel;

import dev.graphfleet.config.InstanceTypes;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.MemoryCheck;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.NodeSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/** Buffer pools: per node, the RAM split into OS overhead, buffer pools and free, and the process's real size. */
public final class MemoryViewModel extends LiveViewModel<MemoryViewModel.Frame> {

    private static final long GIB = 1024L * 1024 * 1024;

    private final ObservableList<MemoryRow> rows = new RowList<>();
    private final ListFilter<MemoryRow> filter = new ListFilter<>(rows, java.util.Set.of("node", "role", "status", "reason"),
            r -> ListFilter.fields("node", r.id(), "role", r.roleProperty().get(), "status", r.statusProperty().get(),
                    "reason", r.reasonProperty().get()));
    private final IntegerProperty overBudgetCount = new SimpleIntegerProperty(this, "overBudgetCount");
    private final ObjectProperty<List<OverBudget>> overBudget = new SimpleObjectProperty<>(this, "overBudget", List.of());
    private final javafx.beans.property.StringProperty summary =
            new javafx.beans.property.SimpleStringProperty(this, "summary", "");

    /** What {@link #prepare} made for each node last time: equal texts are reused (prepare's thread only). */
    private Map<String, MemoryRow.Texts> prepared = new HashMap<>();

    /** One refresh as the Buffer pools view shows it: the rows by node, the nodes over budget, the headline. */
    public record Frame(List<Item> items, List<OverBudget> overBudget, String summary) {
    }

    /** One row: the node and its texts. */
    record Item(String id, MemoryRow.Texts texts) {
    }

    @Override
    protected Frame prepare(ConsoleState state) {
        // Every instance keeps its row: one that stops answering says so instead of vanishing.
        List<FleetInstance> instances = new ArrayList<>(state.fleet().instances());
        instances.sort(Comparator.comparing(FleetInstance::id));
        List<Item> items = new ArrayList<>(instances.size());
        Map<String, MemoryRow.Texts> next = new HashMap<>(instances.size() * 2);
        List<OverBudget> over = new ArrayList<>();
        MissingFigures missing = new MissingFigures();
        for (FleetInstance instance : instances) {
            NodeSummary.BufferPool pool = instance.node() == null ? null : instance.node().bufferPool();
            MemoryRow.Texts was = prepared.get(instance.id());
            MemoryRow.Texts texts;
            if (pool == null) {
                String why = Unavailable.why(instance, "buffer_pool");
                missing.missing(instance.id(), why);
                texts = MemoryRow.Texts.unavailable(InstanceRow.roleLabel(instance), why);
            } else {
                missing.figures();
                MemoryRow.Figures f = figures(instance, pool, state.detail(instance.id()), state.memory(instance.id()));
                if (f.over()) {
                    over.add(new OverBudget(instance.id(), f.reason()));
                }
                texts = was != null && f.equals(was.figures()) ? was : MemoryRow.Texts.of(f);
            }
            if (texts != was && texts.equals(was)) {
                texts = was;
            }
            next.put(instance.id(), texts);
            items.add(new Item(instance.id(), texts));
        }
        prepared = next; // nodes gone from the fleet are forgotten
        return new Frame(List.copyOf(items), List.copyOf(over), headline(over.size(), missing, state.fleet()));
    }

    @Override
    protected void update(Frame frame) {
        RowSync.sync(rows, frame.items(), Item::id, MemoryRow::id, item -> {
            MemoryRow row = new MemoryRow(item.id());
            row.show(item.texts());
            return row;
        }, (row, item) -> row.show(item.texts()));
        RowSync.set(overBudgetCount, frame.overBudget().size());
        RowSync.set(overBudget, frame.overBudget()); // equal lists: no change, no rebuilt labels
        RowSync.set(summary, frame.summary());
        filter.refreshed();
    }

    /** Over budget, fits, or no figures, and from which nodes none came. */
    static String headline(int over, MissingFigures missing, dev.graphfleet.fleet.FleetSnapshot fleet) {
        String verdict = over > 0 ? over + (over == 1 ? " node" : " nodes") + " over budget"
                : missing.complete() ? "Every node's memory fits its budget"
                : "Memory fits its budget on " + missing.withFigures() + " of " + missing.nodes() + " nodes";
        return missing.headline(fleet, verdict);
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
