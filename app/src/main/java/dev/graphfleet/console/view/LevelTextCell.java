package dev.graphfleet.console.view;

import java.util.function.Function;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;

/**
 * A text cell coloured by another property of its row (e.g. a volume's status text coloured by its
 * level): style class {@code prefix + level}.
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
        if (applied != null) {
            getStyleClass().remove(applied);
            applied = null;
        }
        TableRow<R> row = getTableRow();
        if (empty || item == null || row == null || row.getItem() == null) {
            setText(null);
            return;
        }
        setText(item);
        String value = level.apply(row.getItem()).getValue();
        if (value != null && !value.isEmpty()) {
            applied = prefix + value;
            getStyleClass().add(applied);
        }
    }
}
