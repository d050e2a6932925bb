package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.OverviewRow;
import dev.graphfleet.console.viewmodel.OverviewViewModel;
import dev.graphfleet.console.viewmodel.Trend;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Overview: is anything wrong? One row per node, worst first: health, versions, memory, volume and
 * pool as bars with a sparkline of the last minutes, and the node's problems. Enter or a double
 * click opens the node's drawer.
 */
public final class OverviewView extends VBox {

    public OverviewView(OverviewViewModel model) {
        getStyleClass().addAll(Styles.VIEW, Styles.OVERVIEW_VIEW);
        setId("overview-view");

        Label summary = new Label();
        summary.setId("overview-summary");
        summary.getStyleClass().add(Styles.SUMMARY);
        summary.textProperty().bind(model.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(summary, spacer, LiveControls.pausedNote(model),
                FilterBox.of("overview-filter", model.filter()), LiveControls.pauseButton("overview-pause", model));
        toolbar.getStyleClass().add(Styles.VIEW_TOOLBAR);

        Label legend = new Label("Worst first · bars: now · lines: the last 5 minutes, against the budget, size or pool maximum");
        legend.getStyleClass().add(Styles.OVERLAY_HINT);

        TableView<OverviewRow> table = table(model);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(toolbar, legend, table);
    }

    private static TableView<OverviewRow> table(OverviewViewModel model) {
        TableView<OverviewRow> table = Tables.table("overview-table", "No instances");
        FilterBox.show(table, model.filter());
        table.getColumns().add(Tables.styled("Health", 125, OverviewRow::healthProperty, Styles.HEALTH, true));
        table.getColumns().add(Tables.column("Node", 110, r -> new ReadOnlyStringWrapper(r.id())));
        table.getColumns().add(Tables.column("Role", 115, OverviewRow::roleProperty));
        var versions = Tables.column("Versions", 120, OverviewRow::versionsProperty);
        // every repository's version, never cut after the first: the column is as wide as the longest
        versions.minWidthProperty().bind(model.widestVersionsProperty().map(Tables::textWidth));
        table.getColumns().add(versions);
        table.getColumns().add(trend("Memory", 180, OverviewRow::memoryProperty));
        table.getColumns().add(trend("Volume", 230, OverviewRow::volumeProperty));
        table.getColumns().add(trend("Pool", 150, OverviewRow::connectionsProperty));
        table.getColumns().add(Tables.levelled("Problems", 230, OverviewRow::problemsProperty,
                OverviewRow::problemLevelProperty, Styles.LEVEL));
        return table;
    }

    private static TableColumn<OverviewRow, Trend> trend(String title, double width,
                                                         java.util.function.Function<OverviewRow,
                                                                 javafx.beans.value.ObservableValue<Trend>> value) {
        TableColumn<OverviewRow, Trend> column = Tables.column(title, width, value);
        column.setCellFactory(c -> new TrendCell<>());
        column.setSortable(false);
        return column;
    }
}
