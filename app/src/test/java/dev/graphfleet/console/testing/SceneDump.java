package dev.graphfleet.console.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polyline;
import javafx.scene.text.Text;

/**
 * What a scene draws that carries meaning, one line per item, read from the scene graph: every visible
 * text with its position (the displayed text, so "…" shows a cut), and the geometry and colour of the
 * bars, markers, dots and chart lines. Independent of anti-aliasing: one changed figure, a missing
 * segment or a bar of another length is a changed line. Texts that change from run to run (loopback
 * ports, clock times) are normalised here, and their regions are left out of the pixel comparison.
 */
final class SceneDump {

    /** Parts of bars, gauges, charts and health: their geometry and colour matter. */
    private static final Pattern SHAPE_CLASS = Pattern.compile(
            "bar-.*|mem-.*|ram-marker|threshold-marker|health-dot|legend-swatch|chart-.*");
    private static final Pattern PORT = Pattern.compile("127\\.0\\.0\\.1:\\d+");
    private static final Pattern CLOCK = Pattern.compile("\\b\\d{1,2}:\\d{2}:\\d{2}\\b");
    /** How many readings a new volume's forecast has so far: it depends on how many refreshes coalesced. */
    private static final Pattern COLLECTING = Pattern.compile("collecting history \\(\\d+ of");
    /** The status bar at the bottom (refresh time and duration) is left out, as in the pixel comparison. */
    static final int IGNORED_BOTTOM = 34;

    /** The lines, and the scene rectangles of the texts that were normalised (x, y, w, h). */
    record Result(List<String> lines, List<double[]> volatileRegions) {
    }

    private SceneDump() {
    }

    static Result of(Scene scene) {
        List<String> lines = new ArrayList<>();
        List<double[]> volatileRegions = new ArrayList<>();
        walk(scene.getRoot(), scene, lines, volatileRegions);
        return new Result(lines, volatileRegions);
    }

    private static void walk(Node node, Scene scene, List<String> lines, List<double[]> volatileRegions) {
        if (!node.isVisible() || node.getOpacity() == 0 || node.getStyleClass().contains("tooltip")) {
            return;
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        if ("status-bar".equals(node.getId())) { // the refresh's time and duration: not the view's figures
            volatileRegions.add(new double[]{b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()});
            return;
        }
        boolean onScreen = b.getMaxX() > 0 && b.getMaxY() > 0 && b.getMinX() < scene.getWidth()
                && b.getMinY() < scene.getHeight() - IGNORED_BOTTOM && b.getWidth() > 0 && b.getHeight() > 0;
        if (node instanceof Text text) {
            String content = text.getText();
            if (onScreen && content != null && !content.isBlank() && visibleInClip(node, b)) {
                String normal = COLLECTING.matcher(CLOCK.matcher(PORT.matcher(content).replaceAll("127.0.0.1:PORT"))
                        .replaceAll("HH:MM:SS")).replaceAll("collecting history (N of");
                if (!normal.equals(content)) {
                    volatileRegions.add(new double[]{b.getMinX() - 2, b.getMinY() - 2, b.getWidth() + 4, b.getHeight() + 4});
                }
                lines.add(String.format(Locale.ROOT, "text %d,%d \"%s\"", round(b.getMinX()), round(b.getMinY()),
                        normal.replace("\n", "\\n")));
            }
            return;
        }
        String shapeClass = node.getStyleClass().stream().filter(c -> SHAPE_CLASS.matcher(c).matches()).findFirst()
                .orElse(null);
        if (shapeClass != null && onScreen && visibleInClip(node, b)) {
            lines.add(String.format(Locale.ROOT, "%s %d,%d %dx%d%s", shapeClass, round(b.getMinX()), round(b.getMinY()),
                    round(b.getWidth()), round(b.getHeight()), paint(node)));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, scene, lines, volatileRegions);
            }
        }
    }

    /** Inside the clip of every clipped ancestor (a table's rows below its last visible one are not drawn). */
    private static boolean visibleInClip(Node node, Bounds b) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n.getClip() != null) {
                Bounds clip = n.localToScene(n.getClip().getBoundsInParent());
                if (!clip.intersects(b)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String paint(Node node) {
        if (node instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
            List<BackgroundFill> fills = r.getBackground().getFills();
            return " " + fills.get(fills.size() - 1).getFill();
        }
        if (node instanceof Polyline p) {
            StringBuilder s = new StringBuilder(" " + p.getStroke() + " [");
            for (int i = 0; i < p.getPoints().size(); i += 2) {
                s.append(i == 0 ? "" : " ").append(round(p.getPoints().get(i))).append(',')
                        .append(round(p.getPoints().get(i + 1)));
            }
            return s.append(']').toString();
        }
        if (node instanceof Line l) {
            return " " + l.getStroke();
        }
        return "";
    }

    private static long round(double v) {
        return Math.round(v);
    }
}
