package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.ListFilter;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/** The {@code /} filter box of a list, and the list's table showing the filtered rows, sortable. */
final class FilterBox {

    private FilterBox() {
    }

    static TextField of(String id, ListFilter<?> filter) {
        return of(id, filter, "/  text  /regex/  tag:value  !term",
                String.join(", ", filter.tags().stream().sorted().toList()));
    }

    /** A box with its own prompt (examples of the list's tags) and its tags listed in the help's order. */
    static TextField of(String id, ListFilter<?> filter, String prompt, String tags) {
        TextField box = new TextField();
        box.setId(id);
        box.getStyleClass().add(Styles.FILTER_BOX);
        box.setPromptText(prompt);
        box.textProperty().bindBidirectional(filter.textProperty());
        Tooltip help = new Tooltip();
        help.textProperty().bind(filter.errorProperty().map(e -> e.isEmpty()
                ? "text, /regex/, tag:value (" + tags + "), !term" : e));
        box.setTooltip(help);
        filter.errorProperty().addListener((obs, was, now) ->
                box.pseudoClassStateChanged(Styles.STATE_ERROR, !now.isEmpty()));
        return box;
    }

    /** {@code 2 of 4} beside a filter box while its query hides rows; nothing while every row shows. */
    static javafx.scene.control.Label count(String id, ListFilter<?> filter) {
        javafx.collections.ObservableList<?> shown = filter.visible();
        javafx.collections.ObservableList<?> all = filter.all();
        javafx.beans.value.ObservableStringValue query = filter.textProperty();
        javafx.scene.control.Label count = new javafx.scene.control.Label();
        count.setId(id);
        count.getStyleClass().add(Styles.FILTER_COUNT);
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> query.get() == null || query.get().isBlank() ? "" : shown.size() + " of " + all.size(),
                shown, all, query));
        count.visibleProperty().bind(count.textProperty().isNotEmpty());
        count.managedProperty().bind(count.visibleProperty());
        return count;
    }

    /** Shows the filtered rows, sorted by the table's columns. */
    static <R> void show(TableView<R> table, ListFilter<R> filter) {
        SortedList<R> sorted = new SortedList<>(filter.visible());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }
}
