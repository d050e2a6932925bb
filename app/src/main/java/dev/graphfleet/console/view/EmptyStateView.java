package dev.graphfleet.console.view;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Shown when the console has no fleet to read: says how to point it at nodes instead of showing
 * an invented fleet.
 */
public final class EmptyStateView extends VBox {

    public EmptyStateView(boolean dark) {
        setId("empty-state");
        getStyleClass().add("empty-state");
        Themes.apply(this, dark);
        Label title = new Label("No fleet to show yet");
        title.setId("empty-title");
        title.getStyleClass().add("empty-title");
        Label why = new Label("The console's default source, the local fleet on this machine, is not part of this "
                + "build yet. Point the console at running nodes instead:");
        why.setId("empty-text");
        why.setWrapText(true);
        why.setMaxWidth(640);
        why.getStyleClass().add("empty-text");
        Label command = new Label("./graphfleet console --nodes http://10.0.1.5:8001,http://10.0.1.6:8001");
        command.setId("empty-command");
        command.getStyleClass().add("code");
        Label serveHint = new Label("No node running? Start one on this machine:");
        serveHint.getStyleClass().add("empty-text");
        Label serve = new Label("./graphfleet serve --data-dir /path/to/databases --port 8001");
        serve.getStyleClass().add("code");
        Label keyHint = new Label("Nodes that require an API key: add --api-key-env VAR (the variable holding the key).");
        keyHint.getStyleClass().add("empty-text");
        getChildren().addAll(title, why, command, serveHint, serve, keyHint);
    }
}
