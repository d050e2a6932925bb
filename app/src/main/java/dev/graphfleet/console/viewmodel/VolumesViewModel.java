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
            if (v != null) {
                items.add(new Item(instance.id(), new VolumeRow.Figures(v.mountPoint(), v.sizeGb(), v.usedGb(),
                        v.freeGb(), v.usage(), node.staleSections().contains("system"), alarmThreshold.get(),
                        expansionThreshold.get())));
            }
        }
        items.sort(Comparator.comparing(Item::id));
        RowSync.sync(rows, items, Item::id, VolumeRow::id, item -> {
            VolumeRow row = new VolumeRow(item.id());
            row.update(item.figures());
            return row;
        }, (row, item) -> row.update(item.figures()));
        RowSync.set(overThreshold, (int) items.stream()
                .filter(i -> i.figures().usage() > i.figures().expansion()).count());
    }

    private record Item(String id, VolumeRow.Figures figures) {
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
