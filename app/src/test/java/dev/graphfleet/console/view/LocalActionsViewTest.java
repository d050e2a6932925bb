package dev.graphfleet.console.view;

import static dev.graphfleet.console.view.ViewAssertions.states;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.testing.ConsoleHarness;
import dev.graphfleet.console.testing.LocalConsole;
import dev.graphfleet.console.testing.ManualTicker;
import dev.graphfleet.console.viewmodel.ActionsViewModel.Stage;
import dev.graphfleet.local.LocalFleet;
import dev.graphfleet.local.LocalFleetFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Destructive actions on a real local fleet in this process, the countdown ticked by hand. */
class LocalActionsViewTest {

    @TempDir
    Path dir;
    private LocalFleet fleet;
    private ConsoleHarness console;
    private final ManualTicker ticker = new ManualTicker();

    @BeforeEach
    void open() throws Exception {
        fleet = LocalConsole.start(dir, 1);
        console = ConsoleHarness.show(LocalConsole.config(fleet, false), List.of(), ticker);
        console.refresh();
        WaitForAsyncUtils.asyncFx(() -> console.scene().getRoot().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws Exception {
        console.close();
        fleet.close();
    }

    private void awaitStage(Stage stage) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> console.assembly().operator().actions()
                .stageProperty().get() == stage);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void tick() {
        WaitForAsyncUtils.asyncFx(ticker::tick);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> plan() {
        return console.find("#action-plan", VBox.class).getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    @Test
    void theBandSaysLocalFleetInItsColour() {
        HBox band = console.find("#environment-band", HBox.class);
        assertThat(band.getStyleClass()).contains("env-local");
        assertThat(console.find("#environment-label", Label.class).getText()).isEqualTo("LOCAL FLEET · this machine");
        assertThat(console.find("#read-only-note", Label.class).isVisible()).isFalse();
        console.screenshot("fleet-local"); // docs/images/console-fleet.png
    }

    @Test
    void cancellingDuringTheCountdownLeavesTheFleetUnchanged() throws Exception {
        byte[] fleetFile = Files.readAllBytes(dir.resolve(LocalFleetFile.NAME)); // rewritten by every restart
        console.robot().write(":").write("restart replica-1").type(KeyCode.ENTER);
        awaitStage(Stage.CONFIRMING);

        assertThat(console.find("#action-title", Label.class).getText()).isEqualTo("Restart replica-1");
        assertThat(console.find("#action-kind", Label.class).getText())
                .isEqualTo("Changes the fleet: after you confirm, it starts in 3 s unless you cancel");
        assertThat(plan()).first().isEqualTo("Stop replica-1 (" + fleet.nodes().get(2).url()
                + ") and start it again on the same port and data directory.");

        console.robot().clickOn("#action-confirm");
        Label countdown = console.find("#action-countdown", Label.class);
        assertThat(countdown.getText()).isEqualTo("Starting in 3 s — Cancel stops it; nothing has changed yet");
        tick();
        assertThat(countdown.getText()).startsWith("Starting in 2 s");
        assertThat(states(console.find("#action-panel", VBox.class))).contains("countdown");
        console.screenshot("action-countdown");

        console.robot().clickOn("#action-cancel");
        tick();
        tick();
        tick();

        Label outcome = console.find("#action-outcome", Label.class);
        assertThat(outcome.getText()).isEqualTo("Cancelled Restart replica-1: nothing was changed");
        assertThat(ticker.running()).isZero();
        assertThat(console.find("#status-action", Label.class).getText())
                .isEqualTo("✔ Cancelled Restart replica-1: nothing was changed");
        assertThat(Files.readAllBytes(dir.resolve(LocalFleetFile.NAME))).isEqualTo(fleetFile);
        console.screenshot("action-cancelled");
    }

    @Test
    void aConfirmedRestartRunsWhenTheCountdownEnds() throws Exception {
        byte[] fleetFile = Files.readAllBytes(dir.resolve(LocalFleetFile.NAME));
        console.robot().write(":").write("restart replica-1").type(KeyCode.ENTER);
        awaitStage(Stage.CONFIRMING);
        console.robot().clickOn("#action-confirm");
        tick();
        tick();
        assertThat(Files.readAllBytes(dir.resolve(LocalFleetFile.NAME))).isEqualTo(fleetFile);
        tick();

        awaitStage(Stage.DONE);
        assertThat(console.find("#action-outcome", Label.class).getText())
                .startsWith("Restart replica-1: done, replica-1 serving (job ");
        assertThat(Files.readAllBytes(dir.resolve(LocalFleetFile.NAME))).isNotEqualTo(fleetFile);
    }

    @Test
    void theVolumeMonitorShowsItsPlanBeforeAnythingChanges() throws Exception {
        console.robot().write(":").write("volume monitor").type(KeyCode.ENTER);
        awaitStage(Stage.CONFIRMING);

        List<String> plan = plan();
        assertThat(plan.get(0)).startsWith("Dry run of the volume monitor");
        assertThat(plan).anySatisfy(l -> assertThat(l).startsWith("writer-1 · vol-local-writer-1 · ").contains("→ none"));
        assertThat(plan).anySatisfy(l -> assertThat(l).startsWith("master-1 · vol-local-master-1"));
        assertThat(plan).last().isEqualTo("Nothing to expand: confirming runs the monitor again and changes nothing.");
        assertThat(console.find("#action-kind", Label.class).getText()).as("no 'Changes the fleet…' for a plan of nothing")
                .isEqualTo("Changes nothing: its plan has nothing to do");
        console.screenshot("action-volume-plan");

        console.robot().clickOn("#action-confirm");
        tick();
        tick();
        tick();
        awaitStage(Stage.DONE);
        assertThat(console.find("#action-outcome", Label.class).getText())
                .isEqualTo("Volume monitor: 0 expanded, 0 filesystem(s) grown, 0 failed, of 3 volumes");
    }
}
