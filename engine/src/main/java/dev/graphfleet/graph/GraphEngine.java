package dev.graphfleet.graph;

import java.nio.file.Path;

/**
 * The embedded graph engine behind Graphfleet. Kùzu 0.11 today; a LadybugDB build replaces it by
 * providing another implementation (see {@link GraphEngines}). Nothing outside the implementing
 * package imports the driver.
 */
public interface GraphEngine {

    /** The engine's name, e.g. "kuzu" (LadybugDB would say "lbug"). */
    String name();

    /** The engine's version, e.g. "0.11.2"; recorded in repository manifests. */
    String version();

    /** File name ending of a database of this engine, e.g. ".kuzu". */
    String fileExtension();

    /** The {@code dbtype} of this engine's files in {@code ATTACH '<file>' AS name (dbtype ...)}. */
    String attachType();

    /** An in-memory Database, the host of ATTACHed read-only repositories. */
    GraphDatabase openInMemory(long bufferPoolBytes, long maxDbSizeBytes);

    /** Opens (or creates, when writable) the database file with explicit sizes; never the engine's defaults. */
    GraphDatabase open(Path file, DatabaseSettings settings);
}
