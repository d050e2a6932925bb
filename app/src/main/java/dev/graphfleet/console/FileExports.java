package dev.graphfleet.console;

import dev.graphfleet.console.viewmodel.ExportViewModel;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;

/**
 * Writes exports next to their target and moves them into place, so a failed export never leaves half a
 * file where the user asked for one. CSV as UTF-8; PNG through ImageIO (no javafx-swing needed).
 */
final class FileExports implements ExportViewModel.ExportTarget {

    @Override
    public void writeText(File file, String text) throws IOException {
        Path target = file.toPath();
        Path temp = temp(target);
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        move(temp, target);
    }

    @Override
    public void writePng(File file, int width, int height, int[] argb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        Path target = file.toPath();
        Path temp = temp(target);
        if (!ImageIO.write(image, "png", temp.toFile())) {
            Files.deleteIfExists(temp);
            throw new IOException("no PNG writer in this Java runtime");
        }
        move(temp, target);
    }

    private static Path temp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("no folder " + dir);
        }
        return Files.createTempFile(dir, "." + target.getFileName(), ".part");
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}
