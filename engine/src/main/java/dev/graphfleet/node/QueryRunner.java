package dev.graphfleet.node;

import dev.graphfleet.graph.GraphResult;
import dev.graphfleet.node.admission.AdmissionController;
import dev.graphfleet.node.admission.AdmissionSlot;
import dev.graphfleet.node.admission.Operation;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.PooledConnection;
import dev.graphfleet.pool.UnknownDatabaseException;

/**
 * Runs one query: admission first (no waiting for a connection when the node is overloaded), then a
 * pooled connection, then the statement (retried briefly on a write conflict). The engine's query
 * timeout, set per connection from the tier, cancels a statement that runs too long.
 */
final class QueryRunner {

    private final GraphPool pool;
    private final AdmissionController admission;
    private final ActiveQueries active;
    private final WriteConflictRetry retry;
    private final RangeLimit ranges;

    QueryRunner(GraphPool pool, AdmissionController admission, ActiveQueries active, WriteConflictRetry retry,
                RangeLimit ranges) {
        this.ranges = ranges;
        this.pool = pool;
        this.admission = admission;
        this.active = active;
        this.retry = retry;
    }

    RunningQuery start(String database, QueryRequest request) {
        long started = System.nanoTime();
        long oneStepBytes = ranges.check(request.cypher(), request.parameters());
        AdmissionSlot slot = admission.admit(database, Operation.of(request.cypher()));
        PooledConnection connection = null;
        try {
            connection = pool.borrow(database);
            PooledConnection borrowed = connection;
            Runnable untrack = active.track(borrowed);
            GraphResult result;
            try {
                result = active.memoryChecked(borrowed, oneStepBytes, () -> retry.run(() -> borrowed.query(request.cypher(), request.parameters())));
            } finally {
                untrack.run();
            }
            return new RunningQuery(database, result, connection, slot, started);
        } catch (RuntimeException | Error e) {
            if (connection != null) {
                connection.close();
            }
            slot.close();
            if (e instanceof UnknownDatabaseException) {
                admission.forget(database);
            }
            throw e;
        }
    }
}
