package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.ConsoleState;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The operator's side of the console, next to the views: the environment band, read-only mode,
 * actions, the command palette, notifications, the help overlay and back/forward through the
 * places visited. {@link #apply} runs on the FX thread with each refresh.
 */
public final class OperatorViewModel {

    private final ConsoleViewModel console;
    private final ActionsViewModel actions;
    private final NotificationsViewModel notifications;
    private final Navigation navigation;
    private final PaletteViewModel palette;
    private final EnvironmentBadge environment;
    private final NodeViewModel node;
    private final BooleanProperty helpShown = new SimpleBooleanProperty(this, "helpShown");
    private ConsoleState latest;

    public OperatorViewModel(ConsoleViewModel console, ActionsViewModel actions, EnvironmentBadge environment,
                             boolean readOnly, ZoneId zone) {
        this.console = Objects.requireNonNull(console, "console");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.node = new NodeViewModel(console.overview().history());
        this.notifications = new NotificationsViewModel(zone);
        this.navigation = new Navigation(Navigation.Place.of(console.sectionProperty().get()));
        this.palette = new PaletteViewModel(this::paletteEntries);
        // What a running job does to its nodes is its doing: the notifications say so instead of alarming.
        actions.stageProperty().addListener((obs, was, now) -> {
            if (now == ActionsViewModel.Stage.RUNNING) {
                notifications.jobStarted(actions.currentRequest());
            } else if (was == ActionsViewModel.Stage.RUNNING) {
                notifications.jobEnded();
            }
        });
        actions.readOnlyProperty().set(readOnly);
        // Switching views (a tab, a key, the palette) is a visit; back/forward moves the views.
        console.sectionProperty().addListener((obs, was, now) -> {
            if (navigation.currentProperty().get().section() != now) {
                navigation.visit(Navigation.Place.of(now));
            }
        });
        navigation.currentProperty().addListener((obs, was, now) -> {
            console.sectionProperty().set(now.section());
            node.show(now.instanceId());
        });
    }

    /** Opens one node's drill-down (a place of its own: back closes it). */
    public void drillDown(String instanceId) {
        navigation.visit(new Navigation.Place(console.sectionProperty().get(), instanceId));
    }

    /** Closes the drill-down, staying in the view. */
    public void closeNode() {
        if (navigation.currentProperty().get().instanceId() != null) {
            navigation.visit(Navigation.Place.of(console.sectionProperty().get()));
        }
    }

    /** The actions on the node drilled into (invalidate its databases, restart it). */
    public List<ActionsViewModel.Choice> nodeChoices() {
        String id = node.instanceIdProperty().get();
        return actions.choices().stream().filter(c -> id.equals(c.instanceId())).toList();
    }

    /** Takes one refresh (FX thread). */
    public void apply(ConsoleState state) {
        latest = state;
        node.apply(state);
        actions.apply(state);
        notifications.apply(state.fleet());
    }

    /** Views, commands and actions for the palette, gathered when it opens. */
    List<PaletteViewModel.Entry> paletteEntries() {
        List<PaletteViewModel.Entry> entries = new ArrayList<>();
        for (ConsoleSection section : ConsoleSection.values()) {
            entries.add(new PaletteViewModel.Entry("View", section.title() + "  (" + (section.ordinal() + 1) + ")",
                    null, () -> console.sectionProperty().set(section)));
        }
        entries.add(new PaletteViewModel.Entry("Command", "Refresh now  (r)", null, console::refreshNow));
        LiveViewModel<?> live = live(console.sectionProperty().get());
        entries.add(new PaletteViewModel.Entry("Command", (live.isPaused() ? "Resume" : "Pause") + " this view  (p)",
                null, () -> live.setPaused(!live.isPaused())));
        boolean readOnly = actions.readOnlyProperty().get();
        entries.add(new PaletteViewModel.Entry("Command", readOnly ? "Read-only off: allow actions" : "Read-only on: "
                + "disable every action", null, () -> actions.readOnlyProperty().set(!readOnly)));
        boolean dark = console.darkThemeProperty().get();
        entries.add(new PaletteViewModel.Entry("Command", dark ? "Light theme" : "Dark theme", null,
                () -> console.darkThemeProperty().set(!dark)));
        entries.add(new PaletteViewModel.Entry("Command", "Back  ([ or Alt+Left)",
                navigation.canGoBackProperty().get() ? null : "nothing to go back to", navigation::back));
        entries.add(new PaletteViewModel.Entry("Command", "Forward  (] or Alt+Right)",
                navigation.canGoForwardProperty().get() ? null : "nothing to go forward to", navigation::forward));
        entries.add(new PaletteViewModel.Entry("Command", "Keys  (?)", null, () -> helpShown.set(true)));
        entries.add(new PaletteViewModel.Entry("Command", "Clear notifications", null, notifications::clear));
        entries.add(new PaletteViewModel.Entry("Source", console.sourceProperty().get() + "  (on screen)",
                "another source: start the console with --nodes URL,... or --aws --env ENV", () -> { }));
        if (latest != null) {
            latest.fleet().instances().forEach(i -> entries.add(new PaletteViewModel.Entry("Node",
                    i.id() + "  (" + i.health().label() + ")", null, () -> drillDown(i.id()))));
        }
        for (ActionsViewModel.Choice choice : actions.choices()) {
            entries.add(new PaletteViewModel.Entry("Action", choice.title(), choice.disabledReason(),
                    () -> actions.request(choice)));
        }
        return entries;
    }

    /** The view-model of a view, for pause and resume. */
    public LiveViewModel<?> live(ConsoleSection section) {
        return switch (section) {
            case OVERVIEW -> console.overview();
            case FLEET -> console.fleet();
            case BUFFER_POOLS -> console.memory();
            case CONNECTIONS -> console.connections();
            case VOLUMES -> console.volumes();
            case ATTACHMENTS -> console.attachments();
        };
    }

    public ConsoleViewModel console() {
        return console;
    }

    public ActionsViewModel actions() {
        return actions;
    }

    public NotificationsViewModel notifications() {
        return notifications;
    }

    public Navigation navigation() {
        return navigation;
    }

    public PaletteViewModel palette() {
        return palette;
    }

    public NodeViewModel node() {
        return node;
    }

    public EnvironmentBadge environment() {
        return environment;
    }

    public BooleanProperty readOnlyProperty() {
        return actions.readOnlyProperty();
    }

    public BooleanProperty helpShownProperty() {
        return helpShown;
    }
}
