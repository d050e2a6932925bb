package dev.graphfleet.console.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** PNGs of the scene under test, in {@code app/target/screenshots/} (no javafx-swing: PixelReader → ImageIO). */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path directory() {
        return Path.of(System.getProperty("console.screenshots", "target/screenshots"));
    }

    /** Renders {@code scene} on the FX thread and writes {@code name}.png; returns the image. */
    public static BufferedImage save(Scene scene, String name) {
        Image image = WaitForAsyncUtils.waitForAsyncFx(10_000, () -> scene.snapshot(null));
        BufferedImage png = toBufferedImage(image);
        try {
            Files.createDirectories(directory());
            ImageIO.write(png, "png", directory().resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png;
    }

    public static BufferedImage toBufferedImage(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return out;
    }
}
