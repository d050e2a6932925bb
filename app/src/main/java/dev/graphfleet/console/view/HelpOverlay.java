package dev.graphfleet.console.view;

import javafx.beans.property.BooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** {@code ?}: every key of the console on one card. */
final class HelpOverlay extends StackPane {

    /** Key, what it does; the same list docs/console.md shows. */
    static final String[][] KEYS = {
            {":", "command palette: views, actions, commands (type to filter, Enter runs)"},
            {"/", "filter the list on screen: text, /regex/, tag:value (role:replica, health:down), !term"},
            {"?", "this help (Esc closes)"},
            {"1 … 6", "Overview, Fleet, Buffer pools, Connections, Volumes, Attachments"},
            {"[  or  Alt+←", "back to the previous view"},
            {"]  or  Alt+→", "forward again"},
            {"s  /  S", "sort the list on screen by the next column / reverse the order"},
            {"r  or  F5", "refresh now"},
            {"p", "pause or resume the view on screen"},
            {"a", "actions menu"},
            {"Ctrl+E  /  Ctrl+Shift+E", "export the view's first table as CSV / the view as PNG"},
            {"Enter", "on an instance of the Fleet view (or a double click): drill down to that node"},
            {"Esc", "close the palette, help or an action's outcome; cancel an action not yet started"},
    };

    HelpOverlay(BooleanProperty shown) {
        setId("help-overlay");
        getStyleClass().add(Styles.OVERLAY);
        visibleProperty().bind(shown);
        managedProperty().bind(visibleProperty());
        setOnMouseClicked(e -> shown.set(false));

        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(6);
        for (int i = 0; i < KEYS.length; i++) {
            Label key = new Label(KEYS[i][0]);
            key.getStyleClass().add(Styles.HELP_KEY);
            Label what = new Label(KEYS[i][1]);
            what.getStyleClass().add(Styles.HELP_TEXT);
            grid.addRow(i, key, what);
        }
        Label title = new Label("Keys");
        title.getStyleClass().add(Styles.ACTION_TITLE);
        Label foot = new Label("Keys work when no text box has the focus; Esc leaves a text box.");
        foot.getStyleClass().add(Styles.OVERLAY_HINT);
        VBox panel = new VBox(12, title, grid, foot);
        panel.setId("help-panel");
        panel.getStyleClass().add(Styles.OVERLAY_PANEL);
        panel.setMaxWidth(Region.USE_PREF_SIZE);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        setAlignment(Pos.CENTER);
        getChildren().add(panel);
    }
}
