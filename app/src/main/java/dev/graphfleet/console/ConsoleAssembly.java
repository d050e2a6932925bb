package dev.graphfleet.console;

import dev.graphfleet.console.service.Backoff;
import dev.graphfleet.console.service.FleetPoller;
import dev.graphfleet.console.service.LatestOnFxThread;
import dev.graphfleet.console.service.actions.ActionRunner;
import dev.graphfleet.console.view.ConsoleView;
import dev.graphfleet.console.view.EmptyStateView;
import dev.graphfleet.console.view.FxTicker;
import dev.graphfleet.console.view.OperatorLayer;
import dev.graphfleet.console.view.StartingView;
import dev.graphfleet.console.view.Styles;
import dev.graphfleet.console.viewmodel.ActionsViewModel;
import dev.graphfleet.console.viewmodel.ConsoleSection;
import dev.graphfleet.console.viewmodel.ConsoleViewModel;
import dev.graphfleet.console.viewmodel.EnvironmentBadge;
import dev.graphfleet.console.viewmodel.OperatorViewModel;
import dev.graphfleet.console.viewmodel.StartupViewModel;
import dev.graphfleet.console.viewmodel.Ticker;
import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Parent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the console together (on the FX thread): the poller reads the source on its own thread,
 * each refresh reaches the view-models on the FX thread (the newest only, when the FX thread lags),
 * the views show the view-models. Without a source, the empty state. A source that takes a while to
 * start (the local fleet) starts after the window is up, behind a splash with its progress; the
 * window's root then becomes the console ({@link #rootProperty}).
 */
