package dev.graphfleet.console;

import dev.graphfleet.console.service.ConsoleMemory;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application. Started through {@link Launcher} or {@link GraphfleetConsoleLauncher}
 * (a class extending Application cannot be the main class on the classpath).
 */
public final class ConsoleApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApp.class);

    static final double DEFAULT_WIDTH = 1360;
    static final double DEFAULT_HEIGHT = 820;

    /** Application.launch builds this class itself, so the config travels through here. */
    private static volatile Launch launch;
    private ConsoleAssembly assembly;

    /** What the launcher hands over: the checked config, where to remember the window, the source's options. */
    record Launch(ConsoleConfig config, ConsoleMemory memory, List<String> sourceArgs, SourceStarter localStartOffer) {
    }

    /** Opens the window and returns when it is closed. */
    static void run(ConsoleConfig consoleConfig, ConsoleMemory memory, List<String> sourceArgs) {
        run(consoleConfig, memory, sourceArgs, null);
    }

    /** With what the empty state's "Start a local fleet" button starts (null: no such button). */
    static void run(ConsoleConfig consoleConfig, ConsoleMemory memory, List<String> sourceArgs,
                    SourceStarter localStartOffer) {
        launch = new Launch(Objects.requireNonNull(consoleConfig, "consoleConfig"), memory, sourceArgs, localStartOffer);
        Application.launch(ConsoleApp.class);
    }

    @Override
    public void start(Stage stage) {
        LOG.info("JavaFX started {} ms after the JVM", ManagementFactory.getRuntimeMXBean().getUptime());
        Launch current = launch != null ? launch : new Launch(ConsoleConfig.empty(false, null), null, List.of(), null);
        assembly = ConsoleAssembly.create(current.config(), Clock.systemUTC(), ZoneId.systemDefault());
        if (current.localStartOffer() != null) {
            assembly.offerLocalStart(current.localStartOffer());
        }
        stage.titleProperty().bind(assembly.titleProperty());
        Scene scene = new Scene(assembly.root(), DEFAULT_WIDTH, DEFAULT_HEIGHT);
        // the splash gives way to the console once the local fleet has started
        scene.rootProperty().bind(assembly.rootProperty());
        logFirstFrame(scene);
        stage.setScene(scene);
        ConsoleMemory.Remembered remembered = current.memory() == null ? ConsoleMemory.Remembered.NONE
                : current.memory().load();
        place(stage, remembered.window());
        if (current.memory() != null) {
            stage.setOnHiding(e -> current.memory().save(current.memory().load().withWindow(
                    new ConsoleMemory.Window(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                            stage.isMaximized()))));
            current.memory().save(remembered.withLastSource(current.sourceArgs()));
        }
        stage.show();
        assembly.start();
    }

    /** The remembered bounds, if they are still on a screen (a monitor may have gone); else centred, default size. */
    static void place(Stage stage, ConsoleMemory.Window window) {
        if (window == null || Screen.getScreensForRectangle(
                new Rectangle2D(window.x(), window.y(), window.width(), window.height())).isEmpty()) {
            return;
        }
        stage.setX(window.x());
        stage.setY(window.y());
        stage.setWidth(window.width());
        stage.setHeight(window.height());
        stage.setMaximized(window.maximized());
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
