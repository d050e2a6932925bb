package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.Units;
import dev.graphfleet.console.viewmodel.VolumeHistory;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;

/**
 * A volume's used GB over time (solid), its size (thin) and the expansion threshold (dashed), as
 * shapes coloured by the theme's CSS ({@code chart-used}, {@code chart-size}, {@code chart-threshold}).
 * The time axis is relative ("12 min ago" … "now"), so the picture does not depend on the clock.
 */
final class HistoryChart extends Region {

    private static final double LEFT = 64;
    private static final double BOTTOM = 22;
    private static final double TOP = 8;
    private static final double RIGHT = 12;

    private final Polyline used = new Polyline();
    private final Polyline size = new Polyline();
    private final Polyline threshold = new Polyline();
    private final Line xAxis = new Line();
    private final Line yAxis = new Line();
    private final Label yMax = new Label();
    private final Label yZero = new Label("0 GB");
    private final Label xStart = new Label();
    private final Label xEnd = new Label("now");
    private final Label empty = new Label("No readings yet");
    private List<VolumeHistory.Point> points = List.of();
    private final double expansion;

    HistoryChart(double expansionThreshold) {
        this.expansion = expansionThreshold;
        getStyleClass().add("history-chart");
        used.getStyleClass().add("chart-used");
        size.getStyleClass().add("chart-size");
        threshold.getStyleClass().add("chart-threshold");
        xAxis.getStyleClass().add("chart-axis");
        yAxis.getStyleClass().add("chart-axis");
        for (Label l : List.of(yMax, yZero, xStart, xEnd, empty)) {
            l.getStyleClass().add("chart-label");
            l.setManaged(false);
        }
        getChildren().addAll(xAxis, yAxis, threshold, size, used, yMax, yZero, xStart, xEnd, empty);
        setMinHeight(140);
        setPrefHeight(180);
    }

    void setPoints(List<VolumeHistory.Point> next) {
        points = next == null ? List.of() : next;
        requestLayout();
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
        boolean none = points.size() < 2;
        empty.setVisible(points.isEmpty());
        place(empty, (x0 + x1) / 2 - 50, (y0 + y1) / 2 - 8);
        used.getPoints().clear();
        size.getPoints().clear();
        threshold.getPoints().clear();
        if (points.isEmpty()) {
            yMax.setText("");
            xStart.setText("");
            return;
        }
        double max = points.stream().mapToDouble(VolumeHistory.Point::sizeGb).max().orElse(1) * 1.05;
        long first = points.get(0).at().toEpochMilli();
        long last = points.get(points.size() - 1).at().toEpochMilli();
        double span = Math.max(1, last - first);
        VolumeHistory.Point previous = null;
        for (VolumeHistory.Point p : points) {
            double x = none ? x1 : x0 + (p.at().toEpochMilli() - first) / span * (x1 - x0);
            used.getPoints().addAll(x, y(p.usedGb(), max, y0, y1));
            if (previous != null && previous.sizeGb() != p.sizeGb()) {
                // a size changes at once (an expansion), it does not ramp: draw a step
                size.getPoints().addAll(x, y(previous.sizeGb(), max, y0, y1));
                threshold.getPoints().addAll(x, y(previous.sizeGb() * expansion, max, y0, y1));
            }
            size.getPoints().addAll(x, y(p.sizeGb(), max, y0, y1));
            threshold.getPoints().addAll(x, y(p.sizeGb() * expansion, max, y0, y1));
            previous = p;
        }
        yMax.setText(Units.gigabytes(max / 1.05));
        place(yMax, 4, y(max / 1.05, max, y0, y1) - 8);
        place(yZero, 4, y0 - 8);
        xStart.setText(none ? "" : Units.duration(Duration.ofMillis(last - first)) + " ago");
        place(xStart, x0, y0 + 3);
        place(xEnd, x1 - 26, y0 + 3);
    }

    private static double y(double gb, double max, double y0, double y1) {
        return y0 - gb / max * (y0 - y1);
    }

    private static void place(Label label, double x, double y) {
        label.autosize();
        label.relocate(x, y);
    }
}
