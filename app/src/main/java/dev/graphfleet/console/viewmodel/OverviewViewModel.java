package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.NodeSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * Overview: is anything wrong? One row per node, worst first (down, not ready, something wrong,
 * worth a look, fine; then by id), each with its health, versions, memory, volume and pool as gauges
 * with a sparkline of the last minutes, and its problems. Keeps the nodes' history ({@link NodeHistory})
 * from every refresh, shown or not, for the sparklines and the node drawer's chart.
 */
public final class OverviewViewModel extends LiveViewModel<OverviewViewModel.Frame> {

    /** Readings in a sparkline: 5 s apart, the last 5 minutes. */
    static final int SPARKLINE_POINTS = 60;

    private static final Comparator<Item> WORST_FIRST = Comparator.comparingInt(Item::rank).reversed()
            .thenComparing(Comparator.comparingInt(Item::wrong).reversed()).thenComparing(Item::id);

    private final ObservableList<OverviewRow> rows = new RowList<>();
    private final ListFilter<OverviewRow> filter = new ListFilter<>(rows,
            Set.of("node", "health", "role", "version", "problem"),
            r -> ListFilter.fields("node", r.id(), "health", r.healthProperty().get(), "role", r.roleProperty().get(),
                    "version", r.versionsProperty().get(), "problem", r.problemsProperty().get()));
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "Waiting for the first refresh…");
    private final StringProperty widestVersions = new SimpleStringProperty(this, "widestVersions", "");
    private final NodeHistory history = new NodeHistory();
    private final VolumesViewModel volumes;
    private final ForecastMemo forecasts = new ForecastMemo();
    private Instant lastSweep;
    /**
     * What {@link #prepare} made for each node last time: equal figures reuse its texts, and the id is the
     * same instance, so the FX thread matches rows by identity (prepare's thread only).
     */
    private Map<String, Prepared> prepared = new HashMap<>();

    /** The Volumes view's history and thresholds: the forecast on a bar here is the one shown there. */
    public OverviewViewModel(VolumesViewModel volumes) {
        this.volumes = volumes;
    }

    /** One refresh as the Overview shows it: the rows worst first, the headline, the longest versions text. */
    public record Frame(List<Item> items, String summary, String widestVersions) {
    }

    /** One row: the node, its sort keys and its texts. */
    record Item(String id, int rank, int wrong, OverviewRow.Texts texts) {
    }

    private record Prepared(String id, OverviewFigures figures, OverviewRow.Texts texts) {
    }

    @Override
    protected Frame prepare(ConsoleState state) {
        record(state);
        Instant now = state.refresh().finishedAt();
        double alarm = volumes.alarmThreshold();
        double expansion = volumes.expansionThreshold();
        VolumeHistory volumeHistory = volumes.history();
        List<FleetInstance> instances = state.fleet().instances();
        List<Item> items = new ArrayList<>(instances.size());
        Map<String, Prepared> next = new HashMap<>(instances.size() * 2);
        int down = 0;
        int wrong = 0;
        int look = 0;
        int noFigures = 0;
        String widest = "";
        for (FleetInstance i : instances) {
            NodeSummary.VolumeUsage v = i.node() == null ? null : i.node().dataVolume();
            FillForecast forecast = v == null ? null : forecasts.get(i.id(), volumeHistory.lastAt(i.id()), v.sizeGb(),
                    () -> FillForecast.of(volumeHistory.samples(i.id()), v.usedGb(), v.sizeGb(), now));
            OverviewFigures f = OverviewFigures.of(i, state.memory(i.id()), forecast, alarm, expansion,
                    history.revision(i.id()));
            Prepared was = prepared.get(i.id());
            OverviewRow.Texts texts = was != null && was.figures().equals(f) ? was.texts()
                    : OverviewRow.Texts.of(i.id(), f, was == null ? null : was.texts(),
                    was == null || was.figures().revision() != f.revision(), history);
            String id = was == null ? i.id() : was.id();
            next.put(id, new Prepared(id, f, texts));
            Item item = new Item(id, f.rank(), f.wrong(), texts);
            items.add(item);
            switch (item.rank()) {
                case 4 -> down++;
                case 3, 2 -> wrong++;
                case 1 -> look++;
                default -> { }
            }
            noFigures += i.node() == null ? 1 : 0;
            // the versions a node serves, not why a node without figures has none (that may be long)
            if (f.hasSummary() && texts.versions().length() > widest.length()) {
                widest = texts.versions();
            }
        }
        prepared = next; // nodes gone from the fleet are forgotten
        items.sort(WORST_FIRST);
        return new Frame(List.copyOf(items), summary(items.size(), down, wrong, look, noFigures,
                state.fleet().sourceReachable()), widest);
    }

    /** The history keeps one reading per node every 5 s: the refreshes between cost nothing (not 10,000 look-ups). */
    private void record(ConsoleState state) {
        Instant at = state.refresh().finishedAt();
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
    protected void update(Frame frame) {
        RowSync.sync(rows, frame.items(), Item::id, OverviewRow::id, item -> {
            OverviewRow row = new OverviewRow(item.id());
            row.show(item.texts());
            return row;
        }, (row, item) -> row.show(item.texts()));
        filter.refreshed();
        RowSync.set(summary, frame.summary());
        RowSync.set(widestVersions, frame.widestVersions());
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

    /** The longest versions text of any node: the Versions column is as wide, never cut after the first. */
    public StringProperty widestVersionsProperty() {
        return widestVersions;
    }

    /** Every node's memory, connections and volume over time (bounded). */
    public NodeHistory history() {
        return history;
    }
}
