package dev.graphfleet.console.view;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Shown when the console has no fleet to read (no --nodes, no local fleet running): says how to
 * start one or point the console at nodes, instead of showing an invented fleet.
 */
public final class EmptyStateView extends VBox {

    /**
     * @param lookedIn where no running local fleet was found, or null
     */
    public EmptyStateView(boolean dark, String lookedIn) {
        setId("empty-state");
        getStyleClass().add(Styles.EMPTY_STATE);
        Themes.apply(this, dark);
        Label title = new Label("No fleet to show yet");
        title.setId("empty-title");
        title.getStyleClass().add(Styles.EMPTY_TITLE);
        Label why = new Label("No local fleet is running" + (lookedIn == null ? "" : " (looked in " + lookedIn + ")")
                + ". Start one on this machine, then open the console again:");
        why.setId("empty-text");
        why.setWrapText(true);
        why.setMaxWidth(640);
        why.getStyleClass().add(Styles.EMPTY_TEXT);
        Label local = new Label("./graphfleet local");
        local.setId("empty-local-command");
        local.getStyleClass().add(Styles.CODE);
        Label nodesHint = new Label("Or point the console at running nodes:");
        nodesHint.getStyleClass().add(Styles.EMPTY_TEXT);
        Label command = new Label("./graphfleet console --nodes http://10.0.1.5:8001,http://10.0.1.6:8001");
        command.setId("empty-command");
        command.getStyleClass().add(Styles.CODE);
        Label keyHint = new Label("Nodes that require an API key: add --api-key-env VAR (the variable holding the key).");
        keyHint.getStyleClass().add(Styles.EMPTY_TEXT);
        getChildren().addAll(title, why, local, nodesHint, command, keyHint);
    }

    /**
     * Offers to start a local fleet in this window instead of naming a command to run elsewhere (the
     * installed app has no {@code ./graphfleet} script).
     */
    public void offerStart(Runnable start) {
        Label why = (Label) lookup("#empty-text");
        why.setText(why.getText().replace(". Start one on this machine, then open the console again:",
                ". Start one on this machine, in this window (it stops when the window closes):"));
        javafx.scene.control.Button button = new javafx.scene.control.Button("Start a local fleet");
        button.setId("empty-start-local");
        button.setDefaultButton(true);
        button.setOnAction(e -> start.run());
        getChildren().set(getChildren().indexOf(lookup("#empty-local-command")), button);
    }
}
