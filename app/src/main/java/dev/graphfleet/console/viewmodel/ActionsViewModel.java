package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.actions.ActionCatalog;
import dev.graphfleet.console.service.actions.ActionPlan;
import dev.graphfleet.console.service.actions.ActionRequest;
import dev.graphfleet.console.service.actions.ActionResult;
import dev.graphfleet.console.service.actions.ActionRunner;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One action at a time, through its stages: prepared off the FX thread (the plan says exactly what
 * will happen), confirmed, for a destructive one a countdown that can still be cancelled, run off
 * the FX thread, and its outcome shown. Read-only refuses every action. All methods run on the FX
 * thread; the runner's answers come back through {@code fx}.
 */
public final class ActionsViewModel {

    /** Seconds between confirming a destructive action and its start, during which it can be cancelled. */
    public static final int COUNTDOWN_SECONDS = 3;

    public enum Stage { IDLE, PREPARING, CONFIRMING, COUNTDOWN, RUNNING, DONE }

    /** One entry of the actions menu or palette: the action, and why it cannot be taken (null when it can). */
    public record Choice(ActionRequest request, String disabledReason) {
        public boolean enabled() {
            return disabledReason == null;
        }

        /** The menu it goes in: its kind of action. */
        public String group() {
            return request.kind().label();
        }

        public String title() {
            return request.title();
        }

        /** The node it acts on, or null for fleet-wide actions. */
        public String instanceId() {
            if (request instanceof ActionRequest.Invalidate i) {
                return i.instanceId();
            }
            return request instanceof ActionRequest.RestartNode r ? r.instanceId() : null;
        }
    }

    private final ActionRunner runner;
    private final Executor fx;
    private final Ticker ticker;
    private final Runnable afterAction;

    private final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");
    private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(this, "stage", Stage.IDLE);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final ObservableList<String> plan = FXCollections.observableArrayList();
    private final BooleanProperty destructive = new SimpleBooleanProperty(this, "destructive");
    private final BooleanProperty nothingToDo = new SimpleBooleanProperty(this, "nothingToDo");
    private final IntegerProperty secondsLeft = new SimpleIntegerProperty(this, "secondsLeft");
    private final ObservableList<String> progress = FXCollections.observableArrayList();
    private final StringProperty outcome = new SimpleStringProperty(this, "outcome", "");
    private final BooleanProperty outcomeOk = new SimpleBooleanProperty(this, "outcomeOk", true);
    private final StringProperty lastOutcome = new SimpleStringProperty(this, "lastOutcome", "");

    private ConsoleState state;
    private ActionRequest current;
    private Runnable stopTicking;
    /** Bumped by cancel: an answer for an older attempt is dropped. */
    private int attempt;

