package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.StartupViewModel;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;

/** The splash while the local fleet starts: a progress bar and the fleet's own progress lines. */
public final class StartingView extends VBox {

    public StartingView(StartupViewModel model, boolean dark) {
        setId("starting");
        getStyleClass().add(Styles.STARTING_VIEW);
        Themes.apply(this, dark);
        setAlignment(Pos.CENTER);
        Label title = new Label();
        title.setId("starting-title");
        title.getStyleClass().add(Styles.APP_TITLE);
        title.textProperty().bind(model.titleProperty());
        Label note = new Label("The first start generates the sample repositories; later starts take seconds.");
        note.getStyleClass().add(Styles.SOURCE_LABEL);
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setId("starting-progress");
        progress.setPrefWidth(420);
        progress.visibleProperty().bind(model.failedProperty().not());
        VBox steps = new VBox(3);
        steps.setId("starting-steps");
        steps.getStyleClass().add(Styles.STARTING_STEPS);
        steps.setMaxWidth(760);
        model.steps().addListener((ListChangeListener<String>) c -> steps.getChildren().setAll(
                model.steps().stream().map(line -> {
                    Label l = new Label(line);
                    l.getStyleClass().add(Styles.STARTING_STEP);
                    return l;
                }).toList()));
        Label error = new Label();
        error.setId("starting-error");
        error.setWrapText(true);
        error.setMaxWidth(760);
        error.getStyleClass().add(Styles.STARTING_ERROR);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.failedProperty());
        error.managedProperty().bind(error.visibleProperty());
        getChildren().addAll(title, note, progress, steps, error);
    }
}
