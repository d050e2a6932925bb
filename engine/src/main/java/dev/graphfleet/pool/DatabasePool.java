package dev.graphfleet.pool;

import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphResult;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one database, all made from its one shared Database object.
 *
 * <p>A permit of {@link #permits} is the right to hold a connection: a borrower holds one from
 * borrow to return, maintenance holds one while it checks an idle connection, and operations that
 * must close the Database (invalidate, cleanup, eviction) hold them all. So nothing ever closes a
 * connection in use, and connections never exceed the limit.
 */
final class DatabasePool {

    private static final Logger log = LoggerFactory.getLogger(DatabasePool.class);

    private volatile DatabaseSpec spec;
    private final GraphEngine engine;
    private final PoolSettings settings;
    private final PoolCounters counters;
    private final MonotonicClock clock;
    private final BufferPoolBudget budget;
    private final BufferPoolBudget.RoomMaker room;
    private final java.util.function.LongSupplier grantCap;
    private volatile long ttlNanos;
    private final Semaphore permits;
    /** Most recently returned first: warm connections are reused, cold ones age out. */
    private final ConcurrentLinkedDeque<PooledEntry> idle = new ConcurrentLinkedDeque<>();
    private final java.util.Set<PooledEntry> entries = ConcurrentHashMap.newKeySet();
    private final Object openLock = new Object();

    private volatile DatabaseHandle database;
    /** Connections of an older generation belong to a closed Database and are retired on sight. */
    private volatile long generation;
    private volatile long lastBorrowedAt;
    private volatile boolean closed;
    /** The buffer pool the open Database was granted (0 when closed). */
    private volatile long grantedBytes;
    /** The last {@code bm_info} reading of the open Database, kept for when it is too busy to be read. */
    private volatile BufferPoolUsage lastUsage;
    /** Another database waits for this one's buffer pool: close once the lent connections come back. */
    private volatile boolean closeRequested;
    private final Object closeWait = new Object();

    DatabasePool(DatabaseSpec spec, GraphEngine engine, PoolSettings settings, PoolCounters counters, MonotonicClock clock) {
        this(spec, engine, settings, counters, clock, BufferPoolBudget.unlimited(), BufferPoolBudget.RoomMaker.NONE,
                () -> Long.MAX_VALUE);
    }

    DatabasePool(DatabaseSpec spec, GraphEngine engine, PoolSettings settings, PoolCounters counters, MonotonicClock clock,
                 BufferPoolBudget budget, BufferPoolBudget.RoomMaker room, java.util.function.LongSupplier grantCap) {
        this.spec = spec;
        this.engine = engine;
        this.settings = settings;
        this.counters = counters;
        this.clock = clock;
        this.budget = budget;
        this.room = room;
        this.grantCap = grantCap;
        this.ttlNanos = spec.connectionTtl().toNanos();
        this.permits = new Semaphore(spec.maxConnections());
        this.lastBorrowedAt = clock.nanoTime();
    }

    String name() {
        return spec.name();
    }

    DatabaseSpec spec() {
        return spec;
    }

    long lastBorrowedAt() {
        return lastBorrowedAt;
    }

    PooledConnection borrow() {
        if (closeRequested) {
            awaitRequestedClose();
        }
        acquirePermit();
        try {
            if (closed) {
                throw new IllegalStateException("the pool of " + spec.name() + " is closed");
            }
            long now = clock.nanoTime();
            PooledEntry entry = takeIdle(now);
            if (entry == null) {
                entry = create(now);
            }
            entry.lend(now);
            lastBorrowedAt = now;
            return new PooledConnection(this, entry);
        } catch (RuntimeException | Error e) {
            permits.release();
            throw e;
        }
    }

    void giveBack(PooledEntry entry) {
        entry.giveBack();
        if (closed || entry.broken || entry.generation != generation || entry.expired(clock.nanoTime(), ttlNanos)) {
            retire(entry);
        } else {
            idle.offerFirst(entry);
        }
        permits.release();
        if (closeRequested) {
            tryCloseIdleDatabase();
        }
    }

    /**
     * Asks this database to give its buffer pool back as soon as its lent connections return: new
     * borrows wait for that (up to the acquire timeout), so a stream of queries cannot keep it open
     * while another database waits for room. False when it is closed or already asked.
     */
    boolean requestClose() {
        if (database == null || closeRequested) {
            return false;
        }
        closeRequested = true;
        tryCloseIdleDatabase();
        return true;
    }

    /** Waits until the requested close happened; past the acquire timeout the request lapses. */
    private void awaitRequestedClose() {
        long deadline = System.nanoTime() + settings.acquireTimeout().toNanos();
        synchronized (closeWait) {
            while (closeRequested) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    closeRequested = false;
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(closeWait, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while " + spec.name() + " closes to make room", e);
                }
            }
        }
    }

    private void closeRequestDone() {
        synchronized (closeWait) {
            closeRequested = false;
            closeWait.notifyAll();
        }
    }

    private void acquirePermit() {
        if (permits.tryAcquire()) {
            return;
        }
        counters.waits.increment();
        long start = System.nanoTime();
        boolean acquired;
        try {
            acquired = permits.tryAcquire(settings.acquireTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a connection to " + spec.name(), e);
        } finally {
            counters.waitNanos.add(System.nanoTime() - start);
        }
        if (!acquired) {
            counters.timeouts.increment();
            throw new PoolExhaustedException(spec.name(), spec.maxConnections(), settings.acquireTimeout());
        }
    }

    private PooledEntry takeIdle(long now) {
        PooledEntry entry;
        while ((entry = idle.pollFirst()) != null) {
            if (usable(entry, now)) {
                counters.reused.increment();
                return entry;
            }
            retire(entry);
        }
        return null;
    }

    private boolean usable(PooledEntry entry, long now) {
        return !entry.broken && entry.generation == generation && !entry.expired(now, ttlNanos);
    }

    private PooledEntry create(long now) {
        synchronized (openLock) {
            DatabaseHandle handle = openDatabase();
            GraphConnection connection = handle.database.connect(spec.connection());
            handle.connectionOpened();
            PooledEntry entry = new PooledEntry(connection, handle, now, generation);
            entries.add(entry);
            counters.created.increment();
            return entry;
        }
    }

    private DatabaseHandle openDatabase() {
        if (database == null) {
            DatabaseSpec opening = spec;
            DatabaseSettings wanted = opening.database();
            long grant = budget.limited()
                    ? budget.grant(opening.name(), wanted.bufferPoolBytes(), grantCap.getAsLong(), settings.acquireTimeout(), room)
                    : wanted.bufferPoolBytes();
            GraphDatabase opened;
            try {
                opened = engine.open(opening.file(), new DatabaseSettings(grant, wanted.maxDbSizeBytes(),
                        wanted.readOnly(), wanted.checkpointThresholdBytes()));
            } catch (RuntimeException | Error e) {
                release(grant);
                throw e;
            }
            // The grant is given back when the Database has really closed, not when it is retired.
            database = new DatabaseHandle(opened, closedHandle -> {
                release(grant);
                counters.databasesClosed.increment();
                log.info("closed {} ({})", opening.name(), opening.file().getFileName());
            });
            grantedBytes = grant;
            lastUsage = null;
            counters.databasesOpened.increment();
            log.info("opened {} from {} ({}, buffer pool {} MiB)", opening.name(), opening.file().getFileName(),
                    opening.readOnly() ? "read-only" : "read-write", grant >> 20);
        }
        return database;
    }

    private void release(long grant) {
        if (budget.limited()) {
            budget.release(grant);
        }
    }

    private void retire(PooledEntry entry) {
        if (entries.remove(entry)) {
            try {
                entry.connection.close();
            } catch (RuntimeException e) {
                log.debug("closing a connection to {} failed", spec.name(), e);
            } finally {
                entry.handle.connectionClosed();
            }
            counters.closed.increment();
        }
    }

    /**
     * Serves new borrows from another file (a repository's new version) without waiting: idle
     * connections of the old one close now, those in use when they come back, and the old Database
     * when its last connection is gone. Only for read-only databases: two writable Database objects
     * on one file in one process would corrupt it.
     */
    void retarget(DatabaseSpec next) {
        if (!next.readOnly() || next.maxConnections() != spec.maxConnections()) {
            throw new IllegalArgumentException("a database can move to another file only read-only and with the same "
                    + "connection limit: " + next.name());
        }
        synchronized (openLock) {
            spec = next;
            ttlNanos = next.connectionTtl().toNanos();
            generation++;
            PooledEntry entry;
            while ((entry = idle.pollFirst()) != null) {
                retire(entry);
            }
            DatabaseHandle old = database;
            database = null;
            grantedBytes = 0;
            lastUsage = null;
            if (old != null) {
                old.retire();
            }
        }
    }

    /** Health checks, TTL cleanup and leak reports; only idle connections are touched. */
    void maintain(long now, boolean cleanupDue, boolean healthDue) {
        reportLeaks(now);
        if (!cleanupDue && !healthDue) {
            return;
        }
        for (PooledEntry entry : idle.toArray(new PooledEntry[0])) {
            if (!permits.tryAcquire()) {
                return; // every connection is busy: nothing idle to look at
            }
            try {
                if (!idle.remove(entry)) {
                    continue; // lent out meanwhile
                }
                boolean keep = !entry.broken && entry.generation == generation
                        && !(cleanupDue && entry.expired(now, ttlNanos))
                        && (!healthDue || healthy(entry));
                if (keep) {
                    idle.offerLast(entry);
                } else {
                    retire(entry);
                }
            } finally {
                permits.release();
            }
        }
    }

    private boolean healthy(PooledEntry entry) {
        counters.healthChecks.increment();
        try (GraphResult result = entry.connection.query("RETURN 1")) {
            if (result.hasNext() && Long.valueOf(1L).equals(result.next().get(0))) {
                return true;
            }
        } catch (RuntimeException e) {
            log.warn("health check of a connection to {} failed, replacing it: {}", spec.name(), e.getMessage());
        }
        counters.healthFailures.increment();
        return false;
    }

    private void reportLeaks(long now) {
        long threshold = settings.leakDetectionThreshold().toNanos();
        if (threshold == 0) {
            return;
        }
        for (PooledEntry entry : entries) {
            if (entry.inUse && !entry.leakReported && now - entry.borrowedAt >= threshold) {
                Thread borrower = entry.borrower;
                Throwable stack = borrowerStack(borrower);
                entry.leakStack = stack.getStackTrace();
                entry.leakReported = true;
                counters.leaks.increment();
                log.warn("possible connection leak: a connection to {} has been held by thread {} for {} s "
                                + "(leak threshold {} s); that thread is now at:", spec.name(),
                        borrower == null ? "?" : borrower.getName(),
                        TimeUnit.NANOSECONDS.toSeconds(now - entry.borrowedAt),
                        settings.leakDetectionThreshold().toSeconds(), stack);
            }
        }
    }

    /** Connections still lent out after being reported as possible leaks, for the API (GET /pool). */
    java.util.List<SuspectedLeak> suspectedLeaks(long now, int maxFrames) {
        java.util.List<SuspectedLeak> leaks = new java.util.ArrayList<>();
        for (PooledEntry entry : entries) {
            StackTraceElement[] stack = entry.leakStack;
            Thread borrower = entry.borrower;
            if (entry.inUse && entry.leakReported && stack != null) {
                leaks.add(new SuspectedLeak(spec.name(), entry.id, borrower == null ? null : borrower.getName(),
                        TimeUnit.NANOSECONDS.toMillis(now - entry.borrowedAt),
                        java.util.Arrays.stream(stack).limit(maxFrames).map(StackTraceElement::toString).toList()));
            }
        }
        return leaks;
    }

    /**
     * The borrower's stack when the leak is noticed, not at borrow time: capturing a stack on every
     * borrow costs microseconds on the hottest path, and a thread that holds a connection too long
     * is almost always still inside the code that borrowed it.
     */
    private static Throwable borrowerStack(Thread borrower) {
        Throwable stack = new Throwable("stack of the thread holding the connection");
        stack.setStackTrace(borrower == null ? new StackTraceElement[0] : borrower.getStackTrace());
        return stack;
    }

    /**
     * Waits until no connection is lent out (new borrowers wait meanwhile), then closes every
     * connection and the Database, so the next borrow opens it anew. {@code beforeClose} runs on
     * the still-open Database, e.g. a checkpoint.
     */
    void closeDatabase(Duration wait, Consumer<GraphDatabase> beforeClose) {
        int held = acquireAll(wait);
        try {
            if (held < spec.maxConnections()) {
                throw new DatabaseBusyException(spec.name(), spec.maxConnections() - held, wait);
            }
            closeHeldDatabase(beforeClose);
        } finally {
            permits.release(held);
        }
    }

    /** Closes the Database only if nothing uses it right now; for the memory governor. */
    boolean tryCloseIdleDatabase() {
        if (database == null) {
            if (closeRequested) {
                closeRequestDone();
            }
            return false;
        }
        if (!permits.tryAcquire(spec.maxConnections())) {
            return false;
        }
        try {
            closeHeldDatabase(db -> { });
            return true;
        } finally {
            permits.release(spec.maxConnections());
        }
    }

    /** Closes the pool for good: waits for borrowers up to {@code wait}, then closes regardless. */
    void close(Duration wait) {
        closed = true;
        int held = acquireAll(wait);
        try {
            if (held < spec.maxConnections()) {
                log.warn("closing {} while {} connection(s) are still in use", spec.name(), spec.maxConnections() - held);
            }
            closeHeldDatabase(db -> { });
        } finally {
            permits.release(held);
        }
    }

    /** Takes permits one at a time so a steady stream of borrowers cannot starve the drain. */
    private int acquireAll(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        int held = 0;
        try {
            while (held < spec.maxConnections()) {
                long left = deadline - System.nanoTime();
                if (!permits.tryAcquire(Math.max(0, left), TimeUnit.NANOSECONDS)) {
                    break;
                }
                held++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return held;
    }

    private void closeHeldDatabase(Consumer<GraphDatabase> beforeClose) {
        synchronized (openLock) {
            generation++;
            DatabaseHandle open = database;
            database = null;
            grantedBytes = 0;
            lastUsage = null;
            if (closeRequested) {
                closeRequestDone();
            }
            try {
                if (open != null) {
                    beforeClose.accept(open.database);
                }
            } finally {
                PooledEntry entry;
                while ((entry = idle.pollFirst()) != null) {
                    retire(entry);
                }
                for (PooledEntry remaining : entries) {
                    retire(remaining); // only on close(): borrowers that did not return in time
                }
                if (open != null) {
                    open.retire();
                }
            }
        }
    }

    /**
     * The buffer pool's limit and usage, read with {@code CALL bm_info()} on an idle connection taken
     * straight from the idle list: not a borrow (no reuse counted, least-recently-used order kept) and
     * never a new connection. A database too busy to be read keeps its last reading, or, never read
     * yet, counts its whole grant (the most it can hold). Null when closed.
     */
    BufferPoolUsage bufferPoolUsage() {
        DatabaseHandle open = database;
        if (open == null) {
            return null;
        }
        BufferPoolUsage known = lastUsage != null ? lastUsage
                : new BufferPoolUsage(spec.name(), grantedBytes, grantedBytes, lastBorrowedAt);
        if (!permits.tryAcquire()) {
            return known;
        }
        try {
            PooledEntry entry = idle.pollFirst();
            if (entry == null) {
                return known;
            }
            try {
                if (entry.broken || entry.generation != generation) {
                    return known; // maintenance or the next borrow retires it
                }
                try (GraphResult result = entry.connection.query("CALL bm_info() RETURN mem_limit, mem_usage")) {
                    java.util.List<Object> row = result.next();
                    BufferPoolUsage read = new BufferPoolUsage(spec.name(), ((Number) row.get(0)).longValue(),
                            ((Number) row.get(1)).longValue(), lastBorrowedAt);
                    lastUsage = read;
                    return read;
                }
            } finally {
                idle.offerFirst(entry);
            }
        } finally {
            permits.release();
        }
    }

    /** The buffer pool granted to the open Database; 0 when closed. */
    long grantedBytes() {
        return grantedBytes;
    }

    boolean isOpen() {
        return database != null;
    }

    PoolStatistics.DatabasePoolStatistics statistics() {
        int total = entries.size();
        int inUse = (int) entries.stream().filter(entry -> entry.inUse).count();
        return new PoolStatistics.DatabasePoolStatistics(total, Math.max(0, total - inUse), inUse,
                spec.maxConnections(), database != null);
    }
}
