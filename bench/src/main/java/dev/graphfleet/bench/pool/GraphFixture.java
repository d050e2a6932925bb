package dev.graphfleet.bench.pool;

import dev.graphfleet.bench.harness.BenchPools;
import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.DirectoryCatalog;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.MonotonicClock;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The pool benchmarks' graph: {@code people} Person nodes, each knowing {@link #DEGREE} others,
 * bulk-loaded with COPY from generated CSV. Every side (direct, our pool, commons-pool2) reads the
 * same file through its own read-only Database with the same buffer pool.
 */
public final class GraphFixture {

    public static final String DATABASE = "bench";
    public static final int DEGREE = 5;
    public static final String LOOKUP = "MATCH (p:Person {id: $id}) RETURN p.name";
    public static final String TWO_HOP = "MATCH (a:Person {id: $id})-[:Knows]->(:Person)-[:Knows]->(c:Person) RETURN count(c)";
    /** Touches every node and edge page: a Database's buffer pool is warm after it. */
    public static final String WARM_ALL = "MATCH (a:Person)-[:Knows]->(b:Person) RETURN count(*), max(a.name), max(b.name)";
    static final long BUFFER_POOL = 512 * DatabaseSettings.MIB;
    static final ConnectionSettings CONNECTION = new ConnectionSettings(Duration.ZERO, false, null);

    private final GraphEngine engine;
    private final Path dataDir;
    private final int people;

    public GraphFixture(GraphEngine engine, Path dataDir, int people) {
        this.engine = engine;
        this.dataDir = dataDir;
        this.people = people;
    }

    public int people() {
        return people;
    }

    public GraphFixture seed() throws IOException {
        Path nodes = dataDir.resolve("people.csv");
        Path edges = dataDir.resolve("knows.csv");
        Files.createDirectories(dataDir);
        SplittableRandom random = new SplittableRandom(42);
        try (BufferedWriter n = Files.newBufferedWriter(nodes); BufferedWriter e = Files.newBufferedWriter(edges)) {
            for (int i = 1; i <= people; i++) {
                n.write(i + ",person-" + i + "\n");
                for (int k = 0; k < DEGREE; k++) {
                    e.write(i + "," + random.nextInt(1, people + 1) + "\n");
                }
            }
        }
        try (GraphPool writer = BenchPools.writer(engine, dataDir, defaults(1, false), BenchPools.manualMaintenance(),
                MonotonicClock.SYSTEM)) {
            writer.query(DATABASE, "CREATE NODE TABLE Person(id INT64, name STRING, PRIMARY KEY(id))");
            writer.query(DATABASE, "CREATE REL TABLE Knows(FROM Person TO Person)");
            writer.query(DATABASE, "COPY Person FROM '" + nodes + "' (header=false)");
            writer.query(DATABASE, "COPY Knows FROM '" + edges + "' (header=false)");
            writer.forceCleanup(DATABASE);
        }
        Files.delete(nodes);
        Files.delete(edges);
        return this;
    }

    /** Our pool over the seeded file, read-only, at most {@code maxConnections} per database. */
    public GraphPool pool(int maxConnections) {
        return new GraphPool(engine, new DirectoryCatalog(dataDir, engine.fileExtension(), defaults(maxConnections, true),
                false), BenchPools.manualMaintenance(), MonotonicClock.SYSTEM);
    }

    /** A read-only Database of the seeded file: the host of direct connections, or of commons-pool2's. */
    public GraphDatabase database() {
        return engine.open(dataDir.resolve(DATABASE + engine.fileExtension()),
                new DatabaseSettings(BUFFER_POOL, BenchPools.SMALL_MAX_DB_SIZE, true, 512 * DatabaseSettings.MIB));
    }

    public Map<String, Object> randomId(SplittableRandom random) {
        return Map.of("id", (long) random.nextInt(1, people + 1));
    }

    private static DatabaseDefaults defaults(int maxConnections, boolean readOnly) {
        return BenchPools.smallDefaults(maxConnections).withBufferPoolBytes(BUFFER_POOL).withReadOnly(readOnly);
    }
}
