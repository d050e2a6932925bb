package dev.graphfleet.console.view;

import dev.graphfleet.console.testing.ConsoleHarness;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;

/** Reading what a table shows: its cells, by text; and the states a node is in. */
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

    /** The node's states (pseudo-classes): {@code unreachable}, {@code alarm}, {@code stale}, … */
    static Set<String> states(Node node) {
        return node.getPseudoClassStates().stream().map(PseudoClass::getPseudoClassName).collect(Collectors.toSet());
    }

    static int rows(ConsoleHarness console, String tableId) {
        return console.find("#" + tableId, TableView.class).getItems().size();
    }
}
