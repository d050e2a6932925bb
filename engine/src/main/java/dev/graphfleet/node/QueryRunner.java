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

    QueryRunner(GraphPool pool, AdmissionController admission, ActiveQueries active, WriteConflictRetry retry,
                RangeLimit ranges, QueryThreads threads) {
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
            EngineCall.Executed executed = await(call, threads.submit(call), deadline);
            return new RunningQuery(database, executed.result(), executed.connection(), slot, started, deadline);
        } catch (RuntimeException | Error e) {
            slot.closeFailed(e instanceof ApiException api && api.status() == 408);
            if (e instanceof UnknownDatabaseException) {
                admission.forget(database);
            }
            throw e;
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
