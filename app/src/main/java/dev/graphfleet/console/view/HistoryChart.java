package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.NodeHistory;
import dev.graphfleet.console.viewmodel.Units;
import dev.graphfleet.console.viewmodel.VolumeHistory;
import java.time.Duration;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polyline;

/**
 * A figure over time (solid) against its limit (thin) and an optional threshold of that limit
 * (dashed): a volume's used GB against its size and the expansion threshold, or a node's memory,
 * connections or volume from its {@link NodeHistory}. Shapes coloured by the theme's CSS
 * ({@code chart-used}, {@code chart-size}, {@code chart-threshold}); a reading without a figure is a
 * gap in the line. The time axis is relative ("12 min ago" … "now"), so the picture does not depend on the clock.
 */
final class HistoryChart extends Region {

    private static final double LEFT = 64;
    private static final double BOTTOM = 22;
    private static final double TOP = 8;
    private static final double RIGHT = 12;

    /** One reading: epoch ms, the figure and its limit (NaN when not reported). */
    private record Sample(long at, double value, double limit) {
    }

    private final Path used = new Path();
    private final Polyline size = new Polyline();
    private final Polyline threshold = new Polyline();
    private final Line xAxis = new Line();
    private final Line yAxis = new Line();
    private final Label yMax = new Label();
    private final Label yZero = new Label();
    private final Label xStart = new Label();
    private final Label xEnd = new Label("now");
    private final Label empty = new Label("No readings yet");
    private List<VolumeHistory.Point> points = List.of();
    private List<Sample> samples = List.of();
    private DoubleFunction<String> format = Units::gigabytes;
    private String zero = "0 GB";
    private double expansion;

    HistoryChart(double expansionThreshold) {
        this.expansion = expansionThreshold;
        getStyleClass().add(Styles.HISTORY_CHART);
        used.getStyleClass().add(Styles.CHART_USED);
        size.getStyleClass().add(Styles.CHART_SIZE);
        threshold.getStyleClass().add(Styles.CHART_THRESHOLD);
        xAxis.getStyleClass().add(Styles.CHART_AXIS);
        yAxis.getStyleClass().add(Styles.CHART_AXIS);
        for (Label l : List.of(yMax, yZero, xStart, xEnd, empty)) {
            l.getStyleClass().add(Styles.CHART_LABEL);
            l.setManaged(false);
        }
        getChildren().addAll(xAxis, yAxis, threshold, size, used, yMax, yZero, xStart, xEnd, empty);
        setMinHeight(140);
        setPrefHeight(180);
    }

    void setPoints(List<VolumeHistory.Point> next) {
        points = next == null ? List.of() : next;
        samples = points.stream().map(p -> new Sample(p.at().toEpochMilli(), p.usedGb(), p.sizeGb())).toList();
        format = Units::gigabytes;
        zero = "0 GB";
        requestLayout();
    }

    /** A node's figure against its limit, labelled with {@code unit}; {@code threshold} a fraction of the limit, or NaN. */
    void setSeries(List<NodeHistory.Point> next, DoubleFunction<String> unit, double threshold) {
        points = List.of();
        samples = next == null ? List.of()
                : next.stream().map(p -> new Sample(p.at().toEpochMilli(), p.value(), p.limit())).toList();
        format = unit;
        zero = unit.apply(0);
        expansion = threshold;
        requestLayout();
    }

    /** Readings drawn (either kind). */
    int sampleCount() {
        return samples.size();
    }

    List<VolumeHistory.Point> points() {
        return points;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double x0 = LEFT;
        double x1 = Math.max(x0 + 10, w - RIGHT);
        double y0 = h - BOTTOM;
        double y1 = TOP;
        xAxis.setStartX(x0);
        xAxis.setEndX(x1);
        xAxis.setStartY(y0);
        xAxis.setEndY(y0);
        yAxis.setStartX(x0);
        yAxis.setEndX(x0);
        yAxis.setStartY(y0);
        yAxis.setEndY(y1);
        boolean none = samples.size() < 2;
        empty.setVisible(samples.isEmpty());
        place(empty, (x0 + x1) / 2 - 50, (y0 + y1) / 2 - 8);
        used.getElements().clear();
        size.getPoints().clear();
        threshold.getPoints().clear();
        double top = samples.stream().mapToDouble(p -> Math.max(finite(p.value()), finite(p.limit()))).max().orElse(0);
        if (samples.isEmpty() || top <= 0) {
            yMax.setText("");
            xStart.setText("");
            yZero.setText(samples.isEmpty() ? "" : zero);
            place(yZero, 4, y0 - 8);
            return;
        }
        double max = top * 1.05;
        long first = samples.get(0).at();
        long last = samples.get(samples.size() - 1).at();
        double span = Math.max(1, last - first);
        Sample previous = null;
        boolean drawing = false;
        boolean hasThreshold = !Double.isNaN(expansion);
        for (Sample p : samples) {
            double x = none ? x1 : x0 + (p.at() - first) / span * (x1 - x0);
            if (Double.isNaN(p.value())) {
                drawing = false; // no figure: a gap, not a zero
            } else {
                double y = y(p.value(), max, y0, y1);
                used.getElements().add(drawing ? new LineTo(x, y) : new MoveTo(x, y));
                drawing = true;
            }
            if (Double.isNaN(p.limit())) {
                continue;
            }
            if (previous != null && !Double.isNaN(previous.limit()) && previous.limit() != p.limit()) {
                // a limit changes at once (an expansion, a new budget), it does not ramp: draw a step
                size.getPoints().addAll(x, y(previous.limit(), max, y0, y1));
                if (hasThreshold) {
                    threshold.getPoints().addAll(x, y(previous.limit() * expansion, max, y0, y1));
                }
            }
            size.getPoints().addAll(x, y(p.limit(), max, y0, y1));
            if (hasThreshold) {
                threshold.getPoints().addAll(x, y(p.limit() * expansion, max, y0, y1));
            }
            previous = p;
        }
        yMax.setText(format.apply(top));
        place(yMax, 4, y(top, max, y0, y1) - 8);
        yZero.setText(zero);
        place(yZero, 4, y0 - 8);
        xStart.setText(none ? "" : Units.duration(Duration.ofMillis(last - first)) + " ago");
        place(xStart, x0, y0 + 3);
        place(xEnd, x1 - 26, y0 + 3);
    }

    private static double finite(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static double y(double gb, double max, double y0, double y1) {
        return y0 - gb / max * (y0 - y1);
    }

    private static void place(Label label, double x, double y) {
        label.autosize();
        label.relocate(x, y);
    }
}
