package dev.graphfleet.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Usable bytes on the file system that holds a directory. Injected so tests can run out of space. */
@FunctionalInterface
public interface FreeSpace {

    long usableBytes(Path directory) throws IOException;

    /** The real file system's usable space. */
    static FreeSpace fileStore() {
        return directory -> Files.getFileStore(directory).getUsableSpace();
    }
}
