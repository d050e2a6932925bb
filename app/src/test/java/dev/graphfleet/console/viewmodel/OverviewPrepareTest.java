package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.FleetEventsTest;
import dev.graphfleet.console.service.RefreshStatus;
import dev.graphfleet.fleet.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyProperty;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/**
 * The Overview's refresh is prepared off the FX thread (texts, worst-first order) and applied on it: an
 * unchanged node's row is skipped, a node going down moves to the top as one permutation of the rows.
 */
class OverviewPrepareTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private final OverviewViewModel model = new OverviewViewModel(new VolumesViewModel());

    private static ConsoleState state(Health c) {
        return new ConsoleState(FleetEventsTest.fleet(
                FleetEventsTest.node("a", NodeType.SHARED_REPLICA, Health.HEALTHY, 500),
                FleetEventsTest.node("b", NodeType.SHARED_REPLICA, Health.HEALTHY, 500),
                FleetEventsTest.node("c", NodeType.SHARED_REPLICA, c, 500)), Map.of(), Map.of(),
                new RefreshStatus(NOW, Duration.ZERO, 0, Duration.ofSeconds(1)));
    }

    /** Prepared on a thread of its own, as the poller does: no FX thread needed. */
    private OverviewViewModel.Frame prepared(ConsoleState state) throws Exception {
        return CompletableFuture.supplyAsync(() -> model.prepareRefresh(state)).get(10, TimeUnit.SECONDS);
    }

    private AtomicInteger propertyEvents(OverviewRow row) {
        AtomicInteger events = new AtomicInteger();
        List<ReadOnlyProperty<?>> all = List.of(row.healthProperty(), row.roleProperty(), row.versionsProperty(),
                row.memoryProperty(), row.volumeProperty(), row.connectionsProperty(), row.problemsProperty(),
                row.problemLevelProperty());
        all.forEach(p -> p.addListener((obs, was, now) -> events.incrementAndGet()));
        return events;
    }

    @Test
    void anUnchangedRefreshPreparesTheSameTextsAndTouchesNoRow() throws Exception {
        OverviewViewModel.Frame first = prepared(state(Health.HEALTHY));
        model.apply(first);
        List<AtomicInteger> events = model.rows().stream().map(this::propertyEvents).toList();
        AtomicInteger listChanges = new AtomicInteger();
        model.rows().addListener((ListChangeListener<OverviewRow>) c -> listChanges.incrementAndGet());

        OverviewViewModel.Frame second = prepared(state(Health.HEALTHY));

        for (int i = 0; i < first.items().size(); i++) {
            assertThat(second.items().get(i).texts()).as("the texts made last time").isSameAs(first.items().get(i).texts());
        }
        model.apply(second);
        assertThat(listChanges.get()).isZero();
        assertThat(events).allSatisfy(e -> assertThat(e.get()).isZero());
    }

    @Test
    void aNodeGoingDownMovesToTheTopAsOnePermutation() throws Exception {
        model.apply(prepared(state(Health.HEALTHY)));
        assertThat(model.rows()).extracting(OverviewRow::id).containsExactly("a", "b", "c");
        OverviewRow a = model.rows().get(0);
        AtomicInteger aEvents = propertyEvents(a);
        List<String> changes = new ArrayList<>();
        model.rows().addListener((ListChangeListener<OverviewRow>) c -> {
            while (c.next()) {
                changes.add(c.wasPermutated() ? "permutated " + c.getFrom() + ".." + c.getTo() : c.toString());
            }
        });

        model.apply(prepared(state(Health.UNREACHABLE)));

        assertThat(model.rows()).extracting(OverviewRow::id).containsExactly("c", "a", "b");
        assertThat(model.rows().get(1)).isSameAs(a);
        assertThat(changes).containsExactly("permutated 0..3");
        assertThat(aEvents.get()).as("a did not change").isZero();
        assertThat(model.rows().get(0).healthProperty().get()).isEqualTo(Health.UNREACHABLE.label());
    }
}
