package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.NotificationsViewModel;
import dev.graphfleet.console.viewmodel.NotificationsViewModel.Notification;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What changed at the last refreshes, newest first; × dismisses. A strip of its own under the views
 * (it takes room when it has something to say), so it never covers a table, a bar or a headline.
 */
final class NotificationArea extends VBox {

    NotificationArea(NotificationsViewModel model) {
        super(6);
        setId("notifications");
        getStyleClass().add(Styles.NOTIFICATIONS);
        setAlignment(Pos.TOP_LEFT);
        setMaxHeight(Region.USE_PREF_SIZE);
        model.shown().addListener((ListChangeListener<Notification>) c -> rebuild(model));
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.shown()));
        managedProperty().bind(visibleProperty());
    }

    private void rebuild(NotificationsViewModel model) {
        getChildren().setAll(model.shown().stream().map(n -> card(model, n)).toList());
    }

    private static HBox card(NotificationsViewModel model, Notification n) {
        Label time = new Label(n.time());
        time.getStyleClass().add(Styles.NOTIFICATION_TIME);
        time.setMinWidth(Region.USE_PREF_SIZE);
        Label text = new Label(n.message());
        text.getStyleClass().add(Styles.NOTIFICATION_TEXT);
        text.setTooltip(new javafx.scene.control.Tooltip(n.message()));
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, javafx.scene.layout.Priority.ALWAYS);
        Button dismiss = new Button("×");
        dismiss.getStyleClass().add(Styles.NOTIFICATION_DISMISS);
        dismiss.setFocusTraversable(false);
        dismiss.setOnAction(e -> model.dismiss(n));
        HBox card = new HBox(8, time, text, dismiss);
        card.setAlignment(Pos.CENTER_LEFT);
        card.getStyleClass().addAll(Styles.NOTIFICATION, n.styleClass());
        return card;
    }
}
