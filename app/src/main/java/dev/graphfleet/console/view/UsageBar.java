package dev.graphfleet.console.view;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * A horizontal bar: a track, a fill for a fraction 0..1 coloured by level (its state,
 * {@code .usage-bar:alarm}), optional threshold markers, and the figure as text on top.
 */
final class UsageBar extends StackPane {

    private final Region track = new Region();
    private final Region fill = new Region();
    private final Label text = new Label();
    private final List<Region> markers;
    private double fraction;
    private double[] thresholds = new double[0];
    private javafx.css.PseudoClass levelState;

    UsageBar(int markerCount) {
        getStyleClass().add(Styles.USAGE_BAR);
        track.getStyleClass().add(Styles.BAR_TRACK);
        fill.getStyleClass().add(Styles.BAR_FILL);
        text.getStyleClass().add(Styles.BAR_TEXT);
        markers = java.util.stream.IntStream.range(0, markerCount).mapToObj(i -> {
            Region m = new Region();
            m.getStyleClass().add(Styles.THRESHOLD_MARKER);
            m.setManaged(false);
            return m;
        }).toList();
        fill.setManaged(false);
        getChildren().add(track);
        getChildren().add(fill);
        getChildren().addAll(markers);
        getChildren().add(text);
        StackPane.setAlignment(text, Pos.CENTER);
        setMinHeight(18);
        setPrefHeight(18);
    }

    void set(double value, String level, String label, double... marks) {
        fraction = Math.max(0, Math.min(1, value));
        thresholds = marks;
        text.setText(label);
        levelState = States.swap(this, levelState, States.of(level));
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double x = snappedLeftInset();
        double y = snappedTopInset();
        double w = getWidth() - x - snappedRightInset();
        double h = getHeight() - y - snappedBottomInset();
        fill.resizeRelocate(x, y, Math.round(w * fraction), h);
        for (int i = 0; i < markers.size(); i++) {
            Region m = markers.get(i);
            boolean shown = i < thresholds.length;
            m.setVisible(shown);
            if (shown) {
                m.resizeRelocate(x + Math.round(w * thresholds[i]) - 1, y - 2, 2, h + 4);
            }
        }
    }
}
