package dev.graphfleet.pool;

import dev.graphfleet.graph.DatabaseNames;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The graph connection pool of a node: per database one shared Database object and at most
 * {@code maxConnections} connections, each lent to one caller at a time.
 *
 * <pre>{@code
 * try (PooledConnection connection = pool.borrow("customer_a")) {
 *     List<List<Object>> rows = connection.query("MATCH (n) RETURN count(n)").all();
 * }
 * }</pre>
 *
 * Health checks, TTL cleanup and leak detection run on one background thread, never on a caller's.
 */
public final class GraphPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GraphPool.class);

    private final GraphEngine engine;
    private final DatabaseCatalog catalog;
    private final PoolSettings settings;
    private final MonotonicClock clock;
    private final PoolCounters counters = new PoolCounters();
    private final ConcurrentHashMap<String, DatabasePool> pools = new ConcurrentHashMap<>();
    private final ScheduledExecutorService maintenance;
    private volatile long lastCleanup;
    private volatile long lastHealthCheck;
    private volatile boolean closed;
    private volatile List<BufferPoolUsage> lastBufferPoolUsage = List.of();

    public GraphPool(GraphEngine engine, DatabaseCatalog catalog, PoolSettings settings) {
        this(engine, catalog, settings, MonotonicClock.SYSTEM);
    }

    public GraphPool(GraphEngine engine, DatabaseCatalog catalog, PoolSettings settings, MonotonicClock clock) {
        this.engine = engine;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.lastCleanup = clock.nanoTime();
        this.lastHealthCheck = lastCleanup;
        this.maintenance = settings.backgroundMaintenance() ? startMaintenance() : null;
    }

    private ScheduledExecutorService startMaintenance() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "graphfleet-pool-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        long period = Stream.of(settings.healthCheckInterval(), settings.cleanupInterval(),
                        settings.leakDetectionThreshold().isZero() ? settings.cleanupInterval()
                                : settings.leakDetectionThreshold().dividedBy(2))
                .mapToLong(Duration::toMillis).min().orElseThrow();
        period = Math.max(1_000, period);
        scheduler.scheduleWithFixedDelay(this::runMaintenanceSafely, period, period, TimeUnit.MILLISECONDS);
        return scheduler;
    }

    /**
     * Lends a connection of {@code database}, waiting up to the acquire timeout for a free one.
     *
     * @throws IllegalArgumentException  for a name that is not an identifier
     * @throws UnknownDatabaseException  when the database does not exist
     * @throws PoolExhaustedException    when every connection stayed in use for the whole timeout
     */
    public PooledConnection borrow(String database) {
        return pool(database).borrow();
    }

    /** Runs one statement on a borrowed connection and returns every row. */
    public List<List<Object>> query(String database, String cypher) {
        try (PooledConnection connection = borrow(database); GraphResult result = connection.query(cypher)) {
            return result.all();
        }
    }

    /** Whether this pool has served {@code database} (cheap: no statistics are built). */
    public boolean knows(String database) {
        return database != null && pools.containsKey(database);
    }

    /** The databases this node can serve (whether or not they are open). */
    public List<String> databases() {
        return catalog.names();
    }

    /**
     * Closes the database's connections and its Database object, once the connections in use come
     * back (new borrowers wait meanwhile), so the next use sees every committed write.
     */
    public void invalidate(String database) {
        DatabasePool pool = pools.get(DatabaseNames.requireValid(database));
        if (pool != null) {
            pool.closeDatabase(settings.acquireTimeout(), db -> { });
        }
    }

    /**
     * Like {@link #invalidate(String)}, waiting at most {@code wait} for the connections in use.
     *
     * @throws DatabaseBusyException when some were still in use after {@code wait}; nothing was closed
     */
    public void invalidate(String database, Duration wait) {
        DatabasePool pool = pools.get(DatabaseNames.requireValid(database));
        if (pool != null) {
            pool.closeDatabase(wait, db -> { });
        }
    }

    /** Checkpoints a writable database, then closes it to release its memory. */
    public void forceCleanup(String database) {
        forceCleanup(database, settings.acquireTimeout());
    }

    /**
     * Like {@link #forceCleanup(String)}, waiting at most {@code wait} for the connections in use.
     *
     * @throws DatabaseBusyException when some were still in use after {@code wait}; nothing was closed
     */
    public void forceCleanup(String database, Duration wait) {
        DatabasePool pool = pools.get(DatabaseNames.requireValid(database));
        if (pool != null) {
            pool.closeDatabase(wait, db -> {
                if (!db.readOnly()) {
                    try (GraphConnection connection = db.connect(pool.spec().connection());
                         GraphResult result = connection.query("CHECKPOINT")) {
                        result.all();
                    }
                }
            });
        }
    }

    /** Closes one database's connections and Database; other databases are untouched. */
    public void closeDatabase(String database) {
        invalidate(database);
    }

    /**
     * Closes the Database of {@code database} only if no connection of it is lent out now.
     * Used by the memory governor to release the buffer pool of a cold database.
     */
    public boolean tryCloseIdle(String database) {
        DatabasePool pool = pools.get(DatabaseNames.requireValid(database));
        return pool != null && pool.tryCloseIdleDatabase();
    }

    /**
     * Moves a read-only database to another file (a repository's new version): new borrows get the
     * new file at once, queries in flight finish on the old one, which closes when they are done.
     */
    public void retarget(DatabaseSpec next) {
        DatabasePool pool = pools.get(next.name());
        if (pool == null) {
            pool = pools.computeIfAbsent(next.name(), name -> new DatabasePool(next, engine, settings, counters, clock));
        }
        pool.retarget(next);
    }

    /** Nanos ({@link MonotonicClock}) of the last borrow per open database, for least-recently-used choices. */
    public Map<String, Long> lastBorrowed() {
        Map<String, Long> last = new TreeMap<>();
        pools.forEach((name, pool) -> {
            if (pool.isOpen()) {
                last.put(name, pool.lastBorrowedAt());
            }
        });
        return last;
    }

    /**
     * Buffer pool limit and usage of every open Database (those busy right now are left out), read
     * with {@code CALL bm_info()} on idle connections. Remembered for {@link #lastBufferPoolUsage()}.
     */
    public List<BufferPoolUsage> bufferPoolUsage() {
        List<BufferPoolUsage> usage = pools.values().stream().map(DatabasePool::bufferPoolUsage)
                .filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(BufferPoolUsage::database)).toList();
        lastBufferPoolUsage = usage;
        return usage;
    }

    /** The last reading of {@link #bufferPoolUsage()} (the memory governor reads every few seconds); no I/O. */
    public List<BufferPoolUsage> lastBufferPoolUsage() {
        return lastBufferPoolUsage;
    }

    /** Runs the maintenance that is due now: TTL cleanup, health checks, leak reports. */
    public void runMaintenance() {
        long now = clock.nanoTime();
        boolean cleanupDue = now - lastCleanup >= settings.cleanupInterval().toNanos();
        boolean healthDue = now - lastHealthCheck >= settings.healthCheckInterval().toNanos();
        for (DatabasePool pool : pools.values()) {
            pool.maintain(now, cleanupDue, healthDue);
        }
        if (cleanupDue) {
            lastCleanup = now;
        }
        if (healthDue) {
            lastHealthCheck = now;
        }
    }

    private void runMaintenanceSafely() {
        try {
            runMaintenance();
        } catch (RuntimeException e) {
            log.error("pool maintenance failed; it runs again at the next interval", e);
        }
    }

    public PoolStatistics statistics() {
        Map<String, PoolStatistics.DatabasePoolStatistics> databases = new TreeMap<>();
        pools.forEach((name, pool) -> databases.put(name, pool.statistics()));
        return new PoolStatistics(counters.created.sum(), counters.reused.sum(), counters.closed.sum(),
                counters.waits.sum(), TimeUnit.NANOSECONDS.toMillis(counters.waitNanos.sum()), counters.timeouts.sum(),
                counters.healthChecks.sum(), counters.healthFailures.sum(), counters.leaks.sum(),
                counters.databasesOpened.sum(), counters.databasesClosed.sum(), databases);
    }

    public PoolSettings settings() {
        return settings;
    }

    /** Closes every database, waiting up to the acquire timeout for connections in use. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (maintenance != null) {
            maintenance.shutdownNow();
        }
        for (DatabasePool pool : pools.values()) {
            pool.close(settings.acquireTimeout());
        }
        pools.clear();
    }

    private DatabasePool pool(String database) {
        DatabasePool pool = pools.get(database);
        if (pool != null) {
            return pool;
        }
        if (closed) {
            throw new IllegalStateException("the connection pool is closed");
        }
        DatabaseNames.requireValid(database);
        return pools.computeIfAbsent(database,
                name -> new DatabasePool(catalog.spec(name), engine, settings, counters, clock));
    }
}
