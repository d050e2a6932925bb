package dev.graphfleet.pool;

import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphException;
import dev.graphfleet.graph.GraphResult;
import java.util.Map;

/**
 * A connection lent to one caller. {@link #close()} gives it back (try-with-resources); after that
 * every call fails, so a caller can never use a connection that someone else now holds.
 */
public final class PooledConnection implements GraphConnection {

    private final DatabasePool pool;
    private PooledEntry entry;

    PooledConnection(DatabasePool pool, PooledEntry entry) {
        this.pool = pool;
        this.entry = entry;
    }

    /** The database this connection belongs to. */
    public String database() {
        return pool.name();
    }

    /** Identity of the physical connection underneath (stable across borrows of it). */
    public long connectionId() {
        return live().id;
    }

    @Override
    public GraphResult query(String cypher) {
        PooledEntry current = live();
        try {
            return current.connection.query(cypher);
        } catch (GraphException e) {
            markIfBroken(current, e);
            throw e;
        }
    }

    @Override
    public GraphResult query(String cypher, Map<String, ?> parameters) {
        PooledEntry current = live();
        try {
            return current.connection.query(cypher, parameters);
        } catch (GraphException e) {
            markIfBroken(current, e);
            throw e;
        }
    }

    @Override
    public void interrupt() {
        PooledEntry current = entry;
        if (current != null) {
            current.connection.interrupt();
        }
    }

    /** Tells the pool not to lend this connection again: it is closed on return. */
    public void markBroken() {
        live().broken = true;
    }

    /** Returns the connection to the pool. Idempotent. */
    @Override
    public void close() {
        PooledEntry returned = entry;
        if (returned != null) {
            entry = null;
            pool.giveBack(returned);
        }
    }

    private PooledEntry live() {
        PooledEntry current = entry;
        if (current == null) {
            throw new IllegalStateException("this connection to " + pool.name() + " was already returned to the pool");
        }
        return current;
    }

    private static void markIfBroken(PooledEntry entry, GraphException e) {
        if (e.kind() == GraphException.Kind.CLOSED) {
            entry.broken = true;
        }
    }
}
