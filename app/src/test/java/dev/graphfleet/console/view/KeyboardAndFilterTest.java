package dev.graphfleet.console.view;

import static dev.graphfleet.console.view.ViewAssertions.rows;
import static dev.graphfleet.console.view.ViewAssertions.states;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.NodeServer;
import dev.graphfleet.console.viewmodel.ConsoleSection;
import dev.graphfleet.console.viewmodel.InstanceRow;
import dev.graphfleet.console.viewmodel.PaletteViewModel;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The keys on four real loopback nodes: palette, filter syntax, help, back/forward, sort, notifications. */
class KeyboardAndFilterTest {

    private NodeServer replicaB;
    private ConsoleHarness console;

    @BeforeEach
    void fleet() throws Exception {
        replicaB = NodeServer.start(Fleets.replica("replica-b"));
        console = ConsoleHarness.open(List.of(NodeServer.start(Fleets.writer()), NodeServer.start(Fleets.master()),
                NodeServer.start(Fleets.replica("replica-a")), replicaB), List.of(), false);
        console.refresh();
        focusWindow();
        console.robot().write("2"); // from the Overview to the Fleet view
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    /** The keys act when no text box has the focus. */
    private void focusWindow() {
        WaitForAsyncUtils.asyncFx(() -> console.scene().getRoot().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> paletteLabels() {
        @SuppressWarnings("unchecked")
        ListView<PaletteViewModel.Entry> list = console.find("#palette-list", ListView.class);
        return list.getItems().stream().map(PaletteViewModel.Entry::text).toList();
    }

    @Test
    void colonOpensThePaletteWhichFiltersFuzzilyAndRunsTheChoice() throws Exception {
        console.robot().write(":");

        assertThat(console.find("#palette-overlay", StackPane.class).isVisible()).isTrue();
        assertThat(console.find("#palette-query", TextField.class).isFocused()).isTrue();
        assertThat(paletteLabels()).contains("View: Fleet  (2)", "Command: Refresh now  (r)",
                "Action: Invalidate sec on replica-a");

        console.robot().write("inv sec repa");
        assertThat(paletteLabels()).first().isEqualTo("Action: Invalidate sec on replica-a");
        console.robot().eraseText("inv sec repa".length()).write("vol");
        assertThat(paletteLabels()).first().isEqualTo("View: Volumes  (5)");
        console.screenshot("palette-filtered");

        console.robot().type(KeyCode.ENTER);

        assertThat(console.find("#palette-overlay", StackPane.class).isVisible()).isFalse();
        assertThat(console.model().sectionProperty().get()).isEqualTo(ConsoleSection.VOLUMES);
    }

    @Test
    void slashFocusesTheFilterWhichReadsTagsRegexesAndInversion() throws Exception {
        console.robot().write("/");
        TextField filter = console.find("#fleet-filter", TextField.class);
        assertThat(filter.isFocused()).isTrue();

        console.robot().write("role:replica !replica-b");
        assertThat(ids()).containsExactly("replica-a");

        console.robot().eraseText(30).write("/^(writer|master)-1$/");
        assertThat(ids()).containsExactly("writer-1", "master-1");
        assertThat(states(filter)).doesNotContain("error");
        console.screenshot("filter-regex");

        replicaB.stop();
        console.refresh();
        console.robot().eraseText(30).write("health:down");
        assertThat(ids()).containsExactly("replica-b");

        console.robot().eraseText(30).write("/[a/");
        assertThat(states(filter)).contains("error");
        assertThat(filter.getTooltip().getText()).startsWith("bad regex /[a/");
        assertThat(rows(console, "instance-table")).isEqualTo(4); // a term it cannot read hides nothing
    }

    @Test
    void everyListHasTheSameFilter() throws Exception {
        console.robot().write("6");
        console.refresh(); // the attachments come with the node details
        console.robot().write("/").write("!node:replica");
        assertThat(ViewAssertions.texts(console, "attachments-table")).contains("master-1").doesNotContain("replica-a");

        console.robot().type(KeyCode.ESCAPE).write("4").write("/").write("database:sec node:/-a$/");
        assertThat(rows(console, "connections-table")).isEqualTo(1);
        assertThat(ViewAssertions.texts(console, "connections-table")).contains("replica-a");

        console.robot().type(KeyCode.ESCAPE).write("3").write("/").write("role:replica");
        assertThat(rows(console, "memory-table")).isEqualTo(2);
    }

    private List<String> ids() {
        @SuppressWarnings("unchecked")
        TableView<InstanceRow> table = console.find("#instance-table", TableView.class);
        return table.getItems().stream().map(InstanceRow::id).toList();
    }

    @Test
    void questionMarkShowsEveryKeyAndEscapeClosesIt() throws Exception {
        console.robot().write("?");

        StackPane help = console.find("#help-overlay", StackPane.class);
        assertThat(help.isVisible()).isTrue();
        List<String> texts = console.robot().lookup("#help-panel .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(texts).contains(":", "/", "?", "[  or  Alt+←", "s  /  S", "Ctrl+E  /  Ctrl+Shift+E", "Esc")
                .anyMatch(t -> t.startsWith("filter the list on screen: text, /regex/, tag:value"));
        console.screenshot("help-overlay");

        console.robot().type(KeyCode.ESCAPE);
        assertThat(help.isVisible()).isFalse();
    }

    @Test
    void numbersSwitchViewsAndBracketsGoBackAndForward() throws Exception {
        console.robot().write("5");
        assertThat(console.model().sectionProperty().get()).isEqualTo(ConsoleSection.VOLUMES);
        console.robot().write("3");
        assertThat(console.model().sectionProperty().get()).isEqualTo(ConsoleSection.BUFFER_POOLS);

        console.robot().write("[");
        assertThat(console.model().sectionProperty().get()).isEqualTo(ConsoleSection.VOLUMES);
        console.robot().press(KeyCode.ALT).press(KeyCode.LEFT).release(KeyCode.LEFT).release(KeyCode.ALT);
        assertThat(console.model().sectionProperty().get()).isEqualTo(ConsoleSection.FLEET);
        console.robot().write("]");
        assertThat(console.model().sectionProperty().get()).isEqualTo(ConsoleSection.VOLUMES);
    }

    @Test
    void sSortsTheListByTheNextColumnAndCapitalSReverses() throws Exception {
        @SuppressWarnings("unchecked")
        TableView<InstanceRow> table = console.find("#instance-table", TableView.class);

        console.robot().write("s");
        assertThat(table.getSortOrder()).extracting(c -> c.getText()).containsExactly("Health");
        console.robot().write("s");
        assertThat(table.getSortOrder()).extracting(c -> c.getText()).containsExactly("Instance");
        assertThat(ids()).containsExactly("master-1", "replica-a", "replica-b", "writer-1");
        console.robot().write("S");
        assertThat(ids()).containsExactly("writer-1", "replica-b", "replica-a", "master-1");
    }

    @Test
    void aDoubleClickOnAnInstanceDrillsDownToItsDatabasesAttachmentsAndActions() throws Exception {
        console.robot().doubleClickOn("replica-a");
        console.refresh(); // the drill-down reads the node's details from now on

        VBox panel = console.find("#node-panel", VBox.class);
        assertThat(panel.isVisible()).isTrue();
        assertThat(console.find("#node-title", Label.class).getText()).isEqualTo("replica-a · shared replica · healthy");
        assertThat(texts("#node-figures")).contains("Health", "healthy", "Uptime", "3 h 25 min", "Connections");
        assertThat(texts("#node-databases")).containsSequence("sec", "5.0 GiB", "3 in use · 5 idle · 100 max");
        assertThat(texts("#node-attachments")).containsSequence("sec", "attached");
        assertThat(console.robot().lookup("#node-actions .button").queryAllAs(javafx.scene.control.Button.class))
                .extracting(javafx.scene.control.Button::getText).containsExactly("Invalidate sec on replica-a");
        console.screenshot("node-drilldown");

        console.robot().write("[");
        assertThat(panel.isVisible()).as("back closes the drill-down").isFalse();
        console.robot().write("]");
        assertThat(console.find("#node-title", Label.class).getText()).startsWith("replica-a");
        assertThat(panel.isVisible()).isTrue();
        console.robot().type(KeyCode.ESCAPE);
        assertThat(panel.isVisible()).isFalse();
    }

    private List<String> texts(String query) {
        return console.robot().lookup(query + " .label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    @Test
    void aReplicaGoingDownIsANotification() throws Exception {
        replicaB.stop();
        console.refresh();

        VBox area = console.find("#notifications", VBox.class);
        assertThat(area.getChildren()).singleElement().satisfies(card -> {
            assertThat(card.getStyleClass()).contains("notification", "notification-problem");
            assertThat(((HBox) card).getChildren().stream().filter(Label.class::isInstance)
                    .map(n -> ((Label) n).getText())).anyMatch(t -> t.startsWith("replica-b (shared replica) is down "
                    + "(unreachable)"));
        });
        console.screenshot("notification-replica-down");
        var views = console.find("#views", javafx.scene.control.TabPane.class);
        assertThat(area.localToScene(area.getLayoutBounds()).intersects(views.localToScene(views.getLayoutBounds())))
                .as("a notification never covers a view").isFalse();

        replicaB.resume();
        console.refresh();
        assertThat(area.getChildren()).hasSize(2).first().satisfies(card ->
                assertThat(card.getStyleClass()).contains("notification-recovery"));
    }
}
