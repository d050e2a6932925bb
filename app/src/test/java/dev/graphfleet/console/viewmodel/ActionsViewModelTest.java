package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.service.actions.ActionKind;
import dev.graphfleet.console.service.actions.ActionPlan;
import dev.graphfleet.console.service.actions.ActionRequest;
import dev.graphfleet.console.service.actions.ActionResult;
import dev.graphfleet.console.service.actions.ActionRunner;
import dev.graphfleet.console.service.actions.FleetActions;
import dev.graphfleet.console.testing.ManualTicker;
import dev.graphfleet.console.viewmodel.ActionsViewModel.Stage;
import java.net.URI;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The action state machine. The source's actions here only record what they were asked (the real
 * ones are LocalFleetActionsTest's and the view tests'); the runner is the real one on its own
 * thread, and "the FX thread" is this test's thread, draining what the runner hands back.
 */
class ActionsViewModelTest {

    private static final ActionRequest RESTART = new ActionRequest.RestartNode("replica-1");
    private static final ActionRequest INVALIDATE =
            new ActionRequest.Invalidate("writer-1", URI.create("http://127.0.0.1:1"), "customer_a");

    /** Records runs; the snapshot kind is unavailable, the rest are fine. */
    static final class RecordingActions implements FleetActions {
        final List<ActionRequest> runs = new CopyOnWriteArrayList<>();
        volatile RuntimeException failPlan;

        @Override
        public String unavailable(ActionKind kind) {
            return kind == ActionKind.SNAPSHOT ? "no snapshots here" : null;
        }

        @Override
        public ActionPlan prepare(ActionRequest request) {
            if (failPlan != null) {
                throw failPlan;
            }
            return ActionPlan.of(request, "step one of " + request.title(), "step two");
        }

        @Override
        public ActionResult run(ActionRequest request, Consumer<String> progress) {
            runs.add(request);
            progress.accept("did it");
            if (request.kind() == ActionKind.INVALIDATE) {
                throw new IllegalStateException("the node refused (HTTP 404): no database customer_a");
            }
            return ActionResult.ok(request, "done: " + request.title(), List.of("did it"));
        }
    }

    private final RecordingActions actions = new RecordingActions();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final BlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private final ManualTicker ticker = new ManualTicker();
    private int refreshes;
    private final ActionsViewModel model = new ActionsViewModel(new ActionRunner(actions, thread), fx::add, ticker,
            () -> refreshes++);

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    /** Runs what the runner handed to "the FX thread" until the model reaches {@code stage}. */
    private void until(Stage stage) throws InterruptedException {
        while (model.stageProperty().get() != stage) {
            Runnable next = fx.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("waiting for " + stage + " in " + model.stageProperty().get()).isNotNull();
            next.run();
        }
    }

    @Test
    void aDestructiveActionIsPlannedConfirmedCountedDownThenRun() throws Exception {
        model.request(RESTART);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.PREPARING);
        until(Stage.CONFIRMING);
        assertThat(model.plan()).containsExactly("step one of Restart replica-1", "step two");
        assertThat(model.titleProperty().get()).isEqualTo("Restart replica-1");
        assertThat(model.destructiveProperty().get()).isTrue();

        model.confirm();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.COUNTDOWN);
        assertThat(model.secondsLeftProperty().get()).isEqualTo(ActionsViewModel.COUNTDOWN_SECONDS);
        ticker.tick();
        ticker.tick();
        assertThat(model.secondsLeftProperty().get()).isEqualTo(1);
        assertThat(actions.runs).isEmpty();
        ticker.tick();
        assertThat(ticker.running()).isZero();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.RUNNING);
        until(Stage.DONE);

        assertThat(actions.runs).containsExactly(RESTART);
        assertThat(model.progress()).containsExactly("did it");
        assertThat(model.outcomeProperty().get()).isEqualTo("done: Restart replica-1");
        assertThat(model.outcomeOkProperty().get()).isTrue();
        assertThat(model.lastOutcomeProperty().get()).isEqualTo("✔ done: Restart replica-1");
        assertThat(refreshes).isEqualTo(1);
        model.dismiss();
        assertThat(model.stageProperty().get()).isEqualTo(Stage.IDLE);
    }

    @Test
    void cancellingDuringTheCountdownRunsNothing() throws Exception {
        model.request(RESTART);
        until(Stage.CONFIRMING);
        model.confirm();
        ticker.tick();
        model.cancel();
        ticker.tick();
        ticker.tick();
        ticker.tick();

        assertThat(model.stageProperty().get()).isEqualTo(Stage.DONE);
        assertThat(model.outcomeProperty().get()).isEqualTo("Cancelled Restart replica-1: nothing was changed");
        assertThat(ticker.running()).isZero();
        assertThat(actions.runs).isEmpty();
        assertThat(refreshes).isZero();
    }

    @Test
    void aNonDestructiveActionRunsOnConfirmAndAFailureIsShownAsText() throws Exception {
        model.request(INVALIDATE);
        until(Stage.CONFIRMING);
        assertThat(model.destructiveProperty().get()).isFalse();
        model.confirm();
        assertThat(ticker.running()).isZero();
        until(Stage.DONE);

        assertThat(model.outcomeOkProperty().get()).isFalse();
        assertThat(model.outcomeProperty().get()).isEqualTo("Invalidate customer_a on writer-1 failed: the node "
                + "refused (HTTP 404): no database customer_a");
        assertThat(model.lastOutcomeProperty().get()).startsWith("✖ Invalidate customer_a on writer-1 failed");
    }

    @Test
    void readOnlyRefusesEveryActionAndCancelsOneInHand() throws Exception {
        model.request(RESTART);
        until(Stage.CONFIRMING);
        model.readOnlyProperty().set(true);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.DONE);
        assertThat(model.outcomeProperty().get()).startsWith("Cancelled");

        model.dismiss();
        model.request(RESTART);
        assertThat(model.stageProperty().get()).isEqualTo(Stage.DONE);
        assertThat(model.outcomeProperty().get())
                .isEqualTo("Restart replica-1 is not available: read-only: actions are off (turn read-only off to act)");
        assertThat(model.disabledReason(INVALIDATE)).startsWith("read-only");
        assertThat(actions.runs).isEmpty();
        assertThat(fx).isEmpty(); // nothing was even planned
    }

    @Test
    void anUnavailableKindSaysWhyAndAPlanThatFailsIsShown() throws Exception {
        model.request(new ActionRequest.Snapshot("local replicas", "sec"));
        assertThat(model.outcomeProperty().get()).endsWith("is not available: no snapshots here");

        actions.failPlan = new IllegalStateException("sec has only v1: nothing to roll back to");
        model.dismiss();
        model.request(new ActionRequest.Rollback("local replicas", "sec"));
        until(Stage.DONE);
        assertThat(model.outcomeProperty().get())
                .isEqualTo("Cannot plan Roll back sec on local replicas: sec has only v1: nothing to roll back to");
    }

    @Test
    void oneActionAtATime() throws Exception {
        model.request(RESTART);
        until(Stage.CONFIRMING);
        model.request(INVALIDATE);
        assertThat(model.titleProperty().get()).isEqualTo("Restart replica-1");
        assertThat(model.stageProperty().get()).isEqualTo(Stage.CONFIRMING);
        assertThat(model.lastOutcomeProperty().get()).startsWith("✖ Not now: Restart replica-1 comes first");
    }
}
