package dev.graphfleet.node;

import dev.graphfleet.graph.GraphConnection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The connections executing a statement right now, so a stop past its grace period can cancel them. */
final class ActiveQueries {

    private final Set<GraphConnection> running = ConcurrentHashMap.newKeySet();

    Runnable track(GraphConnection connection) {
        running.add(connection);
        return () -> running.remove(connection);
    }

    /** Asks the engine to cancel every running statement; they fail as INTERRUPTED. */
    int interruptAll() {
        int count = 0;
        for (GraphConnection connection : running) {
            connection.interrupt();
            count++;
        }
        return count;
    }
}
