package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.ActionsViewModel;
import dev.graphfleet.console.viewmodel.ConsoleSection;
import dev.graphfleet.console.viewmodel.InstanceRow;
import dev.graphfleet.console.viewmodel.OperatorViewModel;
import dev.graphfleet.console.viewmodel.OverviewRow;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The window around the views: the environment band on top (which fleet, in its colour; read-only;
 * actions), and over the views the notifications, the action panel, the command palette and the
 * help. The keys of the console are handled here.
 */
public final class OperatorLayer extends BorderPane {

    private static final String STYLESHEET = "/dev/graphfleet/assets/operator.css";

    private final OperatorViewModel model;
    private final ConsoleView console;
    private final MenuButton actionsMenu;

    public OperatorLayer(OperatorViewModel model, ConsoleView console) {
        this.model = Objects.requireNonNull(model, "model");
        this.console = Objects.requireNonNull(console, "console");
        setId("operator-layer");
        theme(model.console().darkThemeProperty().get());
        model.console().darkThemeProperty().addListener((obs, was, dark) -> theme(dark));

        actionsMenu = actionsMenu();
        setTop(band());
        // A strip of its own under the views: a notification never covers a pane (issue 15).
        NotificationArea notifications = new NotificationArea(model.notifications());
        setBottom(notifications);
        NodePanel node = new NodePanel(model);
        StackPane.setAlignment(node, Pos.CENTER_RIGHT);
        StackPane.setMargin(node, new javafx.geometry.Insets(8, 8, 40, 0));
        StackPane layers = new StackPane(console, node, new ActionPanel(model.actions()),
                new PaletteOverlay(model.palette()), new HelpOverlay(model.helpShownProperty()));
        setCenter(layers);

        Label lastAction = new Label();
        lastAction.setId("status-action");
        lastAction.getStyleClass().add(Styles.STATUS_ACTION);
        lastAction.textProperty().bind(model.actions().lastOutcomeProperty());
        lastAction.textProperty().addListener((obs, was, now) ->
                lastAction.pseudoClassStateChanged(Styles.STATE_FAILED, now.startsWith("✖")));
        console.addStatusItem(lastAction);

        addEventFilter(KeyEvent.KEY_TYPED, this::typed);
        addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
        // Enter or a double click on an instance row drills down to that node.
        addEventFilter(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getClickCount() == 2 && inInstanceTable(e.getTarget())) {
                drillDownToSelected();
            }
        });
    }

    /** The console's theme on this root (the palette's names live on the scene root), and the overlays' styles. */
    private void theme(boolean dark) {
        Themes.apply(this, dark);
        URL css = OperatorLayer.class.getResource(STYLESHEET);
        getStylesheets().add(Objects.requireNonNull(css, "missing stylesheet " + STYLESHEET).toExternalForm());
    }

    private HBox band() {
        Label environment = new Label(model.environment().label());
        environment.setId("environment-label");
        environment.getStyleClass().add(Styles.ENVIRONMENT_LABEL);

        Label readOnlyNote = new Label("READ-ONLY");
        readOnlyNote.setId("read-only-note");
        readOnlyNote.getStyleClass().add(Styles.READ_ONLY_NOTE);
        readOnlyNote.visibleProperty().bind(model.readOnlyProperty());
        readOnlyNote.managedProperty().bind(readOnlyNote.visibleProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label keys = new Label(":  commands    /  filter    ?  keys");
        keys.getStyleClass().add(Styles.BAND_HINT);

        ToggleButton readOnly = new ToggleButton();
        readOnly.setId("read-only");
        readOnly.selectedProperty().bindBidirectional(model.readOnlyProperty());
        readOnly.textProperty().bind(model.readOnlyProperty().map(on -> on ? "Read-only: on" : "Read-only: off"));
        readOnly.setTooltip(new Tooltip("Read-only turns every action off"));
        readOnly.setFocusTraversable(false);

        HBox band = new HBox(12, environment, readOnlyNote, spacer, keys, readOnly, actionsMenu);
        band.setId("environment-band");
        band.getStyleClass().addAll(Styles.ENVIRONMENT_BAND, model.environment().styleClass());
        band.setAlignment(Pos.CENTER_LEFT);
        return band;
    }

    /** The actions of the fleet on screen, by kind; rebuilt each time it opens from the newest refresh. */
    private MenuButton actionsMenu() {
        MenuButton menu = new MenuButton();
        menu.setId("actions-menu");
        menu.setFocusTraversable(false);
        menu.textProperty().bind(model.readOnlyProperty().map(on -> on ? "Actions (read-only)" : "Actions"));
        menu.disableProperty().bind(model.readOnlyProperty());
        menu.setOnShowing(e -> fillActions(menu));
        menu.getItems().add(new MenuItem("…")); // a MenuButton with no item does not open
        return menu;
    }

    private void fillActions(MenuButton menu) {
        Map<String, Menu> byKind = new LinkedHashMap<>();
        List<ActionsViewModel.Choice> choices = model.actions().choices();
        for (ActionsViewModel.Choice choice : choices) {
            Menu kind = byKind.computeIfAbsent(choice.group(), Menu::new);
            MenuItem item = new MenuItem(choice.title()
                    + (choice.enabled() ? "" : "  (not available: " + choice.disabledReason() + ")"));
            item.setDisable(!choice.enabled());
            item.setOnAction(e -> model.actions().request(choice));
            kind.getItems().add(item);
        }
        menu.getItems().setAll(byKind.values());
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("No actions before the first refresh");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    private void typed(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || overlayShown()) {
            return;
        }
        String c = e.getCharacter();
        boolean handled = true;
        switch (c) {
            case ":" -> model.palette().open();
            case "/" -> handled = focusFilter();
            case "?" -> model.helpShownProperty().set(!model.helpShownProperty().get());
            case "[" -> model.navigation().back();
            case "]" -> model.navigation().forward();
            case "r" -> model.console().refreshNow();
            case "p" -> model.live(model.console().sectionProperty().get()).setPaused(
                    !model.live(model.console().sectionProperty().get()).isPaused());
            case "s" -> handled = sort(false);
            case "S" -> handled = sort(true);
            case "a" -> {
                if (!actionsMenu.isDisabled()) {
                    actionsMenu.show();
                }
            }
            default -> handled = view(c);
        }
        if (handled) {
            e.consume();
        }
    }

    private boolean view(String c) {
        if (c.length() == 1 && c.charAt(0) >= '1' && c.charAt(0) < '1' + ConsoleSection.values().length) {
            model.console().sectionProperty().set(ConsoleSection.values()[c.charAt(0) - '1']);
            return true;
        }
        return false;
    }

    private void pressed(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            if (model.helpShownProperty().get()) {
                model.helpShownProperty().set(false);
            } else if (model.palette().shownProperty().get()) {
                model.palette().close();
            } else if (model.actions().stageProperty().get() == ActionsViewModel.Stage.DONE) {
                model.actions().dismiss();
            } else if (model.actions().stageProperty().get() != ActionsViewModel.Stage.IDLE) {
                model.actions().cancel();
            } else if (!model.node().instanceIdProperty().get().isEmpty()) {
                model.closeNode();
            } else if (e.getTarget() instanceof TextInputControl) {
                requestFocus(); // leave the text box: the keys work again
            } else {
                return;
            }
            e.consume();
        } else if (e.getCode() == KeyCode.ENTER && inInstanceTable(e.getTarget()) && !overlayShown()) {
            drillDownToSelected();
            e.consume();
        } else if (e.isAltDown() && e.getCode() == KeyCode.LEFT) {
            model.navigation().back();
            e.consume();
        } else if (e.isAltDown() && e.getCode() == KeyCode.RIGHT) {
            model.navigation().forward();
            e.consume();
        } else if (e.getCode() == KeyCode.F5) {
            model.console().refreshNow();
            e.consume();
        }
    }

    private static boolean inInstanceTable(Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if ("instance-table".equals(n.getId()) || "overview-table".equals(n.getId())) {
                return true;
            }
        }
        return false;
    }

    private void drillDownToSelected() {
        Node view = currentView();
        Node found = view == null ? null : view.lookup("#instance-table");
        TableView<?> table = (TableView<?>) (found != null ? found : view == null ? null : view.lookup("#overview-table"));
        Object selected = table == null ? null : table.getSelectionModel().getSelectedItem();
        if (selected instanceof InstanceRow row) {
            model.drillDown(row.id());
        } else if (selected instanceof OverviewRow row) {
            model.drillDown(row.id());
        }
    }

    private boolean overlayShown() {
        return model.palette().shownProperty().get() || model.helpShownProperty().get()
                || model.actions().stageProperty().get() != ActionsViewModel.Stage.IDLE;
    }

    private Node currentView() {
        TabPane tabs = (TabPane) console.lookup("#views");
        return tabs == null || tabs.getSelectionModel().getSelectedItem() == null ? null
                : tabs.getSelectionModel().getSelectedItem().getContent();
    }

    /** {@code /}: the filter box of the view on screen gets the focus, its text selected. */
    private boolean focusFilter() {
        Node view = currentView();
        Node box = view == null ? null : view.lookup(".filter-box");
        if (box instanceof TextInputControl field && field.isVisible()) {
            field.requestFocus();
            field.selectAll();
            return true;
        }
        return false;
    }

    /**
     * {@code s}: sorts the main list on screen (the focused table, else the view's last one) by the next
     * visible column; {@code S} reverses the order of the current sort.
     */
    private boolean sort(boolean reverse) {
        Node view = currentView();
        if (view == null) {
            return false;
        }
        TableView<?> table = null;
        for (Node n : view.lookupAll(".table-view")) {
            if (n instanceof TableView<?> t && t.isVisible()) {
                table = t;
                if (t.isFocused()) {
                    break;
                }
            }
        }
        if (table == null) {
            return false;
        }
        sortNext(table, reverse);
        return true;
    }

    private static <R> void sortNext(TableView<R> table, boolean reverse) {
        List<TableColumn<R, ?>> columns = table.getVisibleLeafColumns();
        if (columns.isEmpty()) {
            return;
        }
        TableColumn<R, ?> current = table.getSortOrder().isEmpty() ? null : table.getSortOrder().get(0);
        if (reverse && current != null) {
            current.setSortType(current.getSortType() == TableColumn.SortType.ASCENDING
                    ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING);
        } else {
            int next = current == null ? 0 : (columns.indexOf(current) + 1) % columns.size();
            TableColumn<R, ?> column = columns.get(next);
            column.setSortType(TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(column));
        }
        table.sort();
    }
}
