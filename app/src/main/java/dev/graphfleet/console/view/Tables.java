package dev.graphfleet.console.view;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Small builders for the views' tables: columns bound to a row property, styled cells. */
final class Tables {

    static final double ROW_HEIGHT = 26;

    private Tables() {
    }

    static <R> TableView<R> table(String id, String emptyText) {
        TableView<R> table = new TableView<>();
        table.setId(id);
        table.setPlaceholder(new Label(emptyText));
        table.setColumnResizePolicy(FillColumns.POLICY);
        // One row height for all: the table need not measure cells on every refresh.
        table.setFixedCellSize(ROW_HEIGHT);
        // Rows and cells stay the TableView's own (managed): a TableCell applies a changed value only in
        // its layoutChildren and its row places it only when asked for a layout; unmanaged cells (the former
        // QuietRow) showed the previous value and the previous column positions (issue 15).
        return table;
    }

    static <R, T> TableColumn<R, T> column(String title, double width, Function<R, ObservableValue<T>> value) {
        TableColumn<R, T> column = new TableColumn<>(title);
        column.setId(idOf(title));
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        return column;
    }

    static <R> TableColumn<R, String> numeric(String title, double width, Function<R, ObservableValue<String>> value) {
        TableColumn<R, String> column = column(title, width, value);
        column.getStyleClass().add(Styles.NUMERIC);
        return column;
    }

    /** A column whose cells are of {@code kind} (a style class) and carry their value as their state. */
    static <R> TableColumn<R, String> styled(String title, double width, Function<R, ObservableValue<String>> value,
                                             String kind, boolean dot) {
        TableColumn<R, String> column = column(title, width, value);
        column.setCellFactory(c -> new StyledTextCell<>(kind, dot));
        return column;
    }

    /** A text column of {@code kind} (a style class) coloured by another property of the row, its state. */
    static <R> TableColumn<R, String> levelled(String title, double width, Function<R, ObservableValue<String>> value,
                                               Function<R, ObservableValue<String>> level, String kind) {
        TableColumn<R, String> column = column(title, width, value);
        column.setCellFactory(c -> new LevelTextCell<>(level, kind));
        return column;
    }

    /** The width a cell needs for {@code text} (the table's font, the cell's padding). */
    static double textWidth(String text) {
        javafx.scene.text.Text measure = new javafx.scene.text.Text(text);
        measure.setFont(javafx.scene.text.Font.getDefault());
        return Math.max(80, Math.ceil(measure.getLayoutBounds().getWidth() * 1.08) + 24);
    }

    private static String idOf(String title) {
        return "col-" + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
