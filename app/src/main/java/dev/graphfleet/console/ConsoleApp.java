package dev.graphfleet.console;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The JavaFX application. Started through {@link Launcher} or {@link GraphfleetConsoleLauncher}
 * (a class extending Application cannot be the main class on the classpath).
 */
public final class ConsoleApp extends Application {

    /** Application.launch builds this class itself, so the config travels through here. */
    private static volatile ConsoleConfig config;
    private ConsoleAssembly assembly;

    /** Opens the window and returns when it is closed. */
    static void run(ConsoleConfig consoleConfig) {
        config = Objects.requireNonNull(consoleConfig, "consoleConfig");
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        ConsoleConfig current = config != null ? config : ConsoleConfig.empty(false);
        assembly = ConsoleAssembly.create(current, Clock.systemUTC(), ZoneId.systemDefault());
        stage.setTitle(assembly.title());
        stage.setScene(new Scene(assembly.root(), 1360, 820));
        stage.show();
        assembly.start();
    }

    @Override
    public void stop() {
        if (assembly != null) {
            assembly.close();
        }
    }
}
