package dev.graphfleet.console;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Started through {@link Launcher} or {@link GraphfleetConsoleLauncher}
 * (a class extending Application cannot be the main class on the classpath).
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

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
        LOG.info("JavaFX started {} ms after the JVM", ManagementFactory.getRuntimeMXBean().getUptime());
        ConsoleConfig current = config != null ? config : ConsoleConfig.empty(false, null);
        assembly = ConsoleAssembly.create(current, Clock.systemUTC(), ZoneId.systemDefault());
        stage.setTitle(assembly.title());
        Scene scene = new Scene(assembly.root(), 1360, 820);
        logFirstFrame(scene);
        stage.setScene(scene);
        stage.show();
        assembly.start();
    }

    /** Start-up time is one of the console's goals (first frame within 3 s): say it at INFO. */
    private static void logFirstFrame(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            LOG.info("first frame {} ms after the JVM started", ManagementFactory.getRuntimeMXBean().getUptime());
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    @Override
    public void stop() {
        if (assembly != null) {
            assembly.close();
        }
    }
}
