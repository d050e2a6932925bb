package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.ConsoleSection;
import dev.graphfleet.console.viewmodel.ConsoleViewModel;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/**
 * The console's window content: a header (source, refresh, theme), the unreachable-source banner,
 * one tab per view, and a status bar with the last refresh and what is wrong.
 */
public final class ConsoleView extends BorderPane {

    private final StatusBar statusBar;

    public ConsoleView(ConsoleViewModel model) {
        setId("console");
        Themes.apply(this, model.darkThemeProperty().get());
        model.darkThemeProperty().addListener((obs, was, dark) -> Themes.apply(this, dark));

        TabPane tabs = tabs(model);
        setTop(new VBox(header(model, tabs), banner(model)));
        tabs.getStyleClass().add(Styles.VIEWS);
        model.sourceUnreachableProperty().addListener((obs, was, now) ->
                tabs.pseudoClassStateChanged(Styles.STATE_STALE, now));
        setCenter(tabs);
        statusBar = statusBar(model);
        setBottom(statusBar);
    }

    /** Puts {@code item} at the left end of the status bar's right side (e.g. the last action's outcome). */
    public void addStatusItem(Node item) {
        statusBar.getRightItems().add(0, item);
    }

    private static HBox header(ConsoleViewModel model, TabPane tabs) {
        Label title = new Label("Graphfleet");
        title.getStyleClass().add(Styles.APP_TITLE);
        Label source = new Label();
        source.setId("source-name");
        source.getStyleClass().add(Styles.SOURCE_LABEL);
        source.textProperty().bind(model.sourceProperty().map(s -> "Source: " + s));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button("Refresh now");
        refresh.setId("refresh-now");
        refresh.setOnAction(e -> model.refreshNow());
        ToggleButton dark = new ToggleButton("Dark theme");
        dark.setId("dark-theme");
        dark.selectedProperty().bindBidirectional(model.darkThemeProperty());
        Label exported = new Label();
        exported.setId("export-outcome");
        exported.getStyleClass().add(Styles.SOURCE_LABEL);
        exported.textProperty().bind(model.exports().outcomeProperty());
        ExportMenu export = new ExportMenu(model.exports(), () -> tabs.getSelectionModel().getSelectedItem().getContent(),
                () -> tabs.getSelectionModel().getSelectedItem().getText());
        HBox header = new HBox(title, source, spacer, exported, export, refresh, dark);
        header.getStyleClass().add(Styles.HEADER);
        return header;
    }

    private static HBox banner(ConsoleViewModel model) {
        Label text = new Label();
        text.setId("source-banner-text");
        text.setWrapText(true);
        text.textProperty().bind(model.bannerProperty());
        HBox banner = new HBox(text);
        banner.setId("source-banner");
        banner.getStyleClass().add(Styles.BANNER);
        banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private static TabPane tabs(ConsoleViewModel model) {
        Map<ConsoleSection, Supplier<Node>> views = new EnumMap<>(ConsoleSection.class);
        views.put(ConsoleSection.OVERVIEW, () -> new OverviewView(model.overview()));
        views.put(ConsoleSection.FLEET, () -> new FleetView(model.fleet()));
        views.put(ConsoleSection.BUFFER_POOLS, () -> new MemoryView(model.memory()));
        views.put(ConsoleSection.CONNECTIONS, () -> new ConnectionsView(model.connections()));
        views.put(ConsoleSection.VOLUMES, () -> new VolumesView(model.volumes()));
        views.put(ConsoleSection.ATTACHMENTS, () -> new AttachmentsView(model.attachments()));
        TabPane tabs = new TabPane();
        tabs.setId("views");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (ConsoleSection section : ConsoleSection.values()) {
            Tab tab = new Tab(section.title());
            tab.setId("tab-" + section.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            tab.setUserData(section);
            // A view is built the first time it is shown: the first frame needs only one.
            tab.selectedProperty().addListener((obs, was, now) -> {
                if (now && tab.getContent() == null) {
                    tab.setContent(views.get(section).get());
                }
            });
            tabs.getTabs().add(tab);
        }
        Tab first = tabs.getTabs().get(model.sectionProperty().get().ordinal());
        first.setContent(views.get(model.sectionProperty().get()).get());
        tabs.getSelectionModel().select(first);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) ->
                model.sectionProperty().set((ConsoleSection) now.getUserData()));
        model.sectionProperty().addListener((obs, was, now) -> tabs.getSelectionModel().select(now.ordinal()));
        return tabs;
    }

    private static StatusBar statusBar(ConsoleViewModel model) {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(model.statusProperty());
        Label problems = new Label();
        problems.setId("status-problems");
        problems.getStyleClass().add(Styles.STATUS_PROBLEMS);
        problems.textProperty().bind(model.problemsProperty().map(p -> p.isEmpty() ? "No problems" : p));
        // only a change between none and some touches the state (a change means a CSS pass)
        model.problemsProperty().addListener((obs, was, now) -> {
            if (was.isEmpty() != now.isEmpty()) {
                problems.pseudoClassStateChanged(Styles.STATE_HAS_PROBLEMS, !now.isEmpty());
            }
        });
        bar.getRightItems().add(problems);
        return bar;
    }
}
