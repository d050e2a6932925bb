package dev.graphfleet.console.view;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;

/**
 * A text cell of a kind ({@code level}, a style class) coloured by another property of its row (e.g. a
 * volume's status text by its level): that property's value is the cell's state, a pseudo-class
 * ({@code .level:alarm}). The text must change whenever the level does.
 */
final class LevelTextCell<R> extends TableCell<R, String> {

    private final Function<R, ObservableValue<String>> level;
    private PseudoClass applied;

    LevelTextCell(Function<R, ObservableValue<String>> level, String kind) {
        this.level = level;
        getStyleClass().add(kind);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        TableRow<R> row = getTableRow();
        boolean blank = empty || item == null || row == null || row.getItem() == null;
        setText(blank ? null : item);
        applied = States.swap(this, applied, blank ? null : States.of(level.apply(row.getItem()).getValue()));
    }
}
