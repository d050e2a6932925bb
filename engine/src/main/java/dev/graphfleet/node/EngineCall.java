package dev.graphfleet.node;

import dev.graphfleet.graph.GraphResult;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PooledConnection;
import java.util.concurrent.Callable;

/**
 * One statement run on a query thread: borrow a connection, run the statement (retried briefly on
 * a write conflict), hand the connection and its result to the request.
 *
 * <p>The request waits for it only until its deadline, then {@link #abandon() abandons} it: from
 * then on the call owns its connection, and gives it back only when the engine call has really
 * returned, marked broken, so a connection is never lent while a statement still runs on it.
 */
final class EngineCall implements Callable<EngineCall.Executed> {

    /** What a finished call hands over: the request now owns both. */
    record Executed(PooledConnection connection, GraphResult result) {
    }

    private final GraphPool pool;
    private final String database;
    private final QueryRequest request;
    private final ActiveQueries active;
    private final WriteConflictRetry retry;
    private final long oneStepBytes;
    private volatile PooledConnection running;
    private volatile boolean done;
    private boolean abandoned;
    private boolean handedOver;

    /** @param oneStepBytes the query headroom the statement holds while it runs ({@link RangeLimit#check}) */
    EngineCall(GraphPool pool, String database, QueryRequest request, ActiveQueries active, WriteConflictRetry retry,
               long oneStepBytes) {
        this.oneStepBytes = oneStepBytes;
        this.pool = pool;
        this.database = database;
        this.request = request;
        this.active = active;
        this.retry = retry;
    }

    @Override
    public Executed call() {
        try {
            return execute();
        } finally {
            done = true;
        }
    }

    private Executed execute() {
        if (isAbandoned()) {
            return null; // waited in the queue past its deadline: never runs
        }
        PooledConnection connection = pool.borrow(database);
        running = connection;
        if (isAbandoned()) {
            running = null;
            connection.close(); // nothing ran on it
            return null;
        }
        Runnable untrack = active.track(connection);
        GraphResult result;
        try {
            result = active.memoryChecked(connection, oneStepBytes,
                    () -> retry.run(() -> connection.query(request.cypher(), request.parameters())));
        } catch (RuntimeException | Error e) {
            giveBack(connection);
            throw e;
        } finally {
            untrack.run();
            running = null;
        }
        synchronized (this) {
            if (!abandoned) {
                handedOver = true;
                return new Executed(connection, result);
            }
        }
        result.close();
        giveBack(connection);
        return null;
    }

    private void giveBack(PooledConnection connection) {
        if (isAbandoned()) {
            connection.markBroken(); // it ran past its deadline: retire it rather than trust its state
        }
        connection.close();
    }

    /**
     * The request stops waiting. False when the call had already handed its result over (the
     * request then owns it after all); true when the call keeps its connection until the engine returns.
     */
    synchronized boolean abandon() {
        if (handedOver) {
            return false;
        }
        abandoned = true;
        return true;
    }

    private synchronized boolean isAbandoned() {
        return abandoned;
    }

    /** Asks the engine to cancel the statement, if one is running. */
    void interrupt() {
        PooledConnection connection = running;
        if (connection != null) {
            try {
                connection.interrupt();
            } catch (RuntimeException e) {
                // returned meanwhile: nothing left to cancel
            }
        }
    }

    /** The engine call has returned (or never started). */
    boolean done() {
        return done;
    }
}
