package dev.graphfleet.console.view;

import javafx.scene.layout.Region;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.PathElement;

/**
 * A small line of recent readings, each a fraction 0..1 of its limit (over 1 is clipped to the top):
 * a gap where a reading had no figure, never a made-up zero. Its colour is the theme's
 * ({@code sparkline}); the elements are rebuilt only when the readings change.
 */
final class Sparkline extends Region {

    private final Path line = new Path();
    private float[] values = new float[0];

    Sparkline() {
        getStyleClass().add(Styles.SPARKLINE);
        line.getStyleClass().add(Styles.SPARKLINE_LINE);
        line.setManaged(false);
        getChildren().add(line);
        setMinSize(60, 16);
        setPrefSize(60, 16);
        setMaxSize(60, 16);
    }

    void set(float[] next) {
        if (next != values) {
            values = next;
            requestLayout();
        }
    }

    float[] values() {
        return values;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        int n = values.length;
        PathElement[] elements = new PathElement[2 * n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            float v = values[i];
            if (Float.isNaN(v)) {
                continue;
            }
            double x = n == 1 ? w - 2 : i * (w - 2) / (n - 1);
            double y = h - 1 - Math.max(0, Math.min(1, v)) * (h - 2);
            boolean joined = i > 0 && !Float.isNaN(values[i - 1]);
            boolean alone = !joined && (i == n - 1 || Float.isNaN(values[i + 1]));
            elements[count++] = joined ? new LineTo(x, y) : new MoveTo(x, y);
            if (alone) {
                elements[count++] = new LineTo(x + 2, y); // a lone reading is a dot, not nothing
            }
        }
        line.getElements().setAll(java.util.Arrays.copyOf(elements, count));
    }
}
