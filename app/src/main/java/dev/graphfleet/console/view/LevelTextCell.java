package dev.graphfleet.console.view;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;

/**
 * A text cell coloured by another property of its row (e.g. a volume's status text coloured by its
 * level): style class {@code prefix + level}. The text must change whenever the level does.
 */
final class LevelTextCell<R> extends TableCell<R, String> {

    private final Function<R, ObservableValue<String>> level;
    private final String prefix;
    private String applied;

    LevelTextCell(Function<R, ObservableValue<String>> level, String prefix) {
        this.level = level;
        this.prefix = prefix;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        TableRow<R> row = getTableRow();
        boolean blank = empty || item == null || row == null || row.getItem() == null;
        setText(blank ? null : item);
        String value = blank ? null : level.apply(row.getItem()).getValue();
        applied = StyleClasses.swap(this, applied, value == null || value.isEmpty() ? null : prefix + value);
    }
}
