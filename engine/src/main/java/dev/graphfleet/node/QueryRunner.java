package dev.graphfleet.node;

import dev.graphfleet.node.admission.AdmissionController;
import dev.graphfleet.node.admission.AdmissionSlot;
import dev.graphfleet.node.admission.Operation;
import dev.graphfleet.pool.GraphPool;
import dev.graphfleet.pool.UnknownDatabaseException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one query: admission first (no waiting for a connection when the node is overloaded), then
 * the statement on a query thread ({@link EngineCall}), waited for until the query's deadline. At
 * the deadline the statement is interrupted, the admission slot freed and a 408 thrown, whether or
 * not the engine has stopped yet; the connection stays with the call until it has.
 */
final class QueryRunner {

    private final GraphPool pool;
    private final AdmissionController admission;
    private final ActiveQueries active;
    private final WriteConflictRetry retry;
    private final RangeLimit ranges;
    private final QueryThreads threads;
    private final DeadlineReaper reaper;

    /**
     * @param reaper non-null when requests already run on 32 MiB-stack threads (the node's workers):
     *               statements then run right there, and the reaper cancels them at their deadline,
     *               saving the two thread hand-offs per query; null to run them on {@code threads}
     */
    QueryRunner(GraphPool pool, AdmissionController admission, ActiveQueries active, WriteConflictRetry retry,
                RangeLimit ranges, QueryThreads threads, DeadlineReaper reaper) {
        this.reaper = reaper;
        this.ranges = ranges;
        this.pool = pool;
        this.admission = admission;
        this.active = active;
        this.retry = retry;
        this.threads = threads;
    }

    RunningQuery start(String database, QueryRequest request, QueryDeadline deadline) {
        long started = System.nanoTime();
        long oneStepBytes = ranges.check(request.cypher(), request.parameters());
        AdmissionSlot slot = admission.admit(database, Operation.of(request.cypher()));
        try {
            EngineCall call = new EngineCall(pool, database, request, active, retry, oneStepBytes);
            EngineCall.Executed executed = reaper != null ? runHere(call, deadline)
                    : await(call, threads.submit(call), deadline);
            return new RunningQuery(database, executed.result(), executed.connection(), slot, started, deadline);
        } catch (RuntimeException | Error e) {
            slot.closeFailed(e instanceof ApiException api && api.status() == 408);
            if (e instanceof UnknownDatabaseException) {
                admission.forget(database);
            }
            throw e;
        }
    }

    /**
     * Runs the call on this thread. At the deadline the reaper cancels the statement (or the wait for
     * a connection), again every {@link QueryThreads#REINTERRUPT} until it returns; whatever it
     * returns after the deadline is a 408. The engine notices a cancel within milliseconds; a request
     * whose engine call does not return is cut off by its route at the deadline + {@link QueryRoute#CUT_OFF_GRACE}.
     */
    private EngineCall.Executed runHere(EngineCall call, QueryDeadline deadline) {
        if (!deadline.bounded()) {
            return call.call();
        }
        InlineDeadline atDeadline = new InlineDeadline(call, Thread.currentThread());
        EngineCall.Executed executed = null;
        try (DeadlineReaper.Watch watch = reaper.watch(deadline.deadlineNanos(), QueryThreads.REINTERRUPT.toNanos(),
                atDeadline::fire)) {
            try {
                executed = call.call(); // null when abandoned at the deadline
            } catch (RuntimeException | Error e) {
                if (atDeadline.finish() || deadline.passed()) {
                    throw deadline.timeoutError();
                }
                throw e;
            }
            if (atDeadline.finish() || deadline.passed()) {
                closeQuietly(executed); // finished, but too late: the client is told the deadline passed
                throw deadline.timeoutError();
            }
            return executed;
        } finally {
            atDeadline.finish();
            Thread.interrupted(); // an interrupt meant for the wait must not reach the answer's writes
        }
    }

    /** The reaper's action on an inline call, and its end: never an interrupt once the call is over. */
    private static final class InlineDeadline {
        private final EngineCall call;
        private final Thread runner;
        private boolean finished;
        private boolean fired;

        InlineDeadline(EngineCall call, Thread runner) {
            this.call = call;
            this.runner = runner;
        }

        /**
         * At the deadline the call is abandoned, as a waiting request abandons it: whatever it
         * borrowed is retired when the engine returns, never trusted again. Then the cancel.
         */
        synchronized void fire() {
            if (finished) {
                return;
            }
            if (!fired) {
                if (!call.abandon()) {
                    return; // handed over at the very deadline: the request checks the deadline itself
                }
                fired = true;
            }
            call.interruptAtDeadline(runner);
        }

        /** Ends the call's watch; true when the deadline had fired on it. */
        synchronized boolean finish() {
            finished = true;
            return fired;
        }
    }

    private EngineCall.Executed await(EngineCall call, Future<EngineCall.Executed> future, QueryDeadline deadline) {
        try {
            return deadline.bounded() ? future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS) : future.get();
        } catch (TimeoutException e) {
            if (!call.abandon()) {
                return finished(future); // handed over at the very deadline: it is ours after all
            }
            threads.interruptUntilDone(call);
            throw deadline.timeoutError();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (call.abandon()) {
                threads.interruptUntilDone(call);
            } else {
                closeQuietly(finished(future));
            }
            throw new IllegalStateException("interrupted while waiting for the query", e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    private static EngineCall.Executed finished(Future<EngineCall.Executed> future) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void closeQuietly(EngineCall.Executed executed) {
        if (executed != null) {
            try (var connection = executed.connection(); var result = executed.result()) {
                // result closed first, then the connection returned
            }
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new IllegalStateException("the query failed", cause);
    }
}
