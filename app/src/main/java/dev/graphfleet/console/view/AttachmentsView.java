package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.AttachmentRow;
import dev.graphfleet.console.viewmodel.AttachmentsViewModel;
import dev.graphfleet.console.viewmodel.Gauge;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Attachments: each shared repository on each node, its phase, download progress, attempt and last error. */
public final class AttachmentsView extends VBox {

    public AttachmentsView(AttachmentsViewModel model) {
        getStyleClass().addAll(Styles.VIEW, Styles.ATTACHMENTS_VIEW);
        setId("attachments-view");
        ViewToolbar toolbar = new ViewToolbar("attachments", model, model.filter(),
                ViewToolbar.headlineWithTip("attachments-summary", model.summaryProperty()));

        TableView<AttachmentRow> table = Tables.table("attachments-table", "No node serves shared repositories");
        FilterBox.show(table, model.filter());
        table.getColumns().add(Tables.column("Node", 130, AttachmentRow::nodeProperty));
        table.getColumns().add(Tables.column("Repository", 110, AttachmentRow::repositoryProperty));
        var version = Tables.column("Version", 70, AttachmentRow::versionProperty);
        version.visibleProperty().bind(model.anyVersionProperty());
        table.getColumns().add(version);
        table.getColumns().add(Tables.styled("Phase", 110, AttachmentRow::phaseProperty, Styles.PHASE, false));
        TableColumn<AttachmentRow, Gauge> progress = Tables.column("Progress", 250, AttachmentRow::gaugeProperty);
        progress.setCellFactory(c -> new GaugeCell<>());
        table.getColumns().add(progress);
        table.getColumns().add(Tables.column("Attempt", 80, AttachmentRow::attemptProperty));
        TableColumn<AttachmentRow, String> error = Tables.column("Last error", 260, AttachmentRow::errorProperty);
        error.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
            }
        });
        error.getStyleClass().add(Styles.ERROR_TEXT);
        table.getColumns().add(error);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(toolbar, table);
    }
}
