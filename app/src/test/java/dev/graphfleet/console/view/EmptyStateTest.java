package dev.graphfleet.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.testing.ConsoleHarness;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** Without --nodes and no local fleet running, the console says how to start one or point it at nodes. */
class EmptyStateTest {

    @Test
    void withoutASourceTheConsoleSaysHowToPointItAtNodes() throws Exception {
        try (ConsoleHarness console = ConsoleHarness.show(ConsoleConfig.empty(false, Path.of("/home/ops/.graphfleet/local")), List.of())) {
            assertThat(console.assembly().model()).as("no view-model, no poller: nothing pretends to be a fleet")
                    .isNull();
            assertThat(console.find("#empty-title", Label.class).getText()).isEqualTo("No fleet to show yet");
            assertThat(console.find("#empty-text", Label.class).getText()).contains("No local fleet is running "
                    + "(looked in /home/ops/.graphfleet/local)");
            assertThat(console.find("#empty-local-command", Label.class).getText()).isEqualTo("./graphfleet local");
            assertThat(console.find("#empty-command", Label.class).getText())
                    .isEqualTo("./graphfleet console --nodes http://10.0.1.5:8001,http://10.0.1.6:8001");
            assertThat(console.robot().lookup("#instance-table").tryQuery()).isEmpty();
            console.screenshot("empty-state");
        }
    }

    @Test
    void theEmptyStateOffersToStartALocalFleetInThisWindow() throws Exception {
        var node = dev.graphfleet.console.testing.NodeServer.start(dev.graphfleet.console.testing.Fleets.writer());
        // what the button starts: here a source over a real loopback node, as the local fleet's start returns one
        dev.graphfleet.console.SourceStarter starter = progress -> {
            progress.accept("writer-1 serving");
            var source = dev.graphfleet.fleet.nodes.NodesFleetSource.create(List.of(node.uri()),
                    new dev.graphfleet.fleet.nodes.ProbeOptions(ConsoleHarness.NODE_TIMEOUT, 4, null));
            return new dev.graphfleet.console.SourceStarter.Started(new ConsoleConfig(source,
                    dev.graphfleet.console.service.NodeDetailReader.create(ConsoleHarness.NODE_TIMEOUT, null),
                    java.time.Duration.ofSeconds(1), false, null), () -> { });
        };
        try (ConsoleHarness console = ConsoleHarness.show(ConsoleConfig.empty(false, Path.of("/home/ops/.graphfleet/local")),
                List.of(node))) {
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> console.assembly().offerLocalStart(starter))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
            assertThat(console.robot().lookup("#empty-local-command").tryQuery()).as("no script to run elsewhere").isEmpty();
            assertThat(console.find("#empty-text", Label.class).getText()).contains("in this window");
            console.screenshot("empty-state-offer");

            console.robot().clickOn("#empty-start-local");

            // The local fleet starts its nodes as processes behind the splash; then the views come.
            org.testfx.util.WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () ->
                    console.robot().lookup("#tab-fleet").tryQuery().isPresent());
            console.openTab("fleet");
            org.testfx.util.WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () ->
                    console.robot().lookup("#fleet-summary").tryQuery()
                            .map(n -> ((Label) n).getText().endsWith("1 of 1 healthy")).orElse(false));
            console.screenshot("empty-state-started");
        }
    }
}
