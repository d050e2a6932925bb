package dev.graphfleet.pool;

import dev.graphfleet.graph.GraphDatabase;
import java.util.function.Consumer;

/**
 * An open Database and the connections made from it. A retired handle (its database was
 * invalidated, or a repository moved to a new version) closes its Database when its last
 * connection is returned, so queries in flight finish on the version they started on.
 */
final class DatabaseHandle {

    final GraphDatabase database;
    private final Consumer<DatabaseHandle> onClose;
    private int connections;
    private boolean retired;
    private boolean closed;

    DatabaseHandle(GraphDatabase database, Consumer<DatabaseHandle> onClose) {
        this.database = database;
        this.onClose = onClose;
    }

    synchronized void connectionOpened() {
        connections++;
    }

    synchronized void connectionClosed() {
        connections--;
        closeIfDone();
    }

    synchronized void retire() {
        retired = true;
        closeIfDone();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void closeIfDone() {
        if (retired && connections == 0 && !closed) {
            closed = true;
            try {
                database.close();
            } finally {
                onClose.accept(this);
            }
        }
    }
}
