package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.ConsoleState;
import dev.graphfleet.console.service.FleetEventsTest;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.console.service.RefreshStatus;
import dev.graphfleet.fleet.FleetInstance;
import dev.graphfleet.fleet.Health;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** A node that stops answering keeps its databases' rows: the table's rows stay put. */
class ConnectionsViewModelTest {

    private final ConnectionsViewModel model = new ConnectionsViewModel();

    private static ConsoleState state(boolean writerUp) {
        FleetInstance writer = FleetEventsTest.node("writer-1", NodeType.WRITER,
                writerUp ? Health.HEALTHY : Health.UNREACHABLE, 500);
        FleetInstance master = FleetEventsTest.node("master-1", NodeType.SHARED_MASTER, Health.HEALTHY, 500);
        NodeDetail pools = new NodeDetail(null, Map.of(), List.of(new NodeDetail.DatabasePool("b", 1, 2, 10, true),
                new NodeDetail.DatabasePool("a", 3, 0, 10, true)), 7, 0, 0, List.of(), null);
        Map<String, NodeDetail> details = writerUp ? Map.of("writer-1", pools, "master-1", pools)
                : Map.of("master-1", pools);
        return new ConsoleState(FleetEventsTest.fleet(writer, master), details, Map.of(),
                new RefreshStatus(Instant.now(), Duration.ZERO, 0, Duration.ofSeconds(1)));
    }

    private List<String> databases() {
        return model.rows().stream().map(r -> r.nodeProperty().get() + " " + r.databaseProperty().get()).toList();
    }

    @Test
    void aNodeGoingDownKeepsItsDatabaseRowsSayingWhy() {
        model.apply(state(true));
        List<ConnectionRow> before = List.copyOf(model.rows());
        List<ListChangeListener.Change<? extends ConnectionRow>> changes = new ArrayList<>();
        model.rows().addListener((ListChangeListener<ConnectionRow>) changes::add);

        model.apply(state(false));

        assertThat(changes).as("no row added or removed").isEmpty();
        assertThat(model.rows()).containsExactlyElementsOf(before);
        assertThat(databases()).containsExactly("master-1 a", "master-1 b",
                "writer-1 a — no figures: unreachable: connection refused",
                "writer-1 b — no figures: unreachable: connection refused");
        assertThat(model.rows().get(2).inUseProperty().get()).isEqualTo("—");
        assertThat(model.rows().get(2).levelProperty().get()).isEqualTo("unknown");

        model.apply(state(true));

        assertThat(changes).isEmpty();
        assertThat(databases()).containsExactly("master-1 a", "master-1 b", "writer-1 a", "writer-1 b");
        assertThat(model.rows().get(2).inUseProperty().get()).isEqualTo("3");
    }

    @Test
    void aNodeNeverSeenAnsweringHasOneRowSayingWhy() {
        model.apply(state(false));

        assertThat(databases()).containsExactly("master-1 a", "master-1 b",
                "writer-1 no figures: unreachable: connection refused");
    }

    @Test
    void withoutNodeDetailsOneRowSumsTheNodesDatabases() {
        model.apply(dev.graphfleet.console.testing.FleetStates.refresh(dev.graphfleet.console.testing.FleetStates.fleet(
                        dev.graphfleet.console.testing.FleetStates.node("b", NodeType.WRITER).pool(9, 1, 10, 4, 2).build(),
                        dev.graphfleet.console.testing.FleetStates.node("a", NodeType.WRITER).build(),
                        dev.graphfleet.console.testing.FleetStates.node("c", NodeType.WRITER).noPool().build()))
                .detail("a", NodeDetail.failed("/metrics: HTTP 500")).build());

        assertThat(databases()).containsExactly("a (all databases)", "b (all databases)",
                "c no figures: the node sent no pool figures");
        ConnectionRow b = model.rows().get(1);
        assertThat(b.inUseProperty().get()).isEqualTo("9");
        assertThat(b.levelProperty().get()).isEqualTo("busy");
        assertThat(model.rows().get(0).levelProperty().get()).isEqualTo("ok");

        model.filter().textProperty().set("database:all");
        assertThat(model.filter().visible()).extracting(r -> r.nodeProperty().get()).containsExactly("a", "b");
        model.filter().textProperty().set("level:busy");
        assertThat(model.filter().visible()).extracting(r -> r.nodeProperty().get()).containsExactly("b");
        model.filter().textProperty().set("node:c");
        assertThat(model.filter().visible()).hasSize(1);
    }

    @Test
    void aNodeThatLeftIsForgottenAndAnUnchangedRowKeepsItsTexts() {
        ConnectionsViewModel.Frame first = model.prepareRefresh(state(true));
        ConnectionsViewModel.Frame second = model.prepareRefresh(state(true));
        assertThat(second.items().get(0).texts()).isSameAs(first.items().get(0).texts());

        model.prepareRefresh(new ConsoleState(FleetEventsTest.fleet(
                FleetEventsTest.node("master-1", NodeType.SHARED_MASTER, Health.HEALTHY, 500)), Map.of(), Map.of(),
                new RefreshStatus(Instant.now(), Duration.ZERO, 0, Duration.ofSeconds(1))));
        model.apply(state(false));
        assertThat(databases()).as("the writer's databases were forgotten while it was gone")
                .contains("writer-1 no figures: unreachable: connection refused");
    }
}
