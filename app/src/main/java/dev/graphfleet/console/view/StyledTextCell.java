package dev.graphfleet.console.view;

import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;

/**
 * A text cell that also carries its value as a style class ({@code prefix + value}, e.g.
 * {@code health-unreachable}) so the theme colours it, optionally with a coloured dot in front.
 */
final class StyledTextCell<R> extends TableCell<R, String> {

    private final String prefix;
    private final Region dot;
    private String applied;

    StyledTextCell(String prefix, boolean withDot) {
        this.prefix = prefix;
        this.dot = withDot ? new Region() : null;
        if (dot != null) {
            dot.getStyleClass().add(Styles.HEALTH_DOT);
        }
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        boolean blank = empty || item == null;
        setText(blank ? null : item);
        setGraphic(blank ? null : dot);
        applied = StyleClasses.swap(this, applied, blank ? null : prefix + item.replace(' ', '-'));
    }
}
