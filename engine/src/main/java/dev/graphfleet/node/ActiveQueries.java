package dev.graphfleet.node;

import dev.graphfleet.graph.GraphConnection;
import dev.graphfleet.graph.GraphException;
import dev.graphfleet.node.memory.HeadroomLedger;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The connections executing a statement right now, so a stop past its grace period can cancel them,
 * and the memory watchdog can stop them when the process passes its budget.
 */
final class ActiveQueries {

    private final Set<GraphConnection> running = ConcurrentHashMap.newKeySet();
    private final Set<GraphConnection> stoppedForMemory = ConcurrentHashMap.newKeySet();
    private final Supplier<? extends RuntimeException> memoryStop;
    private final HeadroomLedger headroom;

    /**
     * @param memoryStop the failure a query stopped for memory ends with (it names the budget)
     * @param headroom   what statements building values in one step hold of the query headroom
     */
    ActiveQueries(Supplier<? extends RuntimeException> memoryStop, HeadroomLedger headroom) {
        this.memoryStop = memoryStop;
        this.headroom = headroom;
    }

    Runnable track(GraphConnection connection) {
        running.add(connection);
        return () -> {
            running.remove(connection);
            stoppedForMemory.remove(connection);
        };
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

    /**
     * Cancels every running statement because the process is over its memory budget; they fail with
     * {@code memoryStop} (see {@link #memoryChecked}). Returns how many were not already stopped.
     */
    int interruptForMemory() {
        int count = 0;
        for (GraphConnection connection : running) {
            connection.interrupt();
            if (stoppedForMemory.add(connection)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Runs {@code statement} on {@code connection} holding {@code oneStepBytes} of the query headroom
     * (what {@link RangeLimit#check} estimated); an interruption by the memory watchdog becomes its error.
     */
    <T> T memoryChecked(GraphConnection connection, long oneStepBytes, Supplier<T> statement) {
        headroom.reserve(oneStepBytes);
        try {
            return statement.get();
        } catch (GraphException e) {
            if (e.kind() == GraphException.Kind.INTERRUPTED && stoppedForMemory.remove(connection)) {
                RuntimeException stop = memoryStop.get();
                stop.addSuppressed(e);
                throw stop;
            }
            throw e;
        } finally {
            headroom.release(oneStepBytes);
        }
    }
}
