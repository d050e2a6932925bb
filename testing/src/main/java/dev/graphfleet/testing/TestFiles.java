package dev.graphfleet.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Files of reproducible pseudo-random bytes (incompressible, so nothing short-circuits). */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path random(Path file, long size, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; ) {
                for (int i = 0; i < buffer.length; i += 8) {
                    long value = random.nextLong();
                    for (int b = 0; b < 8 && i + b < buffer.length; b++) {
                        buffer[i + b] = (byte) (value >>> (8 * b));
                    }
                }
                int n = (int) Math.min(buffer.length, size - written);
                out.write(buffer, 0, n);
                written += n;
            }
        }
        return file;
    }
}
