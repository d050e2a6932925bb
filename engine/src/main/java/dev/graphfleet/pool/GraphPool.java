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
    private volatile MemoryGovernor governor;
    private final BufferPoolBudget budget;

    /** A pool whose buffer pools are not held to a budget (tools and tests). */
    public GraphPool(GraphEngine engine, DatabaseCatalog catalog, PoolSettings settings) {
        this(engine, catalog, settings, MonotonicClock.SYSTEM);
    }

    public GraphPool(GraphEngine engine, DatabaseCatalog catalog, PoolSettings settings, MonotonicClock clock) {
        this(engine, catalog, settings, clock, BufferPoolBudget.unlimited());
    }

    /**
     * A pool whose open Databases' buffer pools together never pass {@code bufferPoolBudgetBytes}
     * ({@code max_memory_mb}): see {@link #bufferPoolBudgetBytes()}.
     */
    public GraphPool(GraphEngine engine, DatabaseCatalog catalog, PoolSettings settings, long bufferPoolBudgetBytes) {
        this(engine, catalog, settings, MonotonicClock.SYSTEM, new BufferPoolBudget(bufferPoolBudgetBytes));
    }

    private GraphPool(GraphEngine engine, DatabaseCatalog catalog, PoolSettings settings, MonotonicClock clock,
                      BufferPoolBudget budget) {
        this.budget = budget;
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
            pool = pools.computeIfAbsent(next.name(), name -> newPool(next));
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
     * Buffer pool limit and usage of every open Database, read with {@code CALL bm_info()} on idle
     * connections without borrowing (no reuse counted, no connection opened); a busy one keeps its
     * last reading. Remembered for {@link #lastBufferPoolUsage()}.
     */
    public List<BufferPoolUsage> bufferPoolUsage() {
        List<BufferPoolUsage> usage = pools.values().stream().map(DatabasePool::bufferPoolUsage)
                .filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(BufferPoolUsage::database)).toList();
        lastBufferPoolUsage = usage;
        return usage;
    }

    /** The memory governor keeping this pool within its budget; empty while none watches it. */
    public java.util.Optional<MemoryGovernor> governor() {
        return java.util.Optional.ofNullable(governor);
    }

    /** Called by the governor that watches this pool, so its figures (evictions) can be reported. */
    void governedBy(MemoryGovernor memoryGovernor) {
        this.governor = memoryGovernor;
    }

    /** The last reading of {@link #bufferPoolUsage()} (the memory governor reads every few seconds); no I/O. */
    public List<BufferPoolUsage> lastBufferPoolUsage() {
        return lastBufferPoolUsage;
    }

    /**
     * Connections held past the leak detection threshold and not yet given back, longest held first,
     * each with its borrower's thread and the top {@code maxFrames} frames of that thread's stack when
     * the leak was noticed. Empty when detection is off ({@code leak_detection_threshold} 0).
     */
    public List<SuspectedLeak> suspectedLeaks(int maxFrames) {
        long now = clock.nanoTime();
        return pools.values().stream().flatMap(pool -> pool.suspectedLeaks(now, maxFrames).stream())
                .sorted(java.util.Comparator.comparingLong(SuspectedLeak::heldForMs).reversed()).toList();
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
        return pools.computeIfAbsent(database, name -> newPool(catalog.spec(name)));
    }

    private DatabasePool newPool(DatabaseSpec spec) {
        return new DatabasePool(spec, engine, settings, counters, clock, budget, new BufferPoolBudget.RoomMaker() {
            @Override
            public boolean closeOneIdle(String except) {
                return GraphPool.this.closeOneIdle(except);
            }

            @Override
            public boolean requestClose(String except) {
                return requestCloseOfOne(except);
            }
        }, this::grantCap);
    }

    /**
     * The most one Database is granted: all of the budget while the pool knows one database, half of
     * it once it knows more, so two databases queried at once both get a buffer pool without waiting.
     */
    private long grantCap() {
        return pools.size() > 1 ? budget.budgetBytes() / 2 : budget.budgetBytes();
    }

    /** Closes the least recently used idle open Database other than {@code except}; false if none is idle. */
    private boolean closeOneIdle(String except) {
        List<DatabasePool> coldestFirst = pools.values().stream()
                .filter(pool -> pool.isOpen() && !pool.name().equals(except))
                .sorted(java.util.Comparator.comparingLong(DatabasePool::lastBorrowedAt)).toList();
        for (DatabasePool candidate : coldestFirst) {
            if (candidate.tryCloseIdleDatabase()) {
                log.info("closed {} (least recently used, idle) to make room in the buffer-pool budget of {} MiB for {}",
                        candidate.name(), budget.budgetBytes() >> 20, except);
                return true;
            }
        }
        return false;
    }

    /** Asks the least recently used open database other than {@code except} to close once its connections return. */
    private boolean requestCloseOfOne(String except) {
        DatabasePool victim = pools.values().stream()
                .filter(pool -> pool.isOpen() && !pool.name().equals(except))
                .min(java.util.Comparator.comparingLong(DatabasePool::lastBorrowedAt)).orElse(null);
        if (victim == null || !victim.requestClose()) {
            return false;
        }
        log.info("{} closes once its queries return, to make room in the buffer-pool budget of {} MiB for {}",
                victim.name(), budget.budgetBytes() >> 20, except);
        return true;
    }

    /** The budget all buffer pools share ({@code max_memory_mb}); empty when this pool has none. */
    public java.util.OptionalLong bufferPoolBudgetBytes() {
        return budget.limited() ? java.util.OptionalLong.of(budget.budgetBytes()) : java.util.OptionalLong.empty();
    }

    /**
     * The buffer pools granted to Databases not yet closed, summed: never more than the budget. A
     * Database busy with every connection lent, or retired but still finishing queries, counts.
     */
    public long bufferPoolGrantedBytes() {
        return budget.grantedBytes();
    }

    /** The highest {@link #bufferPoolGrantedBytes()} since start. */
    public long bufferPoolPeakGrantedBytes() {
        return budget.peakGrantedBytes();
    }

    /** The buffer pool each open Database was granted (its {@code bm_info} limit). */
    public Map<String, Long> bufferPoolGrants() {
        Map<String, Long> grants = new TreeMap<>();
        pools.forEach((name, pool) -> {
            long granted = pool.grantedBytes();
            if (granted > 0) {
                grants.put(name, granted);
            }
        });
        return grants;
    }

    /** Databases closed on open to make room in the budget (the governor's closings are its own count). */
    public long budgetEvictions() {
        return budget.evictions();
    }

    /** Opens refused because the budget had no room within the acquire timeout. */
    public long budgetRefusals() {
        return budget.refusals();
    }
}
