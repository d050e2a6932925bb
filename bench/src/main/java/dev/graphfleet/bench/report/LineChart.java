package dev.graphfleet.bench.report;

import dev.graphfleet.bench.results.Curve;
import dev.graphfleet.bench.results.Format;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a {@link Curve} to a PNG with Java2D (headless): one line per series, each point's spread
 * (min–max of its iterations) as a vertical bar, log axes where the work grows by factors.
 */
public final class LineChart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 440;
    private static final int LEFT = 80;
    private static final int RIGHT = 190;
    private static final int TOP = 44;
    private static final int BOTTOM = 56;
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b)};

    private LineChart() {
    }

    public static void write(Curve curve, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            draw(g, curve);
        } finally {
            g.dispose();
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void draw(Graphics2D g, Curve curve) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        Axis x = Axis.of(curve.series().stream().flatMap(s -> s.points().stream()).map(Curve.Point::x).toList(),
                curve.logX(), true, LEFT, WIDTH - RIGHT);
        List<Double> ys = new ArrayList<>();
        curve.series().forEach(s -> s.points().forEach(p -> {
            ys.add(p.low());
            ys.add(p.high());
        }));
        Axis y = Axis.of(ys, curve.logY(), false, HEIGHT - BOTTOM, TOP);

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(curve.title(), LEFT, 26);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        // frame, ticks, grid
        g.setColor(new Color(0xdddddd));
        for (double t : y.ticks()) {
            int py = y.map(t);
            g.drawLine(LEFT, py, WIDTH - RIGHT, py);
        }
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, WIDTH - RIGHT - LEFT, HEIGHT - BOTTOM - TOP);
        for (double t : y.ticks()) {
            String label = tick(t);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y.map(t) + 4);
        }
        // On a log x axis the work grows by factors: label exactly the measured points.
        List<Double> xTicks = curve.logX() ? curve.series().stream().flatMap(s -> s.points().stream())
                .map(Curve.Point::x).distinct().sorted().toList() : x.ticks();
        for (double t : xTicks) {
            String label = tick(t);
            int px = x.map(t);
            g.drawLine(px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 4);
            g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, HEIGHT - BOTTOM + 18);
        }
        g.drawString(curve.xLabel() + (curve.logX() ? " (log)" : ""), LEFT + (WIDTH - RIGHT - LEFT) / 2
                - g.getFontMetrics().stringWidth(curve.xLabel()) / 2, HEIGHT - 14);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2);
        String yLabel = curve.yLabel() + (curve.logY() ? " (log)" : "");
        g.drawString(yLabel, -(TOP + (HEIGHT - BOTTOM - TOP) / 2 + g.getFontMetrics().stringWidth(yLabel) / 2), 18);
        g.setTransform(saved);

        int legendY = TOP + 10;
        for (int i = 0; i < curve.series().size(); i++) {
            Curve.Series series = curve.series().get(i);
            Color color = PALETTE[i % PALETTE.length];
            g.setColor(color);
            g.setStroke(new BasicStroke(2f));
            int prevX = -1;
            int prevY = -1;
            for (Curve.Point p : series.points()) {
                int px = x.map(p.x());
                int py = y.map(p.y());
                if (prevX >= 0) {
                    g.drawLine(prevX, prevY, px, py);
                }
                g.setStroke(new BasicStroke(1f));
                g.drawLine(px, y.map(p.low()), px, y.map(p.high()));
                g.drawLine(px - 3, y.map(p.low()), px + 3, y.map(p.low()));
                g.drawLine(px - 3, y.map(p.high()), px + 3, y.map(p.high()));
                g.fillOval(px - 3, py - 3, 7, 7);
                g.setStroke(new BasicStroke(2f));
                prevX = px;
                prevY = py;
            }
            g.fillRect(WIDTH - RIGHT + 14, legendY - 9, 12, 10);
            g.setColor(Color.BLACK);
            g.drawString(series.name(), WIDTH - RIGHT + 32, legendY);
            legendY += 18;
        }
    }

    private static String tick(double t) {
        return t == Math.rint(t) && Math.abs(t) < 1e15 ? String.format(java.util.Locale.ROOT, "%,.0f", t) : Format.number(t);
    }

    /** A linear or log axis from data to pixels, with round tick values. */
    private record Axis(double min, double max, boolean log, int from, int to) {

        /** {@code tight}: a log axis ends just beyond the data (the x axis) instead of at whole decades. */
        static Axis of(List<Double> values, boolean log, boolean tight, int from, int to) {
            double min = values.stream().filter(v -> !log || v > 0).mapToDouble(Double::doubleValue).min().orElse(0);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
            if (!log) {
                min = Math.min(0, min);
                max = max <= min ? min + 1 : max * 1.08;
            } else if (tight) {
                min = min / 1.25;
                max = Math.max(max, min * 2) * 1.25;
            } else {
                min = Math.pow(10, Math.floor(Math.log10(min)));
                max = Math.pow(10, Math.ceil(Math.log10(Math.max(max, min * 10))));
            }
            return new Axis(min, max, log, from, to);
        }

        int map(double v) {
            double f = log ? (Math.log10(Math.max(v, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (v - min) / (max - min);
            return (int) Math.round(from + f * (to - from));
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = min; t <= max * 1.0001; t *= 10) {
                    ticks.add(t);
                }
                return ticks;
            }
            double step = Math.pow(10, Math.floor(Math.log10((max - min) / 5)));
            if ((max - min) / step > 10) {
                step *= 2;
            }
            if ((max - min) / step > 10) {
                step *= 2.5;
            }
            for (double t = Math.ceil(min / step) * step; t <= max; t += step) {
                ticks.add(t);
            }
            return ticks;
        }
    }
}
