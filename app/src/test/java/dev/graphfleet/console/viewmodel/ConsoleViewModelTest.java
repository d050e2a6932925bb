package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.testing.FleetStates.NOW;
import static dev.graphfleet.console.testing.FleetStates.node;
import static dev.graphfleet.console.testing.FleetStates.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.MemoryCheck;
import dev.graphfleet.console.testing.FleetStates;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.FleetSnapshot;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The console's frame: the status bar, the problems of every view in a few words, the banner of an unread source. */
class ConsoleViewModelTest {

    private final ConsoleViewModel model = new ConsoleViewModel("aws(prod)", ZoneOffset.UTC);

    @Test
    void theStatusBarSaysWhenHowLongAndWhenNext() {
        model.apply(FleetStates.refresh(FleetStates.fleet(node("a", NodeType.WRITER).build()))
                .timing(Duration.ofMillis(1500), 0, Duration.ofSeconds(5)).build());

        assertThat(model.statusProperty().get()).isEqualTo("Refreshed 12:00:00 in 1.5 s · next in 5 s");
        assertThat(model.sourceProperty().get()).isEqualTo("aws(prod)");
        assertThat(model.problemsProperty().get()).isEmpty();
        assertThat(model.sourceUnreachableProperty().get()).isFalse();
        assertThat(model.bannerProperty().get()).isEmpty();

        model.apply(FleetStates.refresh(new FleetSnapshot("local", NOW, "nodes(3)", true, null, List.of(), List.of(),
                List.of())).build());
        assertThat(model.sourceProperty().get()).isEqualTo("local fleet, nodes(3)");
    }

    @Test
    void theProblemsOfEveryViewAreCountedInAFewWords() {
        FleetInstance full = node("full", NodeType.WRITER).volume(500, 450).pool(10, 0, 10, 3, 2).build();
        FleetInstance failing = node("failing", NodeType.SHARED_REPLICA).attachment("sec", "failed", "v3", "disk full")
                .attachment("legal", "failed", null, null).attachment("economic", "attached", "v1", null).build();
        FleetSnapshot fleet = new FleetSnapshot("prod", NOW, "aws(prod)", true, null, List.of(), List.of(full, failing,
                node("down-1", NodeType.SHARED_REPLICA).down("connection refused").build(),
                node("down-2", NodeType.SHARED_REPLICA).down("connection refused").build(),
                node("silent", NodeType.WRITER).metricsError("/metrics: HTTP 401").build(),
                node("bare", NodeType.WRITER).noVolume().noPool().build()),
                List.of("group blue: target health unreadable"));

        model.apply(FleetStates.refresh(fleet).verdict("full", new MemoryCheck.MemoryVerdict(true, List.of("over")))
                .verdict("failing", new MemoryCheck.MemoryVerdict(false, List.of())).build());

        assertThat(model.problemsProperty().get()).isEqualTo("2 instances unreachable · 1 node without metrics"
                + " · 1 node over memory budget · 1 volume over 80 % · 1 node with pool timeouts · 2 attachments failed"
                + " · 1 warning: group blue: target health unreadable");
    }

    @Test
    void exactlyAtTheExpansionThresholdIsNotAProblem() {
        model.apply(state(node("a", NodeType.WRITER).volume(500, 400).build(),
                node("b", NodeType.WRITER).down("connection refused").build()));

        assertThat(model.problemsProperty().get()).isEqualTo("1 instance unreachable");
    }

    @Test
    void anUnreadSourceSaysWhyAndWhenTheNextTryComes() {
        model.apply(FleetStates.refresh(FleetSnapshot.unreachable("prod", NOW, "aws(prod)", "HTTP 403 from EC2"))
                .timing(Duration.ofMillis(80), 3, Duration.ofSeconds(20)).build());

        assertThat(model.sourceUnreachableProperty().get()).isTrue();
        assertThat(model.bannerProperty().get()).isEqualTo("Cannot read aws(prod): HTTP 403 from EC2. 3 failed reads in"
                + " a row; retrying in 20 s (the wait doubles after each failure).");
        assertThat(model.problemsProperty().get()).isEqualTo("source unreachable");

        FleetSnapshot silent = new FleetSnapshot("prod", NOW, "aws(prod)", false, null, List.of(),
                List.of(node("a", NodeType.WRITER).down("connection refused").build()), List.of());
        model.apply(FleetStates.refresh(silent).timing(Duration.ofMillis(80), 1, Duration.ofSeconds(1)).build());
        assertThat(model.bannerProperty().get()).isEqualTo("Cannot read aws(prod): it did not answer. 1 failed read in"
                + " a row; retrying in 1 s (the wait doubles after each failure).");
        assertThat(model.problemsProperty().get()).as("who is down is not known from an unread source")
                .isEqualTo("source unreachable");

        model.apply(state(node("a", NodeType.WRITER).build()));
        assertThat(model.sourceUnreachableProperty().get()).isFalse();
        assertThat(model.bannerProperty().get()).isEmpty();
    }

    @Test
    void onlyTheViewOnScreenFollowsAndAnotherCatchesUpWhenShown() {
        model.apply(state(node("a", NodeType.WRITER).build(), node("b", NodeType.WRITER).build()));

        assertThat(model.overview().rows()).hasSize(2);
        assertThat(model.fleet().instances()).isEmpty();
        assertThat(model.memory().rows()).isEmpty();
        assertThat(model.connections().rows()).isEmpty();
        assertThat(model.volumes().rows()).isEmpty();
        assertThat(model.attachments().summaryProperty().get()).isEmpty();

        model.sectionProperty().set(ConsoleSection.FLEET);
        assertThat(model.fleet().instances()).hasSize(2);
        model.sectionProperty().set(ConsoleSection.BUFFER_POOLS);
        assertThat(model.memory().rows()).hasSize(2);
        model.sectionProperty().set(ConsoleSection.CONNECTIONS);
        assertThat(model.connections().rows()).hasSize(2);
        model.sectionProperty().set(ConsoleSection.VOLUMES);
        assertThat(model.volumes().rows()).hasSize(2);
        model.sectionProperty().set(ConsoleSection.ATTACHMENTS);
        assertThat(model.attachments().summaryProperty().get()).isEqualTo("No failed attachment");

        model.apply(state(node("a", NodeType.WRITER).build()));
        assertThat(model.overview().rows()).as("off screen now: the last picture stays").hasSize(2);
        model.sectionProperty().set(ConsoleSection.OVERVIEW);
        assertThat(model.overview().rows()).hasSize(1);
    }

    @Test
    void theRefreshButtonRunsWhatTheAppSet() {
        int[] asked = new int[1];
        model.refreshNow();
        model.setRefreshAction(() -> asked[0]++);
        model.refreshNow();
        assertThat(asked[0]).isEqualTo(1);
    }
}
