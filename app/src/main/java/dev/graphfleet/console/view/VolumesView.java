package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.Gauge;
import dev.graphfleet.console.viewmodel.Units;
import dev.graphfleet.console.viewmodel.VolumeRow;
import dev.graphfleet.console.viewmodel.VolumesViewModel;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Volumes: each node's data volume, usage against the alarm and expansion thresholds. */
public final class VolumesView extends VBox {

    public VolumesView(VolumesViewModel model) {
        getStyleClass().addAll("view", "volumes-view");
        setId("volumes-view");
        Label title = new Label();
        title.setId("volumes-summary");
        title.getStyleClass().add("summary");
        title.textProperty().bind(model.overThresholdProperty().map(n -> n.intValue() == 0
                ? "No volume over the expansion threshold"
                : n + (n.intValue() == 1 ? " volume" : " volumes") + " over the expansion threshold"));
        Label thresholds = new Label("alarm " + Units.percent(model.alarmThresholdProperty().get())
                + " · expand " + Units.percent(model.expansionThresholdProperty().get()));
        thresholds.getStyleClass().add("source-label");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(title, thresholds, spacer, LiveControls.pausedNote(model),
                LiveControls.pauseButton("volumes-pause", model));
        toolbar.getStyleClass().add("view-toolbar");

        TableView<VolumeRow> table = Tables.table("volumes-table", "No node reported its data volume");
        table.setItems(model.rows());
        table.getColumns().add(Tables.column("Node", 140, r -> new ReadOnlyStringWrapper(r.id())));
        table.getColumns().add(Tables.column("Mount", 110, VolumeRow::mountPointProperty));
        table.getColumns().add(Tables.numeric("Size", 80, VolumeRow::sizeProperty));
        table.getColumns().add(Tables.numeric("Used", 80, VolumeRow::usedProperty));
        table.getColumns().add(Tables.numeric("Free", 80, VolumeRow::freeProperty));
        TableColumn<VolumeRow, Gauge> usage = Tables.column("Usage", 240, VolumeRow::gaugeProperty);
        usage.setCellFactory(c -> new GaugeCell<>(model.alarmThresholdProperty().get(),
                model.expansionThresholdProperty().get()));
        table.getColumns().add(usage);
        table.getColumns().add(Tables.levelled("Status", 300, VolumeRow::statusProperty, VolumeRow::levelProperty,
                "level-"));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(toolbar, table);
    }
}
