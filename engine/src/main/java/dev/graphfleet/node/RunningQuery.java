package dev.graphfleet.node;

import dev.graphfleet.graph.GraphResult;
import dev.graphfleet.node.admission.AdmissionSlot;
import dev.graphfleet.pool.PooledConnection;
import java.util.List;

/**
 * An executed query whose rows are being read. Holds its admission slot and its connection until
 * closed, so a streaming answer counts as in flight until its last chunk is written.
 */
final class RunningQuery implements AutoCloseable {

    private final String database;
    private final GraphResult result;
    private final PooledConnection connection;
    private final AdmissionSlot slot;
    private final long startedNanos;
    private final QueryDeadline deadline;

    RunningQuery(String database, GraphResult result, PooledConnection connection, AdmissionSlot slot, long startedNanos,
                 QueryDeadline deadline) {
        this.deadline = deadline;
        this.database = database;
        this.result = result;
        this.connection = connection;
        this.slot = slot;
        this.startedNanos = startedNanos;
    }

    String database() {
        return database;
    }

    List<String> columns() {
        return result.columns();
    }

    GraphResult rows() {
        return result;
    }

    /** The deadline still holds while the rows are written: a stream that outlives it ends with a 408 chunk. */
    QueryDeadline deadline() {
        return deadline;
    }

    double elapsedMillis() {
        return Math.round((System.nanoTime() - startedNanos) / 1_000.0) / 1_000.0;
    }

    @Override
    public void close() {
        try (slot; connection; result) {
            // closes the result, gives the connection back, then frees the admission slot
        }
    }
}
