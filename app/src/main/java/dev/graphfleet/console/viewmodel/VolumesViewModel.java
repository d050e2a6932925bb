package dev.graphfleet.console.viewmodel;

import dev.graphfleet.config.VolumesConfig;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.NodeSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Volumes: each node's data volume, used against the alarm (0.7) and expansion (0.8) thresholds. */
public final class VolumesViewModel extends LiveViewModel {

    private final ObservableList<VolumeRow> rows = FXCollections.observableArrayList();
    private final DoubleProperty alarmThreshold = new SimpleDoubleProperty(this, "alarmThreshold",
            VolumesConfig.DEFAULT_ALARM_THRESHOLD);
    private final DoubleProperty expansionThreshold = new SimpleDoubleProperty(this, "expansionThreshold",
            VolumesConfig.DEFAULT_EXPANSION_THRESHOLD);
    private final IntegerProperty overThreshold = new SimpleIntegerProperty(this, "overThreshold");

    @Override
    protected void update(ConsoleState state) {
        List<Item> items = new ArrayList<>();
        for (FleetInstance instance : state.fleet().instances()) {
            NodeSummary node = instance.node();
            NodeSummary.VolumeUsage v = node == null ? null : node.dataVolume();
            items.add(v == null ? new Item(instance.id(), null, Unavailable.why(instance, "data volume"))
                    : new Item(instance.id(), new VolumeRow.Figures(v.mountPoint(), v.sizeGb(), v.usedGb(),
                            v.freeGb(), v.usage(), node.staleSections().contains("system"), alarmThreshold.get(),
                            expansionThreshold.get()), null));
        }
        items.sort(Comparator.comparing(Item::id));
        RowSync.sync(rows, items, Item::id, VolumeRow::id, item -> {
            VolumeRow row = new VolumeRow(item.id());
            item.applyTo(row);
            return row;
        }, (row, item) -> item.applyTo(row));
        RowSync.set(overThreshold, (int) items.stream()
                .filter(i -> i.figures() != null && i.figures().usage() > i.figures().expansion()).count());
    }

    private record Item(String id, VolumeRow.Figures figures, String why) {
        void applyTo(VolumeRow row) {
            if (figures == null) {
                row.updateUnavailable(why);
            } else {
                row.update(figures);
            }
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
    public IntegerProperty overThresholdProperty() {
        return overThreshold;
    }
}
