package dev.graphfleet.console.testing;

import dev.graphfleet.console.ConsoleAssembly;
import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.viewmodel.ConsoleViewModel;
import dev.graphfleet.console.viewmodel.Ticker;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console as the app builds it, on a real {@link NodesFleetSource} reading loopback
 * {@link NodeServer}s, in the headless stage. The poller is not started: each {@link #refresh}
 * reads the nodes once, on the poller's thread, and waits until the FX thread applied it.
 */
public final class ConsoleHarness implements AutoCloseable {

    public static final Duration NODE_TIMEOUT = Duration.ofSeconds(2);

    private final List<NodeServer> servers;
    private final ConsoleAssembly assembly;
    private final Stage stage;
    private final FxRobot robot = new FxRobot();

    private ConsoleHarness(List<NodeServer> servers, ConsoleAssembly assembly, Stage stage) {
        this.servers = servers;
        this.assembly = assembly;
        this.stage = stage;
    }

    /** Opens the console on {@code servers} plus {@code deadUrls} (addresses nothing listens on). */
    public static ConsoleHarness open(List<NodeServer> servers, List<URI> deadUrls, boolean dark) throws Exception {
        List<URI> urls = new ArrayList<>(servers.stream().map(NodeServer::uri).toList());
        urls.addAll(deadUrls);
        NodesFleetSource source = NodesFleetSource.create(urls,
                new ProbeOptions(NODE_TIMEOUT, ProbeOptions.DEFAULT_PARALLELISM, null));
        ConsoleConfig config = new ConsoleConfig(source, NodeDetailReader.create(NODE_TIMEOUT, null),
                Duration.ofSeconds(1), dark, null);
        return show(config, servers);
    }

    public static ConsoleHarness show(ConsoleConfig config, List<NodeServer> servers) throws Exception {
        return show(config, servers, Clock.systemUTC(), null);
    }

    /** With the action countdown's ticker ({@link ManualTicker} to tick by hand), or null for the app's. */
    public static ConsoleHarness show(ConsoleConfig config, List<NodeServer> servers, Ticker ticker) throws Exception {
        return show(config, servers, Clock.systemUTC(), ticker);
    }

    /**
     * With the refreshes stamped by {@code clock} (a test's settable clock makes histories deterministic) and
     * the countdown's {@code ticker} (null for the app's).
     */
    public static ConsoleHarness show(ConsoleConfig config, List<NodeServer> servers, Clock clock, Ticker ticker)
            throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ConsoleAssembly assembly = WaitForAsyncUtils.asyncFx(() -> {
            ConsoleAssembly a = ticker == null ? ConsoleAssembly.create(config, clock, ZoneOffset.UTC)
                    : ConsoleAssembly.create(config, clock, ZoneOffset.UTC, ticker);
            Scene scene = new Scene(a.root(), 1360, 760);
            // the splash gives way to the console once a starting source is up
            scene.rootProperty().bind(a.rootProperty());
            stage.setScene(scene);
            stage.sizeToScene(); // the primary stage is shared: a resize in an earlier test must not carry over
            stage.titleProperty().bind(a.titleProperty());
            stage.show();
            return a;
        }).get(30, TimeUnit.SECONDS); // the first window of a JVM loads the toolkit and CSS: slow on a busy machine
        return new ConsoleHarness(servers, assembly, stage);
    }

    /** One refresh through the real source; returns once the FX thread has applied it. */
    public ConsoleState refresh() throws Exception {
        ConsoleState state = assembly.poller().refreshNow().get(20, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return state;
    }

    /** Clicks a view's tab ({@code buffer-pools}, {@code volumes}, …) and waits for the FX thread. */
    public void openTab(String name) throws Exception {
        robot.clickOn("#tab-" + name);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public <T extends Node> T find(String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    public FxRobot robot() {
        return robot;
    }

    /**
     * Refreshes until no volume row still says it collected fewer than {@code readings} readings: how
     * many refreshes coalesce while a view opens varies, and "collecting history (1 of 3)" against
     * "(2 of 3)" is a figure a golden must not depend on by chance.
     */
    public void refreshUntilVolumeReadings(int readings) throws Exception {
        java.util.regex.Pattern collecting = java.util.regex.Pattern.compile("collecting history \\((\\d+) of");
        for (int i = 0; i < 10; i++) {
            boolean short_ = model().volumes().rows().stream().anyMatch(r -> {
                java.util.regex.Matcher m = collecting.matcher(String.valueOf(r.forecastProperty().get()));
                return m.find() && Integer.parseInt(m.group(1)) < readings;
            });
            if (!short_) {
                return;
            }
            refresh();
        }
    }

    public ConsoleViewModel model() {
        return assembly.model();
    }

    public ConsoleAssembly assembly() {
        return assembly;
    }

    public Scene scene() {
        return stage.getScene();
    }

    public BufferedImage screenshot(String name) {
        return Screenshots.save(stage.getScene(), name);
    }

    @Override
    public void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.hide();
            stage.titleProperty().unbind();
        }).get(10, TimeUnit.SECONDS);
        assembly.close();
        servers.forEach(NodeServer::close);
        FxToolkit.cleanupStages();
    }
}
