package dev.graphfleet.console.view;

import dev.graphfleet.console.viewmodel.ActionsViewModel;
import dev.graphfleet.console.viewmodel.NodeHistory;
import dev.graphfleet.console.viewmodel.NodeViewModel;
import dev.graphfleet.console.viewmodel.OperatorViewModel;
import dev.graphfleet.console.viewmodel.Units;
import java.util.List;
import java.util.function.DoubleFunction;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * One node drilled into from the Fleet view (Enter or a double click on its row): its figures, its
 * databases with their buffer and connection pools, its attachments, and the actions on it. A
 * drawer on the right; Esc, × or back ({@code [}) closes it.
 */
final class NodePanel extends VBox {

    private final OperatorViewModel operator;
    private final GridPane figures = grid("node-figures");
    private final GridPane databases = grid("node-databases");
    private final GridPane attachments = grid("node-attachments");
    private final FlowPane actions = new FlowPane(8, 8);

    NodePanel(OperatorViewModel operator) {
        super(12);
        this.operator = operator;
        NodeViewModel model = operator.node();
        setId("node-panel");
        getStyleClass().addAll(Styles.OVERLAY_PANEL, Styles.NODE_PANEL);
        setMaxWidth(600);
        setPrefWidth(600);
        visibleProperty().bind(model.instanceIdProperty().isNotEmpty());
        managedProperty().bind(visibleProperty());

        Label title = new Label();
        title.setId("node-title");
        title.getStyleClass().add(Styles.ACTION_TITLE);
        title.textProperty().bind(model.titleProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button close = new Button("×");
        close.setId("node-close");
        close.setFocusTraversable(false);
        close.setOnAction(e -> operator.closeNode());
        HBox head = new HBox(8, title, spacer, close);
        head.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label();
        note.setId("node-note");
        note.getStyleClass().add(Styles.OVERLAY_HINT);
        note.setWrapText(true);
        note.textProperty().bind(model.noteProperty());
        note.visibleProperty().bind(model.noteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());

        actions.setId("node-actions");
        VBox body = new VBox(12, figures, section("History"), history(model), section("Databases"), databases, section("Attachments"), attachments,
                section("Actions"), actions);
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Styles.NODE_SCROLL);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(head, note, scroll);

        model.figures().addListener((ListChangeListener<NodeViewModel.Figure>) c -> fillFigures(model.figures()));
        model.databases().addListener((ListChangeListener<NodeViewModel.Database>) c -> fillDatabases(model.databases()));
        model.attachments().addListener((ListChangeListener<NodeViewModel.Attachment>) c ->
                fillAttachments(model.attachments()));
        model.instanceIdProperty().addListener((obs, was, now) -> fillActions());
        model.databases().addListener((ListChangeListener<NodeViewModel.Database>) c -> fillActions());
        operator.readOnlyProperty().addListener((obs, was, now) -> fillActions());
    }

    /** Memory, connections and volume over the range chosen (5 min, 1 h, 6 h of what the console kept). */
    private static VBox history(NodeViewModel model) {
        ToggleGroup group = new ToggleGroup();
        HBox ranges = new HBox(4);
        ranges.setId("node-history-range");
        ranges.getStyleClass().add(Styles.HISTORY_RANGE);
        for (NodeHistory.Range r : NodeHistory.Range.values()) {
            ToggleButton button = new ToggleButton(r.label());
            button.setId("node-history-" + r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.setFocusTraversable(false);
            button.setToggleGroup(group);
            button.setUserData(r);
            button.setSelected(model.rangeProperty().get() == r);
            ranges.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one range is always chosen
            } else {
                model.rangeProperty().set((NodeHistory.Range) now.getUserData());
            }
        });
        Label note = new Label();
        note.setId("node-history-note");
        note.getStyleClass().add(Styles.OVERLAY_HINT);
        note.setWrapText(true);
        note.textProperty().bind(model.historyNoteProperty());
        VBox box = new VBox(6, ranges, note);
        box.setId("node-history");
        for (NodeHistory.Metric m : NodeHistory.Metric.values()) {
            HistoryChart chart = new HistoryChart(Double.NaN);
            chart.setId("node-history-" + m.name().toLowerCase(java.util.Locale.ROOT));
            chart.setMinHeight(110);
            chart.setPrefHeight(120);
            DoubleFunction<String> unit = switch (m) {
                case MEMORY -> v -> Units.bytes(Math.round(v));
                case CONNECTIONS -> v -> Long.toString(Math.round(v));
                case VOLUME -> Units::gigabytes;
            };
            chart.setSeries(model.historyProperty(m).get(), unit, Double.NaN);
            model.historyProperty(m).addListener((obs, was, now) -> chart.setSeries(now, unit, Double.NaN));
            Label title = new Label(m.title() + ": " + m.valueName() + " (solid) against " + m.limitName() + " (thin)");
            title.getStyleClass().add(Styles.NODE_FIGURE_NAME);
            box.getChildren().addAll(title, chart);
        }
        return box;
    }

    private static GridPane grid(String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.setHgap(14);
        grid.setVgap(4);
        return grid;
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.SECTION_TITLE);
        return label;
    }

    private static Label cell(String text, String styleClass) {
        Label label = new Label(text);
        boolean heading = Styles.NODE_FIGURE_NAME.equals(styleClass) || Styles.NODE_HEAD.equals(styleClass);
        label.setWrapText(!heading); // values wrap; names keep their width
        if (heading) {
            label.setMinWidth(Region.USE_PREF_SIZE);
        }
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    private void fillFigures(List<NodeViewModel.Figure> list) {
        figures.getChildren().clear();
        for (int i = 0; i < list.size(); i++) {
            figures.addRow(i, cell(list.get(i).name(), Styles.NODE_FIGURE_NAME), cell(list.get(i).value(), null));
        }
    }

    private void fillDatabases(List<NodeViewModel.Database> list) {
        databases.getChildren().clear();
        if (list.isEmpty()) {
            databases.addRow(0, cell("—", Styles.OVERLAY_HINT));
            return;
        }
        databases.addRow(0, cell("Database", Styles.NODE_HEAD), cell("Buffer pool", Styles.NODE_HEAD),
                cell("Connections", Styles.NODE_HEAD));
        for (int i = 0; i < list.size(); i++) {
            NodeViewModel.Database d = list.get(i);
            databases.addRow(i + 1, cell(d.name(), null), cell(d.bufferPool(), null), cell(d.connections(), null));
        }
    }

    private void fillAttachments(List<NodeViewModel.Attachment> list) {
        attachments.getChildren().clear();
        if (list.isEmpty()) {
            attachments.addRow(0, cell("none", Styles.OVERLAY_HINT));
            return;
        }
        attachments.addRow(0, cell("Repository", Styles.NODE_HEAD), cell("Phase", Styles.NODE_HEAD), cell("Version", Styles.NODE_HEAD),
                cell("Progress", Styles.NODE_HEAD), cell("Error", Styles.NODE_HEAD));
        for (int i = 0; i < list.size(); i++) {
            NodeViewModel.Attachment a = list.get(i);
            attachments.addRow(i + 1, cell(a.repository(), null), cell(a.phase(), a.styleClass()), cell(a.version(), null),
                    cell(a.progress(), null), cell(a.error(), Styles.NODE_ERROR));
        }
    }

    private void fillActions() {
        actions.getChildren().clear();
        for (ActionsViewModel.Choice choice : operator.nodeChoices()) {
            Button button = new Button(choice.title());
            button.setDisable(!choice.enabled());
            button.getStyleClass().add(Styles.NODE_ACTION);
            button.setOnAction(e -> operator.actions().request(choice));
            actions.getChildren().add(button);
        }
        if (actions.getChildren().isEmpty()) {
            actions.getChildren().add(cell("none on this node", Styles.OVERLAY_HINT));
        } else if (operator.readOnlyProperty().get()) {
            actions.getChildren().add(cell("read-only: actions are off", Styles.OVERLAY_HINT));
        }
    }
}
