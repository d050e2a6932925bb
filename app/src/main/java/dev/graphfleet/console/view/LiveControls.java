package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.LiveViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;

/** The pause switch every live view has, and the note saying the view is not following refreshes. */
final class LiveControls {

    private LiveControls() {
    }

    static ToggleButton pauseButton(String id, LiveViewModel<?> model) {
        ToggleButton pause = new ToggleButton();
        pause.setId(id);
        pause.selectedProperty().bindBidirectional(model.pausedProperty());
        pause.textProperty().bind(model.pausedProperty().map(p -> p ? "Resume" : "Pause"));
        return pause;
    }

    /** A tooltip with the full text of a headline the toolbar may cut short. */
    static javafx.scene.control.Tooltip textTip(javafx.beans.value.ObservableValue<String> text) {
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
        tip.textProperty().bind(text);
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        return tip;
    }

    static Label pausedNote(LiveViewModel<?> model) {
        Label note = new Label("Paused: not following refreshes");
        note.getStyleClass().add(Styles.PAUSED_NOTE);
        note.visibleProperty().bind(model.pausedProperty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }
}
