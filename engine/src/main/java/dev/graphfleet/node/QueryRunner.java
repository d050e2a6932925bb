package dev.graphfleet.node;

import dev.graphfleet.node.admission.AdmissionController;
import dev.graphfleet.node.admission.AdmissionSlot;
import dev.graphfleet.node.admission.Operation;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.UnknownDatabaseException;

/**
 * Runs one query on the request's own query thread: admission first (no waiting for a connection
 * when the node is overloaded), then the statement ({@link EngineCall}). The deadline is held by the
 * {@link DeadlineReaper}, not by this thread, which may be stuck in the engine: at the deadline the
 * reaper claims the call, interrupts the statement, frees the admission slot and has the 408
 * answered, whether or not the engine has stopped yet; the connection stays with the call until it has.
 */
final class QueryRunner {

    private final GraphPool pool;
    private final AdmissionController admission;
    private final ActiveQueries active;
    private final WriteConflictRetry retry;
    private final RangeLimit ranges;
    private final QueryThreads threads;
    private final DeadlineReaper reaper;

    QueryRunner(GraphPool pool, AdmissionController admission, ActiveQueries active, WriteConflictRetry retry,
                RangeLimit ranges, QueryThreads threads, DeadlineReaper reaper) {
        this.ranges = ranges;
        this.pool = pool;
        this.admission = admission;
        this.active = active;
        this.retry = retry;
        this.threads = threads;
        this.reaper = reaper;
    }

    /**
     * Runs the statement on the calling thread. Null when the deadline came first: {@code onTimeout}
     * has then been called on the reaper's thread to answer 408, and the caller must leave the
     * request to it.
     */
    RunningQuery start(String database, QueryRequest request, QueryDeadline deadline, Runnable onTimeout) {
        long started = System.nanoTime();
        long oneStepBytes = ranges.check(request.cypher(), request.parameters());
        AdmissionSlot slot = admission.admit(database, Operation.of(request.cypher()));
        EngineCall call = new EngineCall(pool, database, request, active, retry, oneStepBytes);
        DeadlineReaper.Watch claim = deadline.bounded()
                ? reaper.watch(deadline.deadlineNanos(), 0, () -> timeUp(call, slot, onTimeout)) : null;
        EngineCall.Executed executed;
        try {
            executed = call.run();
        } catch (RuntimeException | Error e) {
            slot.closeFailed(false);
            if (e instanceof UnknownDatabaseException) {
                admission.forget(database);
            }
            throw e;
        } finally {
            if (claim != null) {
                claim.close();
            }
        }
        return executed == null ? null
                : new RunningQuery(database, executed.result(), executed.connection(), slot, started, deadline);
    }

    /** On the reaper's thread, at the deadline: the call is the deadline's unless it has settled. */
    private void timeUp(EngineCall call, AdmissionSlot slot, Runnable onTimeout) {
        if (call.abandon()) {
            threads.interruptUntilDone(call);
            slot.closeFailed(true);
            onTimeout.run();
        }
    }
}
