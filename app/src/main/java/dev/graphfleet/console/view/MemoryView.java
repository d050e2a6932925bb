package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.MemoryBar;
import dev.graphfleet.console.viewmodel.MemoryRow;
import dev.graphfleet.console.viewmodel.MemoryViewModel;
import dev.graphfleet.console.viewmodel.OverBudget;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Buffer pools: each node's RAM as OS overhead + buffer pools + free, the process size, over-budget reasons. */
public final class MemoryView extends VBox {

    private final VBox reasons = new VBox();

    public MemoryView(MemoryViewModel model) {
        getStyleClass().addAll(Styles.VIEW, Styles.MEMORY_VIEW);
        setId("memory-view");

        ViewToolbar toolbar = new ViewToolbar("memory", model, model.filter(),
                ViewToolbar.headlineWithTip("memory-summary", model.summaryProperty()));

        HBox legend = new HBox(swatch(Styles.MEM_OS, "OS overhead"), swatch(Styles.MEM_POOLS, "open buffer pools"),
                swatch(Styles.MEM_HEADROOM, "rest of the budget"), swatch(Styles.MEM_OVER, "beyond the budget or the RAM"),
                swatch(Styles.RAM_MARKER, "end of RAM"), swatch(Styles.MEM_PROCESS, "process (resident)"),
                swatch(Styles.BAR_TRACK, "free"));
        legend.getStyleClass().add(Styles.LEGEND);

        TableView<MemoryRow> table = table(model);
        VBox.setVgrow(table, Priority.ALWAYS);

        reasons.setId("memory-reasons");
        reasons.getStyleClass().add(Styles.REASONS);
        reasons.managedProperty().bind(reasons.visibleProperty());
        model.overBudgetProperty().addListener((obs, was, now) -> showReasons(now));
        showReasons(model.overBudgetProperty().get());

        getChildren().addAll(toolbar, legend, table, reasons);
    }

    /** Reasons are few and long, so they read as sentences under the table rather than in a cell. */
    private void showReasons(List<OverBudget> overBudget) {
        reasons.getChildren().clear();
        for (OverBudget entry : overBudget) {
            Label node = new Label(entry.node());
            node.getStyleClass().add(Styles.REASON_NODE);
            Label why = new Label(entry.reason());
            why.setWrapText(true);
            why.getStyleClass().add(Styles.REASON_TEXT);
            reasons.getChildren().addAll(node, why);
        }
        reasons.setVisible(!reasons.getChildren().isEmpty());
    }

    private static HBox swatch(String styleClass, String text) {
        Region box = new Region();
        box.getStyleClass().addAll(Styles.LEGEND_SWATCH, styleClass);
        return new HBox(5, box, new Label(text));
    }

    private static TableView<MemoryRow> table(MemoryViewModel model) {
        TableView<MemoryRow> table = Tables.table("memory-table", "No node reported its buffer pools");
        FilterBox.show(table, model.filter());
        table.getColumns().add(Tables.column("Node", 140, r -> new ReadOnlyStringWrapper(r.id())));
        table.getColumns().add(Tables.column("Role", 110, MemoryRow::roleProperty));
        table.getColumns().add(Tables.numeric("RAM", 90, MemoryRow::ramProperty));
        table.getColumns().add(Tables.numeric("Budget", 90, MemoryRow::budgetProperty));
        table.getColumns().add(Tables.numeric("Buffer pools", 160, MemoryRow::bufferPoolsProperty));
        table.getColumns().add(Tables.numeric("Process", 90, MemoryRow::processProperty));
        TableColumn<MemoryRow, MemoryBar> bar = Tables.column("Memory", 300, MemoryRow::barProperty);
        bar.setCellFactory(c -> new TableCell<>() {
            private final MemoryStackBar graphic = new MemoryStackBar();

            @Override
            protected void updateItem(MemoryBar item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                } else {
                    graphic.set(item);
                    setGraphic(graphic);
                }
            }
        });
        table.getColumns().add(bar);
        table.getColumns().add(Tables.styled("Status", 110, MemoryRow::statusProperty, Styles.MEMORY_STATUS, false));
        return table;
    }
}
