package dev.graphfleet.repo;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Makes a rename durable: on Linux a directory entry survives a crash only once the directory is synced. */
final class FileSync {

    private FileSync() {
    }

    static void directory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms (Windows) cannot open a directory; the rename itself has happened.
        }
    }
}
