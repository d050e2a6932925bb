package dev.graphfleet.graph.kuzu;

import com.kuzudb.Database;
import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngine;
import java.nio.file.Path;

/** Kùzu 0.11 (the engine LadybugDB continues), through its Java binding. */
public final class KuzuEngine implements GraphEngine {

    static final String VERSION = "0.11.2";

    @Override
    public String name() {
        return "kuzu";
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public String fileExtension() {
        return ".kuzu";
    }

    @Override
    public String attachType() {
        return "kuzu";
    }

    @Override
    public GraphDatabase openInMemory(long bufferPoolBytes, long maxDbSizeBytes) {
        try {
            return new KuzuDatabase(Path.of(":memory:"), false,
                    new Database(":memory:", bufferPoolBytes, true, false, maxDbSizeBytes, true, -1L));
        } catch (RuntimeException e) {
            throw KuzuErrors.classify("cannot open an in-memory database: " + e.getMessage(), e);
        }
    }

    @Override
    public GraphDatabase open(Path file, DatabaseSettings settings) {
        Database database;
        try {
            database = new Database(file.toString(), settings.bufferPoolBytes(), true, settings.readOnly(),
                    settings.maxDbSizeBytes(), !settings.readOnly(), settings.checkpointThresholdBytes());
        } catch (RuntimeException e) {
            throw KuzuErrors.classify("cannot open " + file + ": " + e.getMessage(), e);
        }
        return new KuzuDatabase(file, settings.readOnly(), database);
    }
}
