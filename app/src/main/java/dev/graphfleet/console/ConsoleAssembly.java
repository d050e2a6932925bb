package dev.graphfleet.console;

import dev.graphfleet.console.service.Backoff;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.FleetPoller;
import dev.graphfleet.console.service.LatestOnFxThread;
import dev.graphfleet.console.view.ConsoleView;
import dev.graphfleet.console.view.EmptyStateView;
import dev.graphfleet.console.viewmodel.ConsoleSection;
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

    private ConsoleAssembly(Parent root, ConsoleViewModel model, FleetPoller poller) {
        this.root = root;
        this.model = model;
        this.poller = poller;
    }

    public static ConsoleAssembly create(ConsoleConfig config, Clock clock, ZoneId zone) {
        if (!config.hasSource()) {
            return new ConsoleAssembly(new EmptyStateView(config.dark(),
                    config.localFleetDir() == null ? null : config.localFleetDir().toString()), null, null);
        }
        ConsoleViewModel model = new ConsoleViewModel(config.source().name(), zone);
        model.darkThemeProperty().set(config.dark());
        Backoff backoff = new Backoff(config.interval(),
                config.interval().compareTo(ConsoleConfig.MAX_BACKOFF) > 0 ? config.interval() : ConsoleConfig.MAX_BACKOFF);
        FleetPoller poller = new FleetPoller(config.source(), config.details(), config.volumes(), backoff, clock,
                new LatestOnFxThread<ConsoleState>(Platform::runLater, model::apply));
        model.setRefreshAction(poller::refreshNow);
        poller.setDetailsWanted(model.sectionProperty().get().needsNodeDetails());
        poller.setVolumesWanted(model.sectionProperty().get() == ConsoleSection.VOLUMES);
        model.sectionProperty().addListener((obs, was, now) -> {
            poller.setDetailsWanted(now.needsNodeDetails());
            poller.setVolumesWanted(now == ConsoleSection.VOLUMES);
            if ((now.needsNodeDetails() && !was.needsNodeDetails()) || now == ConsoleSection.VOLUMES) {
                poller.refreshNow(); // show the details now rather than at the next tick
            }
        });
        return new ConsoleAssembly(new ConsoleView(model), model, poller);
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
    }
}
