package dev.graphfleet.console.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Compares a screenshot with its approved golden image ({@code src/test/resources/golden/}), with a
 * tolerance: anti-aliasing may differ a little, a bar of the wrong length or colour may not. The
 * status bar (refresh time) is left out. {@code -Dconsole.golden.approve=true} rewrites the goldens
 * from this run; look at them before committing.
 */
public final class Goldens {

    /** A pixel differs when a colour channel is off by more than this. */
    private static final int CHANNEL_TOLERANCE = 48;
    /** At most this share of the pixels may differ. */
    private static final double MAX_DIFFERENT = 0.002;
    /** The status bar at the bottom shows the time of the refresh. */
    private static final int IGNORED_BOTTOM = 34;

    private Goldens() {
    }

    public static void assertMatches(BufferedImage actual, String name) {
        Path golden = Path.of("src", "test", "resources", "golden", name + ".png");
        try {
            if (Boolean.getBoolean("console.golden.approve")) {
                Files.createDirectories(golden.getParent());
                ImageIO.write(actual, "png", golden.toFile());
                return;
            }
            if (!Files.exists(golden)) {
                fail("no golden image " + golden + "; look at target/screenshots/" + name
                        + ".png and approve it with -Dconsole.golden.approve=true");
            }
            BufferedImage expected = ImageIO.read(golden.toFile());
            assertThat(actual.getWidth()).as("width of " + name).isEqualTo(expected.getWidth());
            assertThat(actual.getHeight()).as("height of " + name).isEqualTo(expected.getHeight());
            BufferedImage diff = new BufferedImage(actual.getWidth(), actual.getHeight(), BufferedImage.TYPE_INT_RGB);
            long different = 0;
            long compared = 0;
            for (int y = 0; y < actual.getHeight() - IGNORED_BOTTOM; y++) {
                for (int x = 0; x < actual.getWidth(); x++) {
                    compared++;
                    if (differs(actual.getRGB(x, y), expected.getRGB(x, y))) {
                        different++;
                        diff.setRGB(x, y, 0xff0000);
                    }
                }
            }
            double share = (double) different / compared;
            if (share > MAX_DIFFERENT) {
                Path diffFile = Screenshots.directory().resolve(name + "-diff.png");
                Files.createDirectories(diffFile.getParent());
                ImageIO.write(diff, "png", diffFile.toFile());
                fail(String.format("%s differs from its golden in %d pixels (%.3f %%, at most %.3f %% allowed); "
                        + "differences in red: %s", name, different, share * 100, MAX_DIFFERENT * 100, diffFile));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean differs(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)) > CHANNEL_TOLERANCE) {
                return true;
            }
        }
        return false;
    }
}
