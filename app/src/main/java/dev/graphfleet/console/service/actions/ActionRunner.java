package dev.graphfleet.console.service.actions;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares and runs actions on one thread of their own, one at a time (never the FX thread, never
 * the refresh thread: a rolling refresh takes minutes while the views keep refreshing). Every
 * failure becomes a failed plan or result carrying the reason.
 */
public final class ActionRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActionRunner.class);

    private final FleetActions actions;
    private final ExecutorService executor;

    public ActionRunner(FleetActions actions) {
        this(actions, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "console-actions");
            t.setDaemon(true);
            return t;
        }));
    }

    public ActionRunner(FleetActions actions, ExecutorService executor) {
        this.actions = Objects.requireNonNull(actions, "actions");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public FleetActions actions() {
        return actions;
    }

    /** Null when the source can take it; else why not. */
    public String unavailable(ActionRequest request) {
        return actions.unavailable(request.kind());
    }

    /** What the action would do; completes exceptionally with the reason when it cannot be planned. */
    public CompletableFuture<ActionPlan> prepare(ActionRequest request) {
        return CompletableFuture.supplyAsync(() -> actions.prepare(request), executor);
    }

    /** Runs it; always completes normally, with a failed result when it failed. */
    public CompletableFuture<ActionResult> run(ActionRequest request, Consumer<String> progress) {
        return CompletableFuture.supplyAsync(() -> {
            LOG.info("action: {}", request.title());
            try {
                ActionResult result = actions.run(request, progress);
                LOG.info("action done: {}", result.summary());
                return result;
            } catch (RuntimeException e) {
                LOG.warn("action failed: {}", request.title(), e);
                return ActionResult.failed(request, reason(e));
            }
        }, executor);
    }

    /** The innermost message, which says what went wrong; the class name when there is none. */
    public static String reason(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.CompletionException || t.getMessage() == null) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
