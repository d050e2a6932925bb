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

    /** Shows the filtered rows, sorted by the table's columns. */
    static <R> void show(TableView<R> table, ListFilter<R> filter) {
        SortedList<R> sorted = new SortedList<>(filter.visible());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
    }
}
