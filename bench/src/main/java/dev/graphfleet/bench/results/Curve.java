package dev.graphfleet.bench.results;

import java.util.ArrayList;
import java.util.List;

/** A scaling curve: how a cost grows with its work. Drawn to docs/benchmarks/{@code id}.png. */
public record Curve(String id, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                    List<Series> series) {

    public Curve {
        series = List.copyOf(series);
    }

    /** One line; each point carries the median and the spread of its iterations. */
    public record Series(String name, List<Point> points) {
        public Series {
            points = List.copyOf(points);
        }
    }

    public record Point(double x, double y, double low, double high) {
        public static Point of(double x, dev.graphfleet.bench.harness.Stats s) {
            return new Point(x, s.median(), s.min(), s.max());
        }

        public static Point exact(double x, double y) {
            return new Point(x, y, y, y);
        }
    }

    public static final class SeriesBuilder {
        private final String name;
        private final List<Point> points = new ArrayList<>();

        public SeriesBuilder(String name) {
            this.name = name;
        }

        public SeriesBuilder add(Point p) {
            points.add(p);
            return this;
        }

        public Series build() {
            return new Series(name, points);
        }
    }
}
