package dev.graphfleet.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.ConsoleConfig;
import dev.graphfleet.console.testing.ConsoleHarness;
import java.util.List;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

/** Without --nodes (and no local fleet yet) the console says how to point it at nodes, and shows no fleet. */
class EmptyStateTest {

    @Test
    void withoutASourceTheConsoleSaysHowToPointItAtNodes() throws Exception {
        try (ConsoleHarness console = ConsoleHarness.show(ConsoleConfig.empty(false), List.of())) {
            assertThat(console.assembly().model()).as("no view-model, no poller: nothing pretends to be a fleet")
                    .isNull();
            assertThat(console.find("#empty-title", Label.class).getText()).isEqualTo("No fleet to show yet");
            assertThat(console.find("#empty-command", Label.class).getText())
                    .isEqualTo("./graphfleet console --nodes http://10.0.1.5:8001,http://10.0.1.6:8001");
            assertThat(console.robot().lookup("#instance-table").tryQuery()).isEmpty();
            console.screenshot("empty-state");
        }
    }
}
