package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.OperatorSettings;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.FleetEventsTest;
import dev.graphfleet.console.service.RefreshStatus;
import dev.graphfleet.console.service.actions.ActionRunner;
import dev.graphfleet.config.NodeType;
import dev.graphfleet.fleet.Health;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Views, drill-downs and back/forward together, and what the palette offers. */
class OperatorViewModelTest {

    private final ConsoleViewModel console = new ConsoleViewModel("nodes(2)", ZoneOffset.UTC);
    private final ActionRunner runner = new ActionRunner(OperatorSettings.nodes(false).actions());
    private final OperatorViewModel operator = new OperatorViewModel(console,
            new ActionsViewModel(runner, Runnable::run, (period, tick) -> () -> { }, () -> { }),
            EnvironmentBadge.of(SourceKind.NODES, null), false, ZoneOffset.UTC);

    @AfterEach
    void close() {
        runner.close();
    }

    private void refresh() {
        operator.apply(new ConsoleState(FleetEventsTest.fleet(
                FleetEventsTest.node("writer-1", NodeType.WRITER, Health.HEALTHY, 500),
                FleetEventsTest.node("replica-1", NodeType.SHARED_REPLICA, Health.UNREACHABLE, 500)),
                Map.of(), Map.of(), new RefreshStatus(Instant.now(), Duration.ZERO, 0, Duration.ofSeconds(1))));
    }

    @Test
    void aDrillDownIsAPlaceBackAndForwardReturnTo() {
        refresh();
        operator.drillDown("replica-1");
        assertThat(operator.node().instanceIdProperty().get()).isEqualTo("replica-1");
        assertThat(operator.node().titleProperty().get()).isEqualTo("replica-1 · shared replica · unreachable");

        console.sectionProperty().set(ConsoleSection.VOLUMES);
        assertThat(operator.node().instanceIdProperty().get()).as("another view closes it").isEmpty();

        operator.navigation().back();
        assertThat(console.sectionProperty().get()).isEqualTo(ConsoleSection.OVERVIEW);
        assertThat(operator.node().instanceIdProperty().get()).isEqualTo("replica-1");
        operator.navigation().back();
        assertThat(operator.node().instanceIdProperty().get()).isEmpty();
        assertThat(operator.navigation().canGoBackProperty().get()).isFalse();

        operator.navigation().forward();
        operator.closeNode();
        assertThat(operator.node().instanceIdProperty().get()).isEmpty();
        assertThat(console.sectionProperty().get()).isEqualTo(ConsoleSection.OVERVIEW);
    }

    @Test
    void thePaletteOffersViewsCommandsNodesAndActions() {
        refresh();
        assertThat(operator.paletteEntries()).extracting(PaletteViewModel.Entry::text)
                .contains("View: Volumes  (5)", "Command: Refresh now  (r)", "Command: Read-only on: disable every action",
                        "Node: replica-1  (unreachable)", "Action: Run the volume monitor (plan, then apply)");
        operator.paletteEntries().stream().filter(e -> e.text().startsWith("Node: writer-1")).findFirst().orElseThrow()
                .run().run();
        assertThat(operator.node().instanceIdProperty().get()).isEqualTo("writer-1");
    }

    @Test
    void theActionsOfTheNodeDrilledInto() {
        operator.readOnlyProperty().set(true);
        assertThat(operator.actions().readOnlyProperty().get()).isTrue();
        refresh();
        operator.drillDown("writer-1");
        assertThat(operator.nodeChoices()).isEmpty(); // a list of nodes knows no databases of writer-1 yet
    }

    private PaletteViewModel.Entry entry(String text) {
        return operator.paletteEntries().stream().filter(e -> e.text().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void eachPaletteCommandDoesWhatItSaysAndSaysWhenItCannot() {
        refresh();
        assertThat(entry("Command: Back  ([ or Alt+Left)").disabledReason()).isEqualTo("nothing to go back to");
        assertThat(entry("Command: Forward  (] or Alt+Right)").disabledReason()).isEqualTo("nothing to go forward to");
        assertThat(entry("Source: nodes(2)  (on screen)").disabledReason()).startsWith("another source:");

        entry("View: Fleet  (2)").run().run();
        assertThat(console.sectionProperty().get()).isEqualTo(ConsoleSection.FLEET);
        assertThat(entry("Command: Back  ([ or Alt+Left)").disabledReason()).isNull();
        entry("Command: Back  ([ or Alt+Left)").run().run();
        assertThat(console.sectionProperty().get()).isEqualTo(ConsoleSection.OVERVIEW);
        assertThat(entry("Command: Forward  (] or Alt+Right)").disabledReason()).isNull();
        entry("Command: Forward  (] or Alt+Right)").run().run();
        assertThat(console.sectionProperty().get()).isEqualTo(ConsoleSection.FLEET);

        entry("Command: Pause this view  (p)").run().run();
        assertThat(console.fleet().isPaused()).isTrue();
        assertThat(operator.live(ConsoleSection.FLEET)).isSameAs(console.fleet());
        entry("Command: Resume this view  (p)").run().run();
        assertThat(console.fleet().isPaused()).isFalse();

        entry("Command: Read-only on: disable every action").run().run();
        assertThat(operator.readOnlyProperty().get()).isTrue();
        entry("Command: Read-only off: allow actions").run().run();
        assertThat(operator.readOnlyProperty().get()).isFalse();

        entry("Command: Dark theme").run().run();
        assertThat(console.darkThemeProperty().get()).isTrue();
        entry("Command: Light theme").run().run();
        assertThat(console.darkThemeProperty().get()).isFalse();

        entry("Command: Keys  (?)").run().run();
        assertThat(operator.helpShownProperty().get()).isTrue();

        int[] refreshes = new int[1];
        console.setRefreshAction(() -> refreshes[0]++);
        entry("Command: Refresh now  (r)").run().run();
        assertThat(refreshes[0]).isEqualTo(1);
    }

    @Test
    void everyViewCanBePausedOnItsOwn() {
        for (ConsoleSection section : ConsoleSection.values()) {
            assertThat(operator.live(section)).isNotNull();
        }
        assertThat(operator.live(ConsoleSection.OVERVIEW)).isSameAs(console.overview());
        assertThat(operator.live(ConsoleSection.BUFFER_POOLS)).isSameAs(console.memory());
        assertThat(operator.live(ConsoleSection.CONNECTIONS)).isSameAs(console.connections());
        assertThat(operator.live(ConsoleSection.VOLUMES)).isSameAs(console.volumes());
        assertThat(operator.live(ConsoleSection.ATTACHMENTS)).isSameAs(console.attachments());
        assertThat(operator.console()).isSameAs(console);
    }
}
