package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.ActionsViewModel;
import dev.graphfleet.console.viewmodel.ActionsViewModel.Stage;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The action in hand, over the dimmed window: its plan to confirm, the countdown of a destructive
 * one (Cancel still stops it), its progress, and how it ended.
 */
final class ActionPanel extends StackPane {

    ActionPanel(ActionsViewModel model) {
        setId("action-overlay");
        getStyleClass().add(Styles.OVERLAY);
        visibleProperty().bind(model.stageProperty().isNotEqualTo(Stage.IDLE));
        managedProperty().bind(visibleProperty());

        Label title = new Label();
        title.setId("action-title");
        title.getStyleClass().add(Styles.ACTION_TITLE);
        title.setWrapText(true);
        title.textProperty().bind(model.titleProperty());

        Label kind = new Label();
        kind.setId("action-kind");
        kind.getStyleClass().add(Styles.ACTION_KIND);
        kind.textProperty().bind(Bindings.when(model.nothingToDoProperty())
                .then("Changes nothing: its plan has nothing to do")
                .otherwise(Bindings.when(model.destructiveProperty())
                        .then("Changes the fleet: after you confirm, it starts in "
                                + ActionsViewModel.COUNTDOWN_SECONDS + " s unless you cancel")
                        .otherwise("Changes no data")));
        kind.visibleProperty().bind(model.stageProperty().isEqualTo(Stage.CONFIRMING));
        kind.managedProperty().bind(kind.visibleProperty());

        Label preparing = new Label("Working out what it would do…");
        preparing.setId("action-preparing");
        preparing.visibleProperty().bind(model.stageProperty().isEqualTo(Stage.PREPARING));
        preparing.managedProperty().bind(preparing.visibleProperty());

        VBox plan = lines("action-plan");
        model.plan().addListener((ListChangeListener<String>) c -> fill(plan, model.plan(), Styles.ACTION_PLAN_LINE));
        plan.visibleProperty().bind(Bindings.isNotEmpty(model.plan()));
        plan.managedProperty().bind(plan.visibleProperty());

        Label countdown = new Label();
        countdown.setId("action-countdown");
        countdown.getStyleClass().add(Styles.ACTION_COUNTDOWN);
        countdown.textProperty().bind(Bindings.format("Starting in %d s — Cancel stops it; nothing has changed yet",
                model.secondsLeftProperty()));
        countdown.visibleProperty().bind(model.stageProperty().isEqualTo(Stage.COUNTDOWN));
        countdown.managedProperty().bind(countdown.visibleProperty());

        VBox progress = lines("action-progress");
        model.progress().addListener((ListChangeListener<String>) c -> fill(progress, model.progress(),
                Styles.ACTION_PROGRESS_LINE));
        progress.visibleProperty().bind(Bindings.isNotEmpty(model.progress()));
        progress.managedProperty().bind(progress.visibleProperty());

        Label running = new Label("Running… the views keep refreshing");
        running.setId("action-running");
        running.visibleProperty().bind(model.stageProperty().isEqualTo(Stage.RUNNING));
        running.managedProperty().bind(running.visibleProperty());

        Label outcome = new Label();
        outcome.setId("action-outcome");
        outcome.getStyleClass().add(Styles.ACTION_OUTCOME);
        outcome.setWrapText(true);
        outcome.textProperty().bind(model.outcomeProperty());
        outcome.visibleProperty().bind(model.stageProperty().isEqualTo(Stage.DONE));
        outcome.managedProperty().bind(outcome.visibleProperty());
        model.outcomeOkProperty().addListener((obs, was, ok) -> outcomeStyle(outcome, ok));
        outcomeStyle(outcome, model.outcomeOkProperty().get());

        Button confirm = new Button();
        confirm.setId("action-confirm");
        confirm.getStyleClass().add(Styles.ACTION_CONFIRM);
        confirm.textProperty().bind(Bindings.when(model.destructiveProperty()).then("Confirm").otherwise("Run it"));
        confirm.setOnAction(e -> model.confirm());
        show(confirm, model.stageProperty().isEqualTo(Stage.CONFIRMING));
        Button cancel = new Button("Cancel");
        cancel.setId("action-cancel");
        cancel.setOnAction(e -> model.cancel());
        show(cancel, model.stageProperty().isEqualTo(Stage.CONFIRMING)
                .or(model.stageProperty().isEqualTo(Stage.COUNTDOWN))
                .or(model.stageProperty().isEqualTo(Stage.PREPARING)));
        Button close = new Button("Close");
        close.setId("action-close");
        close.setOnAction(e -> model.dismiss());
        show(close, model.stageProperty().isEqualTo(Stage.DONE));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, cancel, confirm, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox panel = new VBox(10, title, kind, preparing, plan, countdown, running, progress, outcome, buttons);
        panel.setId("action-panel");
        panel.getStyleClass().add(Styles.OVERLAY_PANEL);
        panel.setMaxWidth(720);
        panel.setMaxHeight(Region.USE_PREF_SIZE);
        model.stageProperty().addListener((obs, was, now) -> {
            panel.pseudoClassStateChanged(Styles.STATE_COUNTDOWN, now == Stage.COUNTDOWN);
            panel.pseudoClassStateChanged(Styles.STATE_RUNNING, now == Stage.RUNNING);
            if (now == Stage.CONFIRMING) {
                cancel.requestFocus(); // Enter on a fresh plan must not confirm it
            }
        });
        getChildren().add(panel);
    }

    private static VBox lines(String id) {
        VBox box = new VBox(4);
        box.setId(id);
        box.getStyleClass().add(id);
        return box;
    }

    private static void fill(VBox box, java.util.List<String> lines, String lineClass) {
        box.getChildren().setAll(lines.stream().map(line -> {
            Label label = new Label(line);
            label.setWrapText(true);
            label.getStyleClass().add(lineClass);
            return label;
        }).toList());
    }

    private static void outcomeStyle(Label outcome, boolean ok) {
        outcome.pseudoClassStateChanged(Styles.STATE_OK, ok);
        outcome.pseudoClassStateChanged(Styles.STATE_FAILED, !ok);
    }

    private static void show(Button button, javafx.beans.value.ObservableBooleanValue when) {
        button.visibleProperty().bind(when);
        button.managedProperty().bind(button.visibleProperty());
    }
}
