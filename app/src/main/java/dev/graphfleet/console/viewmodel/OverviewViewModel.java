package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.NodeSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Overview: is anything wrong? One row per node, worst first (down, not ready, something wrong,
 * worth a look, fine; then by id), each with its health, versions, memory, volume and pool as gauges
 * with a sparkline of the last minutes, and its problems. Keeps the nodes' history ({@link NodeHistory})
 * from every refresh, shown or not, for the sparklines and the node drawer's chart.
 */
public final class OverviewViewModel extends LiveViewModel {

    /** Readings in a sparkline: 5 s apart, the last 5 minutes. */
    static final int SPARKLINE_POINTS = 60;

    private static final Comparator<Item> WORST_FIRST = Comparator.comparingInt(Item::rank).reversed()
            .thenComparing(Comparator.comparingInt(Item::wrong).reversed()).thenComparing(Item::id);

    private final ObservableList<OverviewRow> rows = FXCollections.observableArrayList();
    private final ListFilter<OverviewRow> filter = new ListFilter<>(rows,
            Set.of("node", "health", "role", "version", "problem"),
            r -> ListFilter.fields("node", r.id(), "health", r.healthProperty().get(), "role", r.roleProperty().get(),
                    "version", r.versionsProperty().get(), "problem", r.problemsProperty().get()));
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "Waiting for the first refresh…");
    private final NodeHistory history = new NodeHistory();
    private final VolumesViewModel volumes;
    private final ForecastMemo forecasts = new ForecastMemo();
    private Instant lastSweep;

    /** The Volumes view's history and thresholds: the forecast on a bar here is the one shown there. */
    public OverviewViewModel(VolumesViewModel volumes) {
        this.volumes = volumes;
    }

    @Override
    protected void observe(ConsoleState state) {
        Instant at = state.refresh().finishedAt();
        // the history keeps one reading per node every 5 s: the refreshes between cost nothing (not 10,000 look-ups)
        if (lastSweep != null && at.isAfter(lastSweep) && at.isBefore(lastSweep.plus(NodeHistory.FINE_SPACING))) {
            return;
        }
        lastSweep = at;
        List<FleetInstance> instances = state.fleet().instances();
        for (FleetInstance i : instances) {
            NodeSummary node = i.node();
            NodeSummary.BufferPool memory = node == null ? null : node.bufferPool();
            NodeSummary.PoolUsage pool = node == null ? null : node.pool();
            NodeSummary.VolumeUsage volume = node == null ? null : node.dataVolume();
            history.record(i.id(), at,
                    memory == null ? Double.NaN : memory.configuredTotalBytes(),
                    memory == null ? Double.NaN : memory.memoryBudgetBytes(),
                    pool == null ? Double.NaN : pool.inUse(), pool == null ? Double.NaN : pool.max(),
                    volume == null ? Double.NaN : volume.usedGb(), volume == null ? Double.NaN : volume.sizeGb());
        }
        // every instance was just recorded: more nodes kept than instances means some left (no set to build otherwise)
        if (state.fleet().sourceReachable() && (history.size() > instances.size() || forecasts.size() > instances.size())) {
            Set<String> present = new HashSet<>(instances.size() * 2);
            instances.forEach(i -> present.add(i.id()));
            history.retain(present);
            forecasts.retain(present);
        }
    }

    @Override
    protected void update(ConsoleState state) {
        Instant now = state.refresh().finishedAt();
        double alarm = volumes.alarmThresholdProperty().get();
        double expansion = volumes.expansionThresholdProperty().get();
        VolumeHistory volumeHistory = volumes.history();
        List<Item> items = new ArrayList<>(state.fleet().instances().size());
        int down = 0;
        int wrong = 0;
        int look = 0;
        int noFigures = 0;
        for (FleetInstance i : state.fleet().instances()) {
            NodeSummary.VolumeUsage v = i.node() == null ? null : i.node().dataVolume();
            FillForecast forecast = v == null ? null : forecasts.get(i.id(), volumeHistory.lastAt(i.id()), v.sizeGb(),
                    () -> FillForecast.of(volumeHistory.samples(i.id()), v.usedGb(), v.sizeGb(), now));
            OverviewFigures f = OverviewFigures.of(i, state.memory(i.id()), forecast, alarm, expansion,
                    history.revision(i.id()));
            Item item = new Item(i.id(), f, f.rank(), f.wrong());
            items.add(item);
            switch (item.rank()) {
                case 4 -> down++;
                case 3, 2 -> wrong++;
                case 1 -> look++;
                default -> { }
            }
            noFigures += i.node() == null ? 1 : 0;
        }
        items.sort(WORST_FIRST);
        RowSync.sync(rows, items, Item::id, OverviewRow::id, item -> {
            OverviewRow row = new OverviewRow(item.id());
            row.update(item.figures(), history);
            return row;
        }, (row, item) -> row.update(item.figures(), history));
        filter.refreshed();
        RowSync.set(summary, summary(items.size(), down, wrong, look, noFigures, state.fleet().sourceReachable()));
    }

    /** The headline: never "all fine" unless every node gave its figures and none is off. */
    private static String summary(int total, int down, int wrong, int look, int noFigures, boolean reachable) {
        if (total == 0) {
            return reachable ? "No instances in the last refresh" : "No instances: the source did not answer";
        }
        if (down == 0 && wrong == 0 && look == 0 && noFigures == 0) {
            return "All " + Units.count(total, "node", "nodes") + " fine: healthy, within budget, below the thresholds";
        }
        List<String> parts = new ArrayList<>();
        if (down > 0) {
            parts.add(down + " down");
        }
        if (wrong > 0) {
            parts.add(wrong + " with problems");
        }
        if (look > 0) {
            parts.add(look + " worth a look");
        }
        if (noFigures > down) {
            parts.add("no figures from " + Units.count(noFigures, "node", "nodes"));
        }
        return (down + wrong + look) + " of " + Units.count(total, "node", "nodes") + " need attention: "
                + String.join(", ", parts);
    }

    private record Item(String id, OverviewFigures figures, int rank, int wrong) {
    }

    /** Worst first. */
    public ObservableList<OverviewRow> rows() {
        return rows;
    }

    /** The {@code /} filter of the table. */
    public ListFilter<OverviewRow> filter() {
        return filter;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** Every node's memory, connections and volume over time (bounded). */
    public NodeHistory history() {
        return history;
    }
}
