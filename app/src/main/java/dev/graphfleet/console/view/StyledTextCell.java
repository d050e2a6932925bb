package dev.graphfleet.console.view;

import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;

/**
 * A text cell that also carries its value as a style class ({@code prefix + value}, e.g.
 * {@code health-unreachable}) so the theme colours it, optionally with a coloured dot in front.
 */
final class StyledTextCell<R> extends TableCell<R, String> {

    private final String prefix;
    private final boolean dot;
    private String applied;

    StyledTextCell(String prefix, boolean dot) {
        this.prefix = prefix;
        this.dot = dot;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (applied != null) {
            getStyleClass().remove(applied);
            applied = null;
        }
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        setText(item);
        applied = prefix + item.replace(' ', '-');
        getStyleClass().add(applied);
        if (dot) {
            Region marker = new Region();
            marker.getStyleClass().add("health-dot");
            setGraphic(marker);
        }
    }
}
