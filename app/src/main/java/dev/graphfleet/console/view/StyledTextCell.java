package dev.graphfleet.console.view;

import javafx.css.PseudoClass;
import javafx.scene.control.TableCell;
import javafx.scene.layout.Region;

/**
 * A text cell of a kind ({@code health}, a style class) whose value is also its state, a pseudo-class
 * ({@code .health:unreachable}), so the theme colours it; optionally with a coloured dot in front.
 */
final class StyledTextCell<R> extends TableCell<R, String> {

    private final Region dot;
    private PseudoClass applied;

    StyledTextCell(String kind, boolean withDot) {
        getStyleClass().add(kind);
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
        applied = States.swap(this, applied, blank ? null : States.of(item));
    }
}
