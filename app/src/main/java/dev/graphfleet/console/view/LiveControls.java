package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.LiveViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;

/** The pause switch every live view has, and the note saying the view is not following refreshes. */
final class LiveControls {

    private LiveControls() {
    }

    static ToggleButton pauseButton(String id, LiveViewModel model) {
        ToggleButton pause = new ToggleButton();
        pause.setId(id);
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.textProperty().bind(model.pausedProperty().map(p -> p ? "Resume" : "Pause"));
        return pause;
    }

    static Label pausedNote(LiveViewModel model) {
        Label note = new Label("Paused: not following refreshes");
        note.getStyleClass().add("paused-note");
        note.visibleProperty().bind(model.pausedProperty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }
}
