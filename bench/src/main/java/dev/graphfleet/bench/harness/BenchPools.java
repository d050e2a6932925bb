package dev.graphfleet.bench.harness;

import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.pool.DatabaseDefaults;
import dev.graphfleet.pool.DirectoryCatalog;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.MonotonicClock;
import dev.graphfleet.pool.PoolSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Pools on the real engine with small, explicit sizes, as the engine's tests use them (their TestPools), so
 * figures compare with what the tests exercise. The bench cannot use the engine's test classes (no test-jar).
 */
public final class BenchPools {

    public static final long SMALL_BUFFER_POOL = 64 * DatabaseSettings.MIB;
    public static final long SMALL_MAX_DB_SIZE = 1L << 32;

    private BenchPools() {
    }

    public static DatabaseDefaults smallDefaults(int maxConnections) {
        return new DatabaseDefaults(SMALL_BUFFER_POOL, SMALL_MAX_DB_SIZE, false, 512 * DatabaseSettings.MIB,
                Map.of(), Duration.ZERO, true, maxConnections, Duration.ofMinutes(30));
    }

    public static PoolSettings manualMaintenance() {
        return PoolSettings.DEFAULTS.withBackgroundMaintenance(false).withAcquireTimeout(Duration.ofSeconds(10));
    }

    public static GraphPool writer(Path dataDir, int maxConnections) {
        return writer(dataDir, smallDefaults(maxConnections), manualMaintenance(), MonotonicClock.SYSTEM);
    }

    public static GraphPool writer(Path dataDir, DatabaseDefaults defaults, PoolSettings settings, MonotonicClock clock) {
        return writer(GraphEngines.load(), dataDir, defaults, settings, clock);
    }

    public static GraphPool writer(GraphEngine engine, Path dataDir, DatabaseDefaults defaults, PoolSettings settings,
                                   MonotonicClock clock) {
        return new GraphPool(engine, new DirectoryCatalog(dataDir, engine.fileExtension(), defaults, true), settings, clock);
    }

    public static GraphPool readOnly(Path dataDir, int maxConnections) {
        GraphEngine engine = GraphEngines.load();
        return new GraphPool(engine, new DirectoryCatalog(dataDir, engine.fileExtension(),
                smallDefaults(maxConnections).withReadOnly(true), false), manualMaintenance());
    }
}
