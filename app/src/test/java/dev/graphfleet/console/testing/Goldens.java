package dev.graphfleet.console.testing;

import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Compares a rendered view with its approved golden ({@code src/test/resources/golden/}) twice:
 * <ul>
 * <li>what it draws, read from the scene graph ({@link SceneDump}: every visible text with its position,
 * the geometry and colour of every bar, marker, dot and chart line) against {@code name.scene.txt},
 * exactly: one changed figure, a missing segment or label, or a bar of another length fails, whatever
 * the anti-aliasing;</li>
 * <li>the whole frame against {@code name.png}, tightly: a pixel differs past {@value #CHANNEL_TOLERANCE}/255
 * on a channel and at most {@value #MAX_DIFFERENT_PIXELS} pixels may (anti-aliasing passes; erasing a
 * bar segment does not). The status bar (refresh time) and the texts that change from run to run
 * (loopback ports, clock times; checked normalised in the scene) are left out.</li>
 * </ul>
 * {@code -Dconsole.golden.approve=true} rewrites the goldens from this run; look at them before committing.
 */
public final class Goldens {

    /** A pixel differs when a colour channel is off by more than this. */
    static final int CHANNEL_TOLERANCE = 24;
    /** At most this many pixels may differ (anti-aliasing at a few glyph edges; the erased segment was 1,962). */
    static final int MAX_DIFFERENT_PIXELS = 150;
    /** The status bar at the bottom shows the time of the refresh. */
    private static final int IGNORED_BOTTOM = SceneDump.IGNORED_BOTTOM;

    private Goldens() {
    }

    /** The scene as drawn and its screenshot must match golden {@code name}; fails with what differs. */
    public static void assertMatches(Scene scene, BufferedImage actual, String name) {
        List<String> problems = differences(scene, actual, name);
        if (!problems.isEmpty()) {
            fail(name + " differs from its golden:\n  " + String.join("\n  ", problems));
        }
    }

    /** The frame alone (a part of the window, e.g. the band): the tight pixel comparison only. */
    public static void assertMatches(BufferedImage actual, String name) {
        List<String> problems = new ArrayList<>();
        if (!approving()) {
            comparePixels(actual, name, List.of(), problems);
        } else {
            write(golden(name, ".png"), actual);
        }
        if (!problems.isEmpty()) {
            fail(name + " differs from its golden:\n  " + String.join("\n  ", problems));
        }
    }

    /** What differs from golden {@code name} (empty when it matches); approving rewrites it instead. */
    public static List<String> differences(Scene scene, BufferedImage actual, String name) {
        SceneDump.Result dump = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> SceneDump.of(scene));
        Path sceneFile = golden(name, ".scene.txt");
        List<String> problems = new ArrayList<>();
        if (approving()) {
            write(golden(name, ".png"), actual);
            try {
                Files.write(sceneFile, dump.lines(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return problems;
        }
        if (!Files.exists(sceneFile)) {
            problems.add("no golden " + sceneFile + "; look at target/screenshots/" + name
                    + ".png and approve it with -Dconsole.golden.approve=true");
            return problems;
        }
        try {
            compareLines(Files.readAllLines(sceneFile, StandardCharsets.UTF_8), dump.lines(), problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        comparePixels(actual, name, dump.volatileRegions(), problems);
        return problems;
    }

    private static void compareLines(List<String> expected, List<String> actual, List<String> problems) {
        Map<String, Integer> left = new HashMap<>();
        expected.forEach(l -> left.merge(l, 1, Integer::sum));
        List<String> added = new ArrayList<>();
        for (String line : actual) {
            if (left.merge(line, -1, Integer::sum) < 0) {
                added.add(line);
            }
        }
        List<String> missing = new ArrayList<>();
        left.forEach((line, n) -> {
            for (int i = 0; i < n; i++) {
                missing.add(line);
            }
        });
        missing.sort(null);
        added.sort(null);
        missing.stream().limit(20).forEach(l -> problems.add("drawn no more: " + l));
        added.stream().limit(20).forEach(l -> problems.add("drawn now:      " + l));
        if (missing.size() + added.size() > 40) {
            problems.add("… " + (missing.size() + added.size() - 40) + " more scene differences");
        }
    }

    private static void comparePixels(BufferedImage actual, String name, List<double[]> ignored, List<String> problems) {
        Path golden = golden(name, ".png");
        if (!Files.exists(golden)) {
            problems.add("no golden image " + golden + "; approve it with -Dconsole.golden.approve=true");
            return;
        }
        try {
            BufferedImage expected = ImageIO.read(golden.toFile());
            if (actual.getWidth() != expected.getWidth() || actual.getHeight() != expected.getHeight()) {
                problems.add("frame " + actual.getWidth() + "x" + actual.getHeight() + ", golden "
                        + expected.getWidth() + "x" + expected.getHeight());
                return;
            }
            BufferedImage diff = new BufferedImage(actual.getWidth(), actual.getHeight(), BufferedImage.TYPE_INT_RGB);
            long different = 0;
            for (int y = 0; y < actual.getHeight() - IGNORED_BOTTOM; y++) {
                for (int x = 0; x < actual.getWidth(); x++) {
                    if (differs(actual.getRGB(x, y), expected.getRGB(x, y)) && !inside(ignored, x, y)) {
                        different++;
                        diff.setRGB(x, y, 0xff0000);
                    }
                }
            }
            if (different > MAX_DIFFERENT_PIXELS) {
                Path diffFile = Screenshots.directory().resolve(name + "-diff.png");
                write(diffFile, diff);
                problems.add(String.format("%d pixels differ (at most %d allowed); differences in red: %s",
                        different, MAX_DIFFERENT_PIXELS, diffFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inside(List<double[]> regions, int x, int y) {
        for (double[] r : regions) {
            if (x >= r[0] && x < r[0] + r[2] && y >= r[1] && y < r[1] + r[3]) {
                return true;
            }
        }
        return false;
    }

    static boolean differs(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)) > CHANNEL_TOLERANCE) {
                return true;
            }
        }
        return false;
    }

    private static boolean approving() {
        return Boolean.getBoolean("console.golden.approve");
    }

    private static Path golden(String name, String suffix) {
        return Path.of("src", "test", "resources", "golden", name + suffix);
    }

    private static void write(Path file, BufferedImage image) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