    public ActionsViewModel(ActionRunner runner, Executor fx, Ticker ticker, Runnable afterAction) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.fx = Objects.requireNonNull(fx, "fx");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
        this.afterAction = Objects.requireNonNull(afterAction, "afterAction");
        readOnly.addListener((obs, was, now) -> {
            if (now && (stage.get() == Stage.CONFIRMING || stage.get() == Stage.COUNTDOWN
                    || stage.get() == Stage.PREPARING)) {
                cancel();
            }
        });
    }

    /** The newest refresh: what the actions menu offers comes from it. */
    public void apply(ConsoleState newest) {
        state = newest;
    }

    /** Every action the fleet on screen offers, each enabled or with the reason it is not. */
    public List<Choice> choices() {
        if (state == null) {
            return List.of();
        }
        return ActionCatalog.requests(state.fleet(), state.details() == null ? Map.of() : state.details(),
                runner.actions()).stream().map(r -> new Choice(r, disabledReason(r))).toList();
    }

    /** Null when {@code request} can be taken now; else why not. */
    public String disabledReason(ActionRequest request) {
        if (readOnly.get()) {
            return "read-only: actions are off (turn read-only off to act)";
        }
        return runner.unavailable(request);
    }

    /** Asks for the action of a menu or palette entry. */
    public void request(Choice choice) {
        request(choice.request());
    }

    /** Asks for an action: its plan is prepared, then shown for confirmation. */
    public void request(ActionRequest request) {
        if (busy()) {
            lastOutcome.set("✖ Not now: " + current.title() + " comes first (cancel it or wait for it)");
            return;
        }
        String why = disabledReason(request);
        current = request;
        title.set(request.title());
        plan.clear();
        progress.clear();
        destructive.set(request.destructive());
        nothingToDo.set(false);
        if (why != null) {
            finish(false, request.title() + " is not available: " + why);
            return;
        }
        stage.set(Stage.PREPARING);
        int mine = ++attempt;
        runner.prepare(request).whenComplete((prepared, error) -> fx.execute(() -> {
            if (mine != attempt || stage.get() != Stage.PREPARING) {
                return;
            }
            if (error != null) {
                finish(false, "Cannot plan " + request.title() + ": " + ActionRunner.reason(error));
            } else {
                showPlan(prepared);
            }
        }));
    }

    private void showPlan(ActionPlan prepared) {
        plan.setAll(prepared.steps());
        // a plan that changes nothing is not a change to the fleet: no warning, no countdown
        nothingToDo.set(prepared.nothingToDo());
        destructive.set(current.destructive() && !prepared.nothingToDo());
        stage.set(Stage.CONFIRMING);
    }

    /** Confirms the action shown: a destructive one starts after the countdown, the others now. */
    public void confirm() {
        if (stage.get() != Stage.CONFIRMING) {
            return;
        }
        if (readOnly.get()) {
            cancel();
            return;
        }
        if (!destructive.get()) {
            start();
            return;
        }
        secondsLeft.set(COUNTDOWN_SECONDS);
        stage.set(Stage.COUNTDOWN);
        stopTicking = ticker.every(Duration.ofSeconds(1), this::tick);
    }

    private void tick() {
        if (stage.get() != Stage.COUNTDOWN) {
            return;
        }
        secondsLeft.set(secondsLeft.get() - 1);
        if (secondsLeft.get() <= 0) {
            stopTicking();
            start();
        }
    }

    /** Before it runs: drops the action; nothing has been changed. */
    public void cancel() {
        Stage now = stage.get();
        if (now != Stage.PREPARING && now != Stage.CONFIRMING && now != Stage.COUNTDOWN) {
            return;
        }
        attempt++;
        stopTicking();
        finish(true, "Cancelled " + current.title() + ": nothing was changed");
    }

    private void start() {
        stage.set(Stage.RUNNING);
        ActionRequest request = current;
        runner.run(request, line -> fx.execute(() -> progress.add(line)))
                .thenAccept(result -> fx.execute(() -> done(result)));
    }

    private void done(ActionResult result) {
        if (!result.ok()) {
            progress.addAll(result.details().stream().filter(d -> !progress.contains(d)).toList());
        }
        finish(result.ok(), result.summary());
        afterAction.run();
    }

    private void finish(boolean ok, String text) {
        outcome.set(text);
        outcomeOk.set(ok);
        lastOutcome.set((ok ? "✔ " : "✖ ") + text);
        stage.set(Stage.DONE);
    }

    /** Closes the outcome. */
    public void dismiss() {
        if (stage.get() == Stage.DONE) {
            stage.set(Stage.IDLE);
        }
    }

    private void stopTicking() {
        if (stopTicking != null) {
            stopTicking.run();
            stopTicking = null;
        }
    }

    private boolean busy() {
        Stage now = stage.get();
        return now == Stage.PREPARING || now == Stage.CONFIRMING || now == Stage.COUNTDOWN || now == Stage.RUNNING;
    }

    /** The action asked for last (preparing, confirming, running or done); null before the first. */
    public ActionRequest currentRequest() {
        return current;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public ObjectProperty<Stage> stageProperty() {
        return stage;
    }

    /** The action in hand (its one-line title). */
    public StringProperty titleProperty() {
        return title;
    }

    /** What it will do, step by step. */
    public ObservableList<String> plan() {
        return plan;
    }

    /** The plan shown changes nothing (e.g. the volume monitor has no volume to expand). */
    public BooleanProperty nothingToDoProperty() {
        return nothingToDo;
    }

    public BooleanProperty destructiveProperty() {
        return destructive;
    }

    public IntegerProperty secondsLeftProperty() {
        return secondsLeft;
    }

    /** What it has done so far. */
    public ObservableList<String> progress() {
        return progress;
    }

    /** How it ended (or why it did not start). */
    public StringProperty outcomeProperty() {
        return outcome;
    }

    public BooleanProperty outcomeOkProperty() {
        return outcomeOk;
    }

    /** The last outcome with a mark, for the status bar; stays after the panel is closed. */
    public StringProperty lastOutcomeProperty() {
        return lastOutcome;
    }
}
