package dev.graphfleet.console.viewmodel;

import dev.graphfleet.config.VolumesConfig;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.VolumeFacts;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.NodeSummary;
import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.monitor.DiskReading;
import dev.graphfleet.volume.monitor.MetricsSource;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Volumes: each node's data volume against the alarm (0.7) and expansion (0.8) thresholds, who measured
 * it (node or CloudWatch fallback), its modification state and fill forecast; for the selected volume its
 * usage history (kept here from every refresh, bounded) and the expansions seen.
 */
public final class VolumesViewModel extends LiveViewModel<VolumesViewModel.Frame> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final ObservableList<VolumeRow> rows = new RowList<>();
    private final DoubleProperty alarmThreshold = new SimpleDoubleProperty(this, "alarmThreshold",
            VolumesConfig.DEFAULT_ALARM_THRESHOLD);
    private final DoubleProperty expansionThreshold = new SimpleDoubleProperty(this, "expansionThreshold",
            VolumesConfig.DEFAULT_EXPANSION_THRESHOLD);
    private final IntegerProperty overThreshold = new SimpleIntegerProperty(this, "overThreshold");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final ListFilter<VolumeRow> filter = new ListFilter<>(rows,
            java.util.Set.of("node", "mount", "level", "status", "source", "modification", "forecast"),
            r -> ListFilter.fields("node", r.id(), "mount", r.mountPointProperty().get(), "level",
                    r.levelProperty().get(), "status", r.statusProperty().get(), "source", r.sourceProperty().get(),
                    "modification", r.modificationProperty().get(), "forecast", r.forecastProperty().get()));
    private final LongProperty fallbacks = new SimpleLongProperty(this, "fallbacks");
    private final BooleanProperty simulated = new SimpleBooleanProperty(this, "simulated");
    private final VolumeHistory history = new VolumeHistory();
    private final ForecastMemo forecasts = new ForecastMemo();

    private final StringProperty selectedId = new SimpleStringProperty(this, "selectedId");
    private final StringProperty selectedTitle = new SimpleStringProperty(this, "selectedTitle", "");
    private final StringProperty selectedForecast = new SimpleStringProperty(this, "selectedForecast", "");
    private final StringProperty selectedSource = new SimpleStringProperty(this, "selectedSource", "");
    private final StringProperty selectedModification = new SimpleStringProperty(this, "selectedModification", "");
    private final ObjectProperty<List<VolumeHistory.Point>> selectedHistory =
            new SimpleObjectProperty<>(this, "selectedHistory", List.of());
    private final ObservableList<String> selectedExpansions = FXCollections.observableArrayList();
    private ConsoleState shownState;

    /**
     * What {@link #prepare} made for each volume last time: equal texts are reused, and the id is the same
     * instance, so the FX thread matches rows by identity (prepare's thread only).
     */
    private Map<String, Item> prepared = new HashMap<>();

    public VolumesViewModel() {
        selectedId.addListener((obs, was, now) -> {
            if (shownState != null) {
                updateSelected(shownState);
            }
        });
    }

    /**
     * One refresh as the Volumes view shows it: the rows by node, the headline and counts, the fullest
     * volume (shown when none is selected), and the refresh itself for the detail pane.
     */
    public record Frame(ConsoleState state, List<Item> items, Set<String> ids, int overThreshold, String summary,
                        long fallbacks, boolean simulated, String fullest) {
    }

    /** One row: the node and its texts. */
    record Item(String id, VolumeRow.Texts texts) {
    }

    /** The alarm threshold as a plain value, for the prepare steps (any thread). */
    double alarmThreshold() {
        return alarmThreshold.get();
    }

    /** The expansion threshold as a plain value, for the prepare steps (any thread). */
    double expansionThreshold() {
        return expansionThreshold.get();
    }

    @Override
    protected Frame prepare(ConsoleState state) {
        record(state);
        Instant now = state.refresh().finishedAt();
        double alarm = alarmThreshold();
        double expansion = expansionThreshold();
        List<FleetInstance> instances = new ArrayList<>(state.fleet().instances());
        instances.sort(Comparator.comparing(FleetInstance::id));
        List<Item> items = new ArrayList<>(instances.size());
        Map<String, Item> next = new HashMap<>(instances.size() * 2);
        MissingFigures missing = new MissingFigures();
        long fallbackCount = 0;
        boolean anySimulated = false;
        int over = 0;
        String fullest = null;
        double fullestUsage = -1;
        for (FleetInstance instance : instances) {
            VolumeFacts facts = state.volume(instance.id());
            fallbackCount += facts == null ? 0 : facts.fallbacks();
            Reading r = reading(instance, facts);
            VolumeRow.Extras extras = extras(instance.id(), facts, r, now);
            VolumeRow.Texts texts;
            if (r == null) {
                String why = facts != null && facts.source() == MetricsSource.NONE && facts.fallbackReason() != null
                        ? "no figures from the node or CloudWatch" : Unavailable.why(instance, "data volume");
                missing.missing(instance.id(), why);
                texts = VolumeRow.Texts.unavailable(why, extras);
            } else {
                missing.figures();
                anySimulated |= r.simulated();
                over += r.usage() > expansion ? 1 : 0;
                // the fullest volume is the one to look at first
                if (r.usage() > fullestUsage) {
                    fullestUsage = r.usage();
                    fullest = instance.id();
                }
                texts = VolumeRow.Texts.of(new VolumeRow.Figures(r.mountPoint(), r.sizeGb(), r.usedGb(),
                        Math.max(0, r.freeGb()), r.usage(), r.stale(), alarm, expansion), extras);
            }
            Item was = prepared.get(instance.id());
            Item item = was == null ? new Item(instance.id(), texts)
                    : texts.equals(was.texts()) ? was : new Item(was.id(), texts);
            next.put(item.id(), item);
            items.add(item);
        }
        prepared = next; // volumes gone from the fleet are forgotten
        if (fullest == null && !items.isEmpty()) {
            fullest = items.get(0).id();
        }
        return new Frame(state, List.copyOf(items), Set.copyOf(next.keySet()), over,
                headline(over, missing, state.fleet()), fallbackCount, anySimulated, fullest);
    }

    /** Every refresh's readings go into the history, shown or not. */
    private void record(ConsoleState state) {
        Instant at = state.refresh().finishedAt();
        Set<String> present = new HashSet<>();
        for (FleetInstance instance : state.fleet().instances()) {
            present.add(instance.id());
            Reading r = reading(instance, state.volume(instance.id()));
            if (r != null) {
                history.record(instance.id(), new VolumeHistory.Point(at, r.usedGb(), r.sizeGb()));
            }
        }
        if (state.fleet().sourceReachable()) {
            history.retain(present);
            forecasts.retain(present);
        }
    }

    @Override
    protected void update(Frame frame) {
        shownState = frame.state();
        RowSync.sync(rows, frame.items(), Item::id, VolumeRow::id, item -> {
            VolumeRow row = new VolumeRow(item.id());
            row.show(item.texts());
            return row;
        }, (row, item) -> row.show(item.texts()));
        RowSync.set(overThreshold, frame.overThreshold());
        filter.refreshed();
        RowSync.set(summary, frame.summary());
        RowSync.set(fallbacks, frame.fallbacks());
        RowSync.set(simulated, frame.simulated());
        if (selectedId.get() == null || !frame.ids().contains(selectedId.get())) {
            selectedId.set(frame.fullest());
        }
        updateSelected(frame.state());
    }

    /** Over the expansion threshold or not, and from which nodes no figures came and why. */
    private static String headline(int over, MissingFigures missing, dev.graphfleet.fleet.FleetSnapshot fleet) {
        String verdict = over > 0 ? over + (over == 1 ? " volume" : " volumes") + " over the expansion threshold"
                : missing.complete() ? "No volume over the expansion threshold"
                : "No volume over the expansion threshold on " + missing.withFigures() + " of " + missing.nodes() + " nodes";
        return missing.headline(fleet, verdict);
    }

    /** The figures to show: the node's own, else the CloudWatch fallback's; null when neither. */
    private static Reading reading(FleetInstance instance, VolumeFacts facts) {
        NodeSummary node = instance.node();
        NodeSummary.VolumeUsage v = node == null ? null : node.dataVolume();
        if (v != null) {
            return new Reading(v.mountPoint(), v.sizeGb(), v.usedGb(), v.freeGb(), v.usage(),
                    node.staleSections().contains("system"), v.simulated());
        }
        DiskReading fallback = facts == null ? null : facts.fallback();
        if (fallback != null) {
            return new Reading(fallback.mountPoint(), fallback.sizeGb(), fallback.usedGb(),
                    fallback.sizeGb() - fallback.usedGb(), fallback.usage(), false, false);
        }
        return null;
    }

    private record Reading(String mountPoint, double sizeGb, double usedGb, double freeGb, double usage,
                           boolean stale, boolean simulated) {
    }

    private VolumeRow.Extras extras(String id, VolumeFacts facts, Reading r, Instant now) {
        String source = "node";
        String sourceLevel = "ok";
        if (facts != null && facts.source() == MetricsSource.CLOUDWATCH) {
            source = "CloudWatch (fallback, " + facts.fallbacks() + "×)";
            sourceLevel = "fallback";
        } else if (facts != null && facts.source() == MetricsSource.NONE) {
            source = "none";
            sourceLevel = "unknown";
        } else if (r == null) {
            source = "—";
            sourceLevel = "unknown";
        }
        String modification = "—";
        String modificationLevel = "none";
        if (facts != null && facts.modification().state() != ModificationState.NONE) {
            ModificationState state = facts.modification().state();
            modificationLevel = state.name().toLowerCase(Locale.ROOT);
            modification = modificationLevel + " → " + facts.modification().targetSizeGb() + " GB";
        }
        String forecast = "—";
        String forecastLevel = "ok";
        if (r != null) {
            FillForecast f = forecasts.get(id, history.lastAt(id), r.sizeGb(),
                    () -> FillForecast.of(history.samples(id), r.usedGb(), r.sizeGb(), now));
            forecast = f.text();
            // red only for a confident forecast within the alarm horizon (a step after a rollout is not growth)
            forecastLevel = f.untilFull().filter(Duration::isZero).isPresent() ? "full"
                    : f.alarming() ? "soon" : f.confident() ? "ok" : "unsure";
        }
        return new VolumeRow.Extras(source, sourceLevel, modification, modificationLevel, forecast, forecastLevel);
    }

    /** The detail pane: the selected volume's history, forecast, source and expansions. */
    private void updateSelected(ConsoleState state) {
        String id = selectedId.get();
        VolumeRow row = id == null ? null : rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
        if (row == null) {
            RowSync.set(selectedTitle, "");
            RowSync.set(selectedHistory, List.of());
            selectedExpansions.clear();
            return;
        }
        VolumeFacts facts = state.volume(id);
        RowSync.set(selectedTitle, "unknown".equals(row.levelProperty().get()) ? id + " · " + row.statusProperty().get()
                : id + " · " + row.mountPointProperty().get() + " · " + row.usedProperty().get() + " of "
                + row.sizeProperty().get());
        RowSync.set(selectedForecast, "Forecast: " + row.forecastProperty().get());
        String source = "Measured by: " + row.sourceProperty().get();
        if (facts != null && facts.fallbackReason() != null) {
            source += " — the node did not answer (" + facts.fallbackReason() + ")";
        }
        RowSync.set(selectedSource, source);
        String modification = facts == null ? "Modification: not read from this source"
                : facts.volumeId() == null ? "Modification: no volume provider for this source"
                        + (facts.describeError() == null ? "" : " (" + facts.describeError() + ")")
                : "Volume " + facts.volumeId() + ", " + facts.volumeSizeGb() + " GB · modification: "
                        + (facts.modification().state() == ModificationState.NONE ? "none"
                        : row.modificationProperty().get());
        RowSync.set(selectedModification, modification);
        List<VolumeHistory.Point> points = history.points(id);
        if (!points.equals(selectedHistory.get())) {
            selectedHistory.set(points);
        }
        List<String> expansions = new ArrayList<>();
        if (facts != null) {
            for (VolumeFacts.Expansion e : facts.expansions()) {
                expansions.add(WHEN.format(e.since()) + "   " + (e.fromSizeGb() > 0 ? e.fromSizeGb() + " → " : "→ ")
                        + e.toSizeGb() + " GB   " + e.state().name().toLowerCase(Locale.ROOT));
            }
        }
        if (!expansions.equals(selectedExpansions)) {
            selectedExpansions.setAll(expansions);
        }
    }

    public ObservableList<VolumeRow> rows() {
        return rows;
    }

    public DoubleProperty alarmThresholdProperty() {
        return alarmThreshold;
    }

    public DoubleProperty expansionThresholdProperty() {
        return expansionThreshold;
    }

    /** Volumes over the expansion threshold. */
    /** The {@code /} filter of the table. */
    public ListFilter<VolumeRow> filter() {
        return filter;
    }

    /** The headline: volumes over the expansion threshold, or which nodes gave no figures and why. */
    public StringProperty summaryProperty() {
        return summary;
    }

    public IntegerProperty overThresholdProperty() {
        return overThreshold;
    }

    /** CloudWatch fallbacks since the console started, all instances together. */
    public LongProperty fallbacksProperty() {
        return fallbacks;
    }

    /** True when a volume's capacity is simulated (the local fleet). */
    public BooleanProperty simulatedProperty() {
        return simulated;
    }

    /** The volume the detail pane shows; set by the view's selection (defaults to the fullest). */
    public StringProperty selectedIdProperty() {
        return selectedId;
    }

    public StringProperty selectedTitleProperty() {
        return selectedTitle;
    }

    public StringProperty selectedForecastProperty() {
        return selectedForecast;
    }

    public StringProperty selectedSourceProperty() {
        return selectedSource;
    }

    public StringProperty selectedModificationProperty() {
        return selectedModification;
    }

    /** The selected volume's readings, oldest first. */
    public ObjectProperty<List<VolumeHistory.Point>> selectedHistoryProperty() {
        return selectedHistory;
    }

    /** The selected volume's expansions seen, oldest first, one line each. */
    public ObservableList<String> selectedExpansions() {
        return selectedExpansions;
    }

    /** The whole history (for tests and exports). */
    public VolumeHistory history() {
        return history;
    }
}
