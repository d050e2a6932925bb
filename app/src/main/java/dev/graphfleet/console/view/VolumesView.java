package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.Gauge;
import dev.graphfleet.console.viewmodel.Units;
import dev.graphfleet.console.viewmodel.VolumeRow;
import dev.graphfleet.console.viewmodel.VolumesViewModel;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Volumes: each node's data volume (usage against the thresholds, who measured it, modification state,
 * fill forecast) and, for the selected one, its usage history chart and the expansions seen.
 */
public final class VolumesView extends VBox {

    public VolumesView(VolumesViewModel model) {
        getStyleClass().addAll(Styles.VIEW, Styles.VOLUMES_VIEW);
        setId("volumes-view");
        Label title = ViewToolbar.headlineWithTip("volumes-summary", model.summaryProperty());
        Label thresholds = new Label("alarm " + Units.percent(model.alarmThresholdProperty().get())
                + " · expand " + Units.percent(model.expansionThresholdProperty().get()));
        thresholds.getStyleClass().add(Styles.SOURCE_LABEL);
        Label fallbacks = new Label();
        fallbacks.setId("volumes-fallbacks");
        fallbacks.textProperty().bind(model.fallbacksProperty().map(n -> n.longValue() == 0
                ? "metrics from the nodes"
                : Units.count(n.longValue(), "CloudWatch fallback", "CloudWatch fallbacks") + " so far"));
        model.fallbacksProperty().addListener((obs, was, now) -> fallbacks.pseudoClassStateChanged(
                Styles.STATE_HAS_FALLBACKS, now.longValue() > 0));
        fallbacks.getStyleClass().add(Styles.SOURCE_LABEL);
        Label simulated = new Label("Local fleet: capacities are simulated (volumes.json), the used bytes are real");
        simulated.setId("volumes-simulated");
        simulated.getStyleClass().add(Styles.SIMULATED_NOTE);
        simulated.visibleProperty().bind(model.simulatedProperty());
        simulated.managedProperty().bind(simulated.visibleProperty());
        ViewToolbar toolbar = new ViewToolbar("volumes", model, model.filter(), title, thresholds, fallbacks);

        TableView<VolumeRow> table = Tables.table("volumes-table", "No node reported its data volume");
        FilterBox.show(table, model.filter());
        table.getColumns().add(Tables.column("Node", 110, r -> new ReadOnlyStringWrapper(r.id())));
        // the end of a mount path tells volumes apart (/mnt/…/data-2): cut at the start; the whole path in the tooltip
        TableColumn<VolumeRow, String> mount = Tables.column("Mount", 130, VolumeRow::mountPointProperty);
        mount.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            {
                setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        table.getColumns().add(mount);
        table.getColumns().add(Tables.numeric("Size", 70, VolumeRow::sizeProperty));
        table.getColumns().add(Tables.numeric("Used", 70, VolumeRow::usedProperty));
        table.getColumns().add(Tables.numeric("Free", 70, VolumeRow::freeProperty));
        TableColumn<VolumeRow, Gauge> usage = Tables.column("Usage", 170, VolumeRow::gaugeProperty);
        usage.setCellFactory(c -> new GaugeCell<>(model.alarmThresholdProperty().get(),
                model.expansionThresholdProperty().get()));
        table.getColumns().add(usage);
        table.getColumns().add(Tables.levelled("Measured by", 175, VolumeRow::sourceProperty,
                VolumeRow::sourceLevelProperty, Styles.SOURCE));
        table.getColumns().add(Tables.levelled("Modification", 150, VolumeRow::modificationProperty,
                VolumeRow::modificationLevelProperty, Styles.MODIFICATION));
        table.getColumns().add(Tables.levelled("Forecast", 250, VolumeRow::forecastProperty,
                VolumeRow::forecastLevelProperty, Styles.FORECAST));
        table.getColumns().add(Tables.levelled("Status", 220, VolumeRow::statusProperty, VolumeRow::levelProperty,
                Styles.LEVEL));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                model.selectedIdProperty().set(now.id());
            }
        });
        model.selectedIdProperty().addListener((obs, was, now) -> select(table, now));
        table.getItems().addListener((javafx.collections.ListChangeListener<VolumeRow>) c ->
                select(table, model.selectedIdProperty().get()));
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(toolbar, simulated, table, detail(model));
    }

    private static void select(TableView<VolumeRow> table, String id) {
        VolumeRow selected = table.getSelectionModel().getSelectedItem();
        if (id == null || (selected != null && selected.id().equals(id))) {
            return;
        }
        table.getItems().stream().filter(r -> r.id().equals(id)).findFirst()
                .ifPresent(r -> table.getSelectionModel().select(r));
    }

    /** The selected volume: history chart on the left, forecast, source, modification and expansions on the right. */
    private static HBox detail(VolumesViewModel model) {
        HistoryChart chart = new HistoryChart(model.expansionThresholdProperty().get());
        chart.setId("volume-history-chart");
        chart.setPoints(model.selectedHistoryProperty().get());
        model.selectedHistoryProperty().addListener((obs, was, now) -> chart.setPoints(now));
        Label chartTitle = new Label("Used (solid), size (thin), expansion threshold (dashed)");
        chartTitle.getStyleClass().add(Styles.SECTION_TITLE);
        VBox chartBox = new VBox(4, chartTitle, chart);
        HBox.setHgrow(chartBox, Priority.ALWAYS);
        chartBox.setPrefWidth(620);

        Label heading = label("volume-selected", model.selectedTitleProperty());
        heading.getStyleClass().add(Styles.SUMMARY);
        Label forecast = label("volume-forecast", model.selectedForecastProperty());
        Label source = label("volume-source", model.selectedSourceProperty());
        Label modification = label("volume-modification", model.selectedModificationProperty());
        Label expansionsTitle = new Label("Expansions seen");
        expansionsTitle.getStyleClass().add(Styles.SECTION_TITLE);
        ListView<String> expansions = new ListView<>(model.selectedExpansions());
        expansions.setId("volume-expansions");
        expansions.setPlaceholder(new Label("None since the console started"));
        expansions.setFixedCellSize(22);
        expansions.setPrefHeight(80);
        VBox facts = new VBox(6, heading, forecast, source, modification, expansionsTitle, expansions);
        facts.setPrefWidth(560);
        facts.setMinWidth(360);
        HBox detail = new HBox(16, chartBox, facts);
        detail.setId("volume-detail");
        detail.getStyleClass().add(Styles.VOLUME_DETAIL);
        detail.setPrefHeight(220);
        detail.setMinHeight(200);
        return detail;
    }

    private static Label label(String id, javafx.beans.value.ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }
}
