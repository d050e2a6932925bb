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
}
