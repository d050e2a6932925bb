package dev.graphfleet.console.view;

import dev.graphfleet.console.testing.ConsoleHarness;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;

/** Reading what a table shows: its cells, by text. */
final class ViewAssertions {

    private ViewAssertions() {
    }

    static List<TableCell<?, ?>> cells(ConsoleHarness console, String tableId) {
        return console.robot().lookup("#" + tableId + " .table-cell").queryAllAs(TableCell.class).stream()
                .<TableCell<?, ?>>map(c -> c)
                .filter(c -> !c.isEmpty() && c.getText() != null)
                .toList();
    }

    static Optional<TableCell<?, ?>> cell(ConsoleHarness console, String tableId, String text) {
        return cells(console, tableId).stream().filter(c -> text.equals(c.getText())).findFirst();
    }

    static List<String> texts(ConsoleHarness console, String tableId) {
        return cells(console, tableId).stream().map(TableCell::getText).toList();
    }

    static int rows(ConsoleHarness console, String tableId) {
        return console.find("#" + tableId, TableView.class).getItems().size();
    }
}
