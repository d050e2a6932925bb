package dev.graphfleet.console;

import dev.graphfleet.console.service.Backoff;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.FleetPoller;
import dev.graphfleet.console.service.LatestOnFxThread;
import dev.graphfleet.console.service.actions.ActionRunner;
import dev.graphfleet.console.view.ConsoleView;
import dev.graphfleet.console.view.FxTicker;
import dev.graphfleet.console.view.OperatorLayer;
import dev.graphfleet.console.viewmodel.ActionsViewModel;
import dev.graphfleet.console.viewmodel.EnvironmentBadge;
import dev.graphfleet.console.viewmodel.OperatorViewModel;
import dev.graphfleet.console.viewmodel.Ticker;
import dev.graphfleet.console.view.EmptyStateView;
import dev.graphfleet.console.viewmodel.ConsoleViewModel;
import java.time.Clock;
import java.time.ZoneId;
import javafx.application.Platform;
import javafx.scene.Parent;

/**
 * Wires the console together (on the FX thread): the poller reads the source on its own thread,
 * each refresh reaches the view-models on the FX thread (the newest only, when the FX thread lags),
 * the views show the view-models. Without a source, the empty state.
 */
public final class ConsoleAssembly implements AutoCloseable {

    private final Parent root;
    private final ConsoleViewModel model;
    private final FleetPoller poller;
    private final OperatorViewModel operator;
    private final ActionRunner actions;

    private ConsoleAssembly(Parent root, ConsoleViewModel model, FleetPoller poller, OperatorViewModel operator,
                            ActionRunner actions) {
        this.root = root;
        this.model = model;
        this.poller = poller;
        this.operator = operator;
        this.actions = actions;
    }

    public static ConsoleAssembly create(ConsoleConfig config, Clock clock, ZoneId zone) {
        return create(config, clock, zone, new FxTicker());
    }

    /** With the ticker of the action countdown (tests tick by hand). */
    public static ConsoleAssembly create(ConsoleConfig config, Clock clock, ZoneId zone, Ticker ticker) {
        if (!config.hasSource()) {
            return new ConsoleAssembly(new EmptyStateView(config.dark(),
                    config.localFleetDir() == null ? null : config.localFleetDir().toString()), null, null, null, null);
        }
        ConsoleViewModel model = new ConsoleViewModel(config.source().name(), zone);
        model.darkThemeProperty().set(config.dark());
        Backoff backoff = new Backoff(config.interval(),
                config.interval().compareTo(ConsoleConfig.MAX_BACKOFF) > 0 ? config.interval() : ConsoleConfig.MAX_BACKOFF);
        OperatorSettings settings = config.operator();
        ActionRunner actions = new ActionRunner(settings.actions());
        ActionsViewModel actionsModel = new ActionsViewModel(actions, Platform::runLater, ticker,
                model::refreshNow); // show what the action changed at once
        OperatorViewModel operator = new OperatorViewModel(model, actionsModel,
                EnvironmentBadge.of(settings.kind(), settings.environment()), settings.readOnly(), zone);
        FleetPoller poller = new FleetPoller(config.source(), config.details(), backoff, clock,
                new LatestOnFxThread<ConsoleState>(Platform::runLater, state -> {
                    model.apply(state);
                    operator.apply(state);
                }));
        model.setRefreshAction(poller::refreshNow);
        poller.setDetailsWanted(model.sectionProperty().get().needsNodeDetails());
        model.sectionProperty().addListener((obs, was, now) -> {
            poller.setDetailsWanted(now.needsNodeDetails() || !operator.node().instanceIdProperty().get().isEmpty());
            if (now.needsNodeDetails() && !was.needsNodeDetails()) {
                poller.refreshNow(); // show the details now rather than at the next tick
            }
        });
        // A node's drill-down shows its databases and attachments: the details, while it is open.
        operator.node().instanceIdProperty().addListener((obs, was, now) -> {
            poller.setDetailsWanted(!now.isEmpty() || model.sectionProperty().get().needsNodeDetails());
            if (!now.isEmpty()) {
                poller.refreshNow();
            }
        });
        return new ConsoleAssembly(new OperatorLayer(operator, new ConsoleView(model)), model, poller, operator,
                actions);
    }

    /** Starts refreshing (nothing to start for the empty state). */
    public void start() {
        if (poller != null) {
            poller.start();
        }
    }

    public Parent root() {
        return root;
    }

    /** Null for the empty state. */
    public ConsoleViewModel model() {
        return model;
    }

    /** Null for the empty state. */
    public OperatorViewModel operator() {
        return operator;
    }

    /** Null for the empty state. */
    public FleetPoller poller() {
        return poller;
    }

    public String title() {
        return poller == null ? "Graphfleet console" : "Graphfleet console — " + poller.sourceName();
    }

    @Override
    public void close() {
        if (poller != null) {
            poller.close();
        }
        if (actions != null) {
            actions.close();
        }
    }
}
