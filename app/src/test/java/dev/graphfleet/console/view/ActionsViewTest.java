package dev.graphfleet.console.view;

import static dev.graphfleet.console.view.ViewAssertions.states;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.OperatorSettings;
import dev.graphfleet.console.service.NodeDetailReader;
import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.Fleets;
import dev.graphfleet.console.testing.NodeServer;
import dev.graphfleet.console.viewmodel.ActionsViewModel.Stage;
import dev.graphfleet.console.viewmodel.PaletteViewModel;
import dev.graphfleet.fleet.nodes.NodesFleetSource;
import dev.graphfleet.fleet.nodes.ProbeOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Invalidating a database on real loopback nodes: the confirmation, the outcome, and read-only. */
class ActionsViewTest {

    private NodeServer replicaA;
    private ConsoleHarness console;

    private void open(boolean readOnly) throws Exception {
        replicaA = NodeServer.start(Fleets.replica("replica-a"));
        NodesFleetSource source = NodesFleetSource.create(List.of(NodeServer.start(Fleets.writer()).uri(),
                replicaA.uri()), new ProbeOptions(ConsoleHarness.NODE_TIMEOUT, ProbeOptions.DEFAULT_PARALLELISM, null));
        ConsoleConfig config = new ConsoleConfig(source, NodeDetailReader.create(ConsoleHarness.NODE_TIMEOUT, null),
                Duration.ofSeconds(1), false, null, OperatorSettings.nodes(readOnly));
        console = ConsoleHarness.show(config, List.of(replicaA));
        console.refresh();
        WaitForAsyncUtils.asyncFx(() -> console.scene().getRoot().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        console.close();
    }

    /** The action runs on its own thread; this waits (with a deadline) until its answer reached the screen. */
    private void awaitStage(Stage stage) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> console.assembly().operator().actions()
                .stageProperty().get() == stage);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> lines(String id) {
        return console.find("#" + id, VBox.class).getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void invalidateSaysWhichNodeAndDatabaseThenShowsTheOutcomeInThePanelAndStatusBar() throws Exception {
        open(false);
        console.robot().write(":").write("invalidate sec replica-a").type(KeyCode.ENTER);
        awaitStage(Stage.CONFIRMING);

        assertThat(console.find("#action-title", Label.class).getText()).isEqualTo("Invalidate sec on replica-a");
        assertThat(console.find("#action-kind", Label.class).getText()).isEqualTo("Changes no data");
        assertThat(lines("action-plan")).containsExactly(
                "Node: replica-a (" + replicaA.uri() + ")",
                "Database: sec",
                "POST /databases/sec/invalidate: the node closes sec's connections and its Database once the "
                        + "connections in use come back; new queries wait meanwhile.",
                "The next query reopens it and sees every committed write. No data is changed; other databases are "
                        + "untouched.");
        assertThat(console.find("#action-confirm", Button.class).getText()).isEqualTo("Run it");
        assertThat(console.find("#action-cancel", Button.class).isFocused())
                .as("Enter on a fresh plan does not confirm it").isTrue();
        assertThat(replicaA.invalidated()).isEmpty();
        console.screenshot("action-confirm-invalidate");

        console.robot().clickOn("#action-confirm");
        awaitStage(Stage.DONE);

        Label outcome = console.find("#action-outcome", Label.class);
        assertThat(outcome.getText()).isEqualTo("Invalidated sec on replica-a (it was open; the next query reopens it)");
        assertThat(states(outcome)).contains("ok");
        assertThat(console.find("#status-action", Label.class).getText())
                .isEqualTo("✔ Invalidated sec on replica-a (it was open; the next query reopens it)");
        assertThat(replicaA.invalidated()).containsExactly("sec");
        console.screenshot("action-outcome-invalidate");

        console.robot().type(KeyCode.ESCAPE);
        assertThat(console.find("#action-overlay", javafx.scene.layout.StackPane.class).isVisible()).isFalse();
        assertThat(console.find("#status-action", Label.class).getText()).startsWith("✔ Invalidated sec");
    }

    @Test
    void readOnlyDisablesEveryActionVisiblyUntilTurnedOff() throws Exception {
        open(true);

        assertThat(console.find("#read-only-note", Label.class).isVisible()).isTrue();
        assertThat(console.find("#read-only", ToggleButton.class).getText()).isEqualTo("Read-only: on");
        MenuButton menu = console.find("#actions-menu", MenuButton.class);
        assertThat(menu.isDisabled()).isTrue();
        assertThat(menu.getText()).isEqualTo("Actions (read-only)");

        console.robot().write(":").write("invalidate");
        @SuppressWarnings("unchecked")
        ListView<PaletteViewModel.Entry> list = console.find("#palette-list", ListView.class);
        assertThat(list.getItems()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.category()).isEqualTo("Action");
            assertThat(e.enabled()).isFalse();
            assertThat(e.disabledReason()).startsWith("read-only");
        });
        console.robot().type(KeyCode.ENTER);
        assertThat(console.find("#palette-message", Label.class).getText())
                .endsWith(": read-only: actions are off (turn read-only off to act)");
        console.screenshot("read-only-palette");
        assertThat(replicaA.invalidated()).isEmpty();
        console.robot().type(KeyCode.ESCAPE);

        console.robot().clickOn("#read-only");

        assertThat(menu.isDisabled()).isFalse();
        assertThat(menu.getText()).isEqualTo("Actions");
        assertThat(console.find("#read-only-note", Label.class).isVisible()).isFalse();
    }

    @Test
    void aListOfNodesSaysWhyItCannotSnapshot() throws Exception {
        open(false);
        console.robot().write(":").write("volume monitor").type(KeyCode.ENTER);

        assertThat(console.find("#palette-message", Label.class).getText()).isEqualTo("Run the volume monitor "
                + "(plan, then apply): " + OperatorSettings.NODES_ONLY);
    }
}
