package dev.graphfleet.local;

import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.DirectoryCatalog;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PoolSettings;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The data a local fleet starts with, created on its first run before any node starts: the writer's customer
 * databases and the master's sample repositories. A later run finds them and leaves them as they are.
 */
final class FleetSeed {

    private static final long NODE_MEMORY = 256 * DatabaseDefaults.MIB;

    private final GraphEngine engine;
    private final SampleSizes sizes;

    FleetSeed(GraphEngine engine, SampleSizes sizes) {
        this.engine = engine;
        this.sizes = sizes;
    }

    /** The writer's {@link LocalFleet#CUSTOMER_DATABASES}, each with a small ownership graph. */
    void prepareWriter(Path dir, Consumer<String> progress) {
        try (GraphPool pool = setupPool(dir)) {
            for (String name : LocalFleet.CUSTOMER_DATABASES) {
                if (pool.query(name, "CALL show_tables() RETURN name").isEmpty()) {
                    progress.accept("creating customer database " + name);
                    pool.query(name, "CREATE NODE TABLE Entity(id INT64, name STRING, PRIMARY KEY(id))");
                    pool.query(name, "CREATE REL TABLE OWNS(FROM Entity TO Entity, share DOUBLE)");
                    pool.query(name, "UNWIND range(1, 1000) AS i CREATE (:Entity {id: i, name: 'entity-' + CAST(i AS STRING)})");
                    pool.query(name, "UNWIND range(2, 1000) AS i MATCH (a:Entity {id: i / 2}), (b:Entity {id: i}) "
                            + "CREATE (a)-[:OWNS {share: 0.5}]->(b)");
                }
            }
        }
    }

    /** The master's {@link SampleRepositories}, generated on first run and left checkpointed for publishing. */
    void prepareMaster(Path dir, Consumer<String> progress) {
        try (GraphPool pool = setupPool(dir)) {
            for (String name : SampleRepositories.NAMES) {
                SampleRepositories.ensure(pool, name, sizes, progress);
                pool.forceCleanup(name);
            }
        }
    }

    private GraphPool setupPool(Path dir) {
        DatabaseDefaults defaults = DatabaseDefaults.writer().withBufferPoolBytes(NODE_MEMORY).withMaxConnections(1);
        return new GraphPool(engine, new DirectoryCatalog(dir, engine.fileExtension(), defaults, true),
                PoolSettings.DEFAULTS.withBackgroundMaintenance(false));
    }
}
