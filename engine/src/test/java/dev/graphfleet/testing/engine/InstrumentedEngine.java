package dev.graphfleet.testing.engine;

import dev.graphfleet.graph.ConnectionSettings;
import dev.graphfleet.graph.DatabaseSettings;
import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphDatabase;
import dev.graphfleet.graph.GraphEngine;
import dev.graphfleet.graph.GraphResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The real engine behind a seam that watches how the pool uses it: how many real connections and
 * Databases are open, whether two threads ever use one connection at once (from a query's start to
 * its result's close), and — the fault — a connection closed underneath at random, as a crashed
 * engine session would be. The fault fires on the thread that is about to use the connection, so
 * the test never races a native close against a running query (that would crash the JVM, not test
 * the pool).
 */
public final class InstrumentedEngine implements GraphEngine {

    private final GraphEngine real;
    private volatile double closeProbability;
    public final LongAdder connectionsOpened = new LongAdder();
    public final LongAdder connectionsClosed = new LongAdder();
    public final LongAdder databasesOpened = new LongAdder();
    public final LongAdder databasesClosed = new LongAdder();
    public final LongAdder closedUnderneath = new LongAdder();
    public final LongAdder queries = new LongAdder();
    /** Times a thread found the connection it was about to use busy with another thread. */
    public final LongAdder sharedUses = new LongAdder();
    public final List<String> sharedUseReports = new java.util.concurrent.CopyOnWriteArrayList<>();

    public InstrumentedEngine(GraphEngine real, double closeProbability) {
        this.real = real;
        this.closeProbability = closeProbability;
    }

    /** Sets the chance that a query finds its connection closed underneath; 0 turns the fault off. */
    public void closeProbability(double probability) {
        this.closeProbability = probability;
    }

    public long openConnections() {
        return connectionsOpened.sum() - connectionsClosed.sum();
    }

    public long openDatabases() {
        return databasesOpened.sum() - databasesClosed.sum();
    }

    @Override
    public String name() {
        return real.name();
    }

    @Override
    public String version() {
        return real.version();
    }

    @Override
    public String fileExtension() {
        return real.fileExtension();
    }

    @Override
    public String attachType() {
        return real.attachType();
    }

    @Override
    public GraphDatabase openInMemory(long bufferPoolBytes, long maxDbSizeBytes) {
        return watch(real.openInMemory(bufferPoolBytes, maxDbSizeBytes));
    }

    @Override
    public GraphDatabase open(Path file, DatabaseSettings settings) {
        return watch(real.open(file, settings));
    }

    private GraphDatabase watch(GraphDatabase database) {
        databasesOpened.increment();
        return new GraphDatabase() {
            private boolean closed;

            @Override
            public Path file() {
                return database.file();
            }

            @Override
            public boolean readOnly() {
                return database.readOnly();
            }

            @Override
            public GraphConnection connect(ConnectionSettings settings) {
                GraphConnection connection = database.connect(settings);
                connectionsOpened.increment();
                return new WatchedConnection(connection);
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    databasesClosed.increment();
                    database.close();
                }
            }
        };
    }

    private final class WatchedConnection implements GraphConnection {
        private final GraphConnection connection;
        private final AtomicReference<Thread> user = new AtomicReference<>();
        private boolean closed;
        private boolean broken;

        WatchedConnection(GraphConnection connection) {
            this.connection = connection;
        }

        @Override
        public GraphResult query(String cypher) {
            return use(() -> connection.query(cypher));
        }

        @Override
        public GraphResult query(String cypher, Map<String, ?> parameters) {
            return use(() -> connection.query(cypher, parameters));
        }

        private GraphResult use(Supplier<GraphResult> query) {
            Thread me = Thread.currentThread();
            Thread other = user.compareAndExchange(null, me);
            if (other != null && other != me) {
                sharedUses.increment();
                sharedUseReports.add(me.getName() + " used a connection while " + other.getName() + " was using it");
            }
            queries.increment();
            if (!broken && closeProbability > 0 && ThreadLocalRandom.current().nextDouble() < closeProbability) {
                broken = true;
                closedUnderneath.increment();
                connection.close(); // the real session dies; the wrapper stays "open" for the pool
            }
            GraphResult result;
            try {
                result = query.get();
            } catch (RuntimeException | Error e) {
                user.compareAndSet(me, null);
                throw e;
            }
            return new ReleasingResult(result, () -> user.compareAndSet(me, null));
        }

        @Override
        public void interrupt() {
            connection.interrupt();
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                connectionsClosed.increment();
                connection.close();
            }
        }
    }

    private record ReleasingResult(GraphResult result, Runnable onClose) implements GraphResult {
        @Override
        public List<String> columns() {
            return result.columns();
        }

        @Override
        public boolean hasNext() {
            return result.hasNext();
        }

        @Override
        public List<Object> next() {
            return result.next();
        }

        @Override
        public void close() {
            try {
                result.close();
            } finally {
                onClose.run();
            }
        }
    }
}
