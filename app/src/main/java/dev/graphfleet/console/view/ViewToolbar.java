package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.ListFilter;
import dev.graphfleet.console.viewmodel.LiveViewModel;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The row above a live view's table: its headline on the left; on the right the paused note, the
 * filter's {@code 2 of 4}, the {@code /} filter box and the pause switch. The view's name prefixes the
 * ids ({@code fleet-count}, {@code fleet-filter}, {@code fleet-pause}).
 */
final class ViewToolbar extends HBox {

    ViewToolbar(String view, LiveViewModel<?> model, ListFilter<?> filter, Node... headline) {
        this(view, model, filter, FilterBox.of(view + "-filter", filter), headline);
    }

    /** With a filter box of the view's own (its prompt and help). */
    ViewToolbar(String view, LiveViewModel<?> model, ListFilter<?> filter, TextField filterBox, Node... headline) {
        getStyleClass().add(Styles.VIEW_TOOLBAR);
        getChildren().addAll(headline);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(spacer, LiveControls.pausedNote(model), FilterBox.count(view + "-count", filter),
                filterBox, LiveControls.pauseButton(view + "-pause", model));
    }

    /** A headline that says what the view shows now. */
    static Label headline(String id, ObservableValue<String> text) {
        Label headline = title("");
        headline.setId(id);
        headline.textProperty().bind(text);
        return headline;
    }

    /** A headline the toolbar may cut short, its full text in a tooltip. */
    static Label headlineWithTip(String id, ObservableValue<String> text) {
        Label headline = headline(id, text);
        headline.setTooltip(LiveControls.textTip(text));
        return headline;
    }

    /** A fixed headline. */
    static Label title(String text) {
        Label title = new Label(text);
        title.getStyleClass().add(Styles.SUMMARY);
        return title;
    }
}
