package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.PaletteViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The {@code :} command palette: a query box over a fuzzily filtered list; Enter runs, Esc closes. */
final class PaletteOverlay extends StackPane {

    private final TextField query = new TextField();

    PaletteOverlay(PaletteViewModel model) {
        setId("palette-overlay");
        getStyleClass().add(Styles.OVERLAY);
        setAlignment(Pos.TOP_CENTER);
        visibleProperty().bind(model.shownProperty());
        managedProperty().bind(visibleProperty());
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                model.close();
            }
        });

        query.setId("palette-query");
        query.setPromptText("Type to find a view, action or command");
        query.textProperty().bindBidirectional(model.queryProperty());

        ListView<PaletteViewModel.Entry> list = new ListView<>(model.matches());
        list.setId("palette-list");
        list.setFixedCellSize(28);
        list.setPrefHeight(28 * 12 + 4);
        list.setFocusTraversable(false);
        list.setCellFactory(l -> new ListCell<>() {
            {
                // As wide as the list, cut with an ellipsis: no sideways scrolling for a long reason.
                prefWidthProperty().bind(list.widthProperty().subtract(18));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(PaletteViewModel.Entry entry, boolean empty) {
                super.updateItem(entry, empty);
                boolean blank = empty || entry == null;
                pseudoClassStateChanged(Styles.STATE_UNAVAILABLE, !blank && !entry.enabled());
                if (blank) {
                    setText(null);
                    return;
                }
                setText(entry.category() + "   " + entry.label()
                        + (entry.enabled() ? "" : "   — " + entry.disabledReason()));
            }
        });
        list.setOnMouseClicked(e -> {
            if (list.getSelectionModel().getSelectedItem() != null) {
                model.run(list.getSelectionModel().getSelectedItem());
            }
        });
        model.selectedProperty().addListener((obs, was, now) -> select(list, now.intValue()));
        model.matches().addListener((javafx.collections.ListChangeListener<PaletteViewModel.Entry>) c ->
                select(list, model.selectedProperty().get()));

        Label message = new Label();
        message.setId("palette-message");
        message.getStyleClass().add(Styles.PALETTE_MESSAGE);
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Label hint = new Label("↑ ↓ choose · Enter run · Esc close");
        hint.getStyleClass().add(Styles.OVERLAY_HINT);

        VBox panel = new VBox(8, query, message, list, hint);
        panel.setId("palette");
        panel.getStyleClass().add(Styles.OVERLAY_PANEL);
        panel.setMaxWidth(720);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setMargin(panel, new javafx.geometry.Insets(40, 0, 0, 0));
        getChildren().add(panel);

        query.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                model.move(1);
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                model.move(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                model.runSelected();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                model.close();
                e.consume();
            }
        });
        model.shownProperty().addListener((obs, was, now) -> {
            if (now) {
                query.requestFocus();
            }
        });
    }

    private static void select(ListView<PaletteViewModel.Entry> list, int index) {
        if (index >= 0 && index < list.getItems().size()) {
            list.getSelectionModel().select(index);
            list.scrollTo(Math.max(0, index - 5));
        } else {
            list.getSelectionModel().clearSelection();
        }
    }
}
