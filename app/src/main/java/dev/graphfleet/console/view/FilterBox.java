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
        TextField box = new TextField();
        box.setId(id);
        box.getStyleClass().add("filter-box");
        box.setPromptText("/  text  /regex/  tag:value  !term");
        box.textProperty().bindBidirectional(filter.textProperty());
        String tags = String.join(", ", filter.tags().stream().sorted().toList());
        Tooltip help = new Tooltip();
        help.textProperty().bind(filter.errorProperty().map(e -> e.isEmpty()
                ? "text, /regex/, tag:value (" + tags + "), !term" : e));
        box.setTooltip(help);
        filter.errorProperty().addListener((obs, was, now) -> {
            box.getStyleClass().remove("filter-error");
            if (!now.isEmpty()) {
                box.getStyleClass().add("filter-error");
            }
        });
        return box;
    }

    /** {@code 2 of 4} beside a filter box while its query hides rows; nothing while every row shows. */
    static javafx.scene.control.Label count(String id, javafx.collections.ObservableList<?> shown,
                                            javafx.collections.ObservableList<?> all,
                                            javafx.beans.value.ObservableStringValue query) {
        javafx.scene.control.Label count = new javafx.scene.control.Label();
        count.setId(id);
        count.getStyleClass().add("filter-count");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> query.get() == null || query.get().isBlank() ? "" : shown.size() + " of " + all.size(),
                shown, all, query));
        count.visibleProperty().bind(count.textProperty().isNotEmpty());
        count.managedProperty().bind(count.visibleProperty());
        return count;
    }

    static javafx.scene.control.Label count(String id, ListFilter<?> filter) {
        return count(id, filter.visible(), filter.all(), filter.textProperty());
    }

    /** Shows the filtered rows, sorted by the table's columns. */
    static <R> void show(TableView<R> table, ListFilter<R> filter) {
        SortedList<R> sorted = new SortedList<>(filter.visible());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }
}
