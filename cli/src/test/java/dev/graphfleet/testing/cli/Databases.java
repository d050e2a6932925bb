package dev.graphfleet.testing.cli;

import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.DirectoryCatalog;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PoolSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Databases for the CLI's tests to serve, attach and pack: written through the real engine with small buffer
 * pools so a test JVM and its child nodes fit together. The engine's own tests have the same sizes in
 * {@code dev.graphfleet.testing.engine.TestPools}; the modules cannot share it (the engine's tests use the
 * testing module, so that module cannot depend on the engine).
 */
public final class Databases {

    /** Rows of {@code people} written by {@link #seedPeople}. */
    public static final int PEOPLE = 12_345;

    private Databases() {
    }

    public static DatabaseDefaults smallDefaults(int maxConnections) {
        return new DatabaseDefaults(64 * DatabaseSettings.MIB, 1L << 32, false, 512 * DatabaseSettings.MIB,
                Map.of(), Duration.ZERO, true, maxConnections, Duration.ofMinutes(30));
    }

    /** A writer pool over {@code dataDir} (one database per directory entry, created on first use). */
    public static GraphPool writer(Path dataDir, int maxConnections) {
        GraphEngine engine = GraphEngines.load();
        return new GraphPool(engine, new DirectoryCatalog(dataDir, engine.fileExtension(), smallDefaults(maxConnections),
                true), PoolSettings.DEFAULTS.withBackgroundMaintenance(false).withAcquireTimeout(Duration.ofSeconds(10)));
    }

    /** Creates {@code people} (Person 1..12,345) and an empty {@code empty} database, then closes them. */
    public static void seedPeople(Path dataDir) {
        try (GraphPool pool = writer(dataDir, 2)) {
            pool.query("people", "CREATE NODE TABLE Person(id INT64, name STRING, PRIMARY KEY(id))");
            pool.query("people", "UNWIND range(1, " + PEOPLE + ") AS i CREATE (:Person {id: i, name: 'p' + CAST(i AS STRING)})");
            pool.query("empty", "RETURN 1");
        }
    }
}