public final class ConsoleAssembly implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleAssembly.class);

    private final ReadOnlyObjectWrapper<Parent> root = new ReadOnlyObjectWrapper<>(this, "root");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Graphfleet console");
    private final Clock clock;
    private final ZoneId zone;
    private final Ticker ticker;
    /** What starts the source behind the splash; set later when the empty state's button asks for it. */
    private SourceStarter starter;
    private StartupViewModel startup;
    private ConsoleViewModel model;
    private FleetPoller poller;
    private OperatorViewModel operator;
    private ActionRunner actions;
    private volatile AutoCloseable startedResource;
    private volatile boolean closed;

    private ConsoleAssembly(Clock clock, ZoneId zone, Ticker ticker, SourceStarter starter) {
        this.clock = clock;
        this.zone = zone;
        this.ticker = ticker;
        this.starter = starter;
    }

    public static ConsoleAssembly create(ConsoleConfig config, Clock clock, ZoneId zone) {
        return create(config, clock, zone, new FxTicker());
    }

    /** With the ticker of the action countdown (tests tick by hand). */
    public static ConsoleAssembly create(ConsoleConfig config, Clock clock, ZoneId zone, Ticker ticker) {
        ConsoleAssembly assembly = new ConsoleAssembly(clock, zone, ticker, config.starter());
        if (config.starter() != null) {
            assembly.startup = new StartupViewModel("Starting the local fleet…");
            assembly.root.set(new StartingView(assembly.startup, config.dark()));
        } else {
            assembly.show(config);
        }
        return assembly;
    }

    private void show(ConsoleConfig config) {
        if (!config.hasSource()) {
            root.set(new EmptyStateView(config.dark(),
                    config.localFleetDir() == null ? null : config.localFleetDir().toString()));
            return;
        }
        ConsoleViewModel m = new ConsoleViewModel(config.source().name(), zone);
        m.darkThemeProperty().set(config.dark());
        Backoff backoff = new Backoff(config.interval(),
                config.interval().compareTo(ConsoleConfig.MAX_BACKOFF) > 0 ? config.interval() : ConsoleConfig.MAX_BACKOFF);
        OperatorSettings settings = config.operator();
        ActionRunner runner = new ActionRunner(settings.actions());
        ActionsViewModel actionsModel = new ActionsViewModel(runner, Platform::runLater, ticker,
                m::refreshNow); // show what the action changed at once
        OperatorViewModel op = new OperatorViewModel(m, actionsModel,
                EnvironmentBadge.of(settings.kind(), settings.environment()), settings.readOnly(), zone);
        // each refresh is prepared for the views on the poller's thread; the FX thread only applies it
        LatestOnFxThread<ConsoleViewModel.Refresh> toFxThread = new LatestOnFxThread<>(Platform::runLater, refresh -> {
            m.apply(refresh);
            op.apply(refresh.state());
        });
        FleetPoller p = new FleetPoller(config.source(), config.details(), config.volumes(), backoff, clock,
                state -> toFxThread.accept(m.prepare(state)));
        m.setRefreshAction(p::refreshNow);
        m.exports().setTarget(new FileExports());
        p.setDetailsWanted(m.sectionProperty().get().needsNodeDetails());
        p.setVolumesWanted(m.sectionProperty().get() == ConsoleSection.VOLUMES);
        m.sectionProperty().addListener((obs, was, now) -> {
            p.setDetailsWanted(now.needsNodeDetails() || !op.node().instanceIdProperty().get().isEmpty());
            p.setVolumesWanted(now == ConsoleSection.VOLUMES);
            if ((now.needsNodeDetails() && !was.needsNodeDetails()) || now == ConsoleSection.VOLUMES) {
                p.refreshNow(); // show the details now rather than at the next tick
            }
        });
        // A node's drill-down shows its databases and attachments: the details, while it is open.
        op.node().instanceIdProperty().addListener((obs, was, now) -> {
            p.setDetailsWanted(!now.isEmpty() || m.sectionProperty().get().needsNodeDetails());
            if (!now.isEmpty()) {
                p.refreshNow();
            }
        });
        model = m;
        poller = p;
        operator = op;
        actions = runner;
        title.set("Graphfleet console — " + p.sourceName());
        root.set(new OperatorLayer(op, new ConsoleView(m)));
    }

    /**
     * The empty state offers to start a local fleet here (the installed app ships no {@code ./graphfleet}
     * script): its button shows the splash and starts {@code offer} as a default start does.
     */
    public void offerLocalStart(SourceStarter offer) {
        if (!(root.get() instanceof EmptyStateView empty)) {
            return;
        }
        empty.offerStart(() -> {
            starter = offer;
            startup = new StartupViewModel("Starting the local fleet…");
            root.set(new StartingView(startup, empty.getStyleClass().contains(Styles.THEME_DARK)));
            start();
        });
    }

    /** Starts refreshing, or starting the source first (nothing to start for the empty state). */
    public void start() {
        if (poller != null) {
            poller.start();
        } else if (startup != null) {
            Thread thread = new Thread(this::startSource, "console-source-start");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** On its own thread: the starter's progress goes to the splash; the console replaces it when done. */
    private void startSource() {
        try {
            SourceStarter.Started started = starter.start(line -> Platform.runLater(() -> startup.step(line)));
            startedResource = started.resource();
            Platform.runLater(() -> {
                if (closed) {
                    closeQuietly(started.resource());
                    return;
                }
                show(started.config());
                start();
            });
        } catch (Exception e) {
            LOG.warn("starting the source failed", e);
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            Platform.runLater(() -> startup.fail("The local fleet did not start: " + why + ". Close this window, "
                    + "then start it in a terminal with ./graphfleet local to see every step, or point the console "
                    + "at nodes with --nodes URL,..."));
        }
    }

    /** The window's content: the splash, then the console (or the empty state). */
    public ReadOnlyObjectProperty<Parent> rootProperty() {
        return root.getReadOnlyProperty();
    }

    public Parent root() {
        return root.get();
    }

    /** The splash's model while a source starts; null otherwise. */
    public StartupViewModel startup() {
        return startup;
    }

    /** Null for the empty state and while the source starts. */
    public ConsoleViewModel model() {
        return model;
    }

    /** Null for the empty state and while the source starts. */
    public OperatorViewModel operator() {
        return operator;
    }

    /** Null for the empty state and while the source starts. */
    public FleetPoller poller() {
        return poller;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public String title() {
        return title.get();
    }

    @Override
    public void close() {
        closed = true;
        if (poller != null) {
            poller.close();
        }
        if (actions != null) {
            actions.close();
        }
        closeQuietly(startedResource);
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            LOG.warn("closing {} failed", resource, e);
        }
    }
}
