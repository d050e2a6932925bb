package dev.graphfleet.node.metrics;

import java.io.IOException;
import java.util.Map;

/** Measures the databases on disk; called only on the background scanner's thread, so it may block. */
@FunctionalInterface
public interface DatabaseSizeSource {

    /** Bytes on disk per database name (its file and sidecars such as the WAL). */
    Map<String, Long> sizes() throws IOException, InterruptedException;
}
