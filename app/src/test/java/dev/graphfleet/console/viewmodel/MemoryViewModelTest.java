package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.testing.FleetStates.GIB;
import static dev.graphfleet.console.testing.FleetStates.node;
import static dev.graphfleet.console.testing.FleetStates.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.MemoryCheck;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.console.testing.FleetStates;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Buffer pools view as an operator reads it: each node's RAM, budget and pools, who is over and why. */
class MemoryViewModelTest {

    private static final long OS = MemoryCheck.osOverheadBytes();

    private final MemoryViewModel model = new MemoryViewModel();

    private MemoryRow row(String id) {
        return model.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static MemoryCheck.MemoryVerdict over(String... reasons) {
        return new MemoryCheck.MemoryVerdict(true, List.of(reasons));
    }

    private static NodeDetail detail(Long ram, Map<String, Long> bufferPools) {
        return new NodeDetail(ram, bufferPools, List.of(), 0, 0, 0, List.of(), null);
    }

    @Test
    void eachNodeShowsItsRamBudgetPoolsAndProcessByNode() {
        model.apply(FleetStates.refresh(FleetStates.fleet(
                        node("c", NodeType.SHARED_REPLICA).bufferPool(5 * GIB, 5 * GIB, 1, null).build(),
                        node("a", NodeType.WRITER).instanceType("r7g.large").build(),
                        node("b", NodeType.SHARED_MASTER).build()))
                .detail("b", detail(32 * GIB, Map.of("sec", 28 * GIB, "old", GIB)))
                .detail("c", detail(null, Map.of()))
                .build());

        assertThat(model.rows()).extracting(MemoryRow::id).containsExactly("a", "b", "c");
        MemoryRow a = row("a");
        assertThat(List.of(a.roleProperty().get(), a.ramProperty().get(), a.budgetProperty().get(),
                a.bufferPoolsProperty().get(), a.processProperty().get(), a.statusProperty().get(), a.reasonProperty().get()))
                .as("the RAM of its EC2 type").containsExactly("writer", "16.0 GiB", "12.0 GiB", "6.0 GiB in 3 databases",
                        "2.4 GiB", "fits", "");
        assertThat(a.barProperty().get()).isEqualTo(new MemoryBar(16 * GIB, OS, 12 * GIB, 6 * GIB, Math.round(2.4 * GIB)));
        assertThat(List.of(a.ramBytesProperty().get(), a.osOverheadBytesProperty().get(), a.budgetBytesProperty().get(),
                a.bufferPoolBytesProperty().get(), a.processBytesProperty().get()))
                .containsExactly(16 * GIB, OS, 12 * GIB, 6 * GIB, Math.round(2.4 * GIB));
        assertThat(a.overBudgetProperty().get()).isFalse();

        MemoryRow b = row("b");
        assertThat(b.ramProperty().get()).as("the RAM the node reports").isEqualTo("32.0 GiB");
        assertThat(b.bufferPoolsProperty().get()).as("the open databases the node details list")
                .isEqualTo("29.0 GiB in 2 databases");
        assertThat(b.roleProperty().get()).isEqualTo("shared master");

        MemoryRow c = row("c");
        assertThat(c.ramProperty().get()).isEqualTo("RAM unknown");
        assertThat(c.ramBytesProperty().get()).isEqualTo(-1);
        assertThat(c.bufferPoolsProperty().get()).as("details without pools: the summary's")
                .isEqualTo("5.0 GiB in 1 database");
        assertThat(c.processProperty().get()).isEqualTo("—");
        assertThat(c.processBytesProperty().get()).isEqualTo(-1);
        assertThat(model.summaryProperty().get()).isEqualTo("Every node's memory fits its budget");
    }

    @Test
    void anUnknownInstanceTypeTakesTheRamTheNodeReports() {
        model.apply(FleetStates.refresh(FleetStates.fleet(node("a", NodeType.WRITER).instanceType("x9.huge").build()))
                .detail("a", detail(8 * GIB, Map.of())).build());

        assertThat(row("a").ramProperty().get()).isEqualTo("8.0 GiB");
    }

    @Test
    void nodesOverBudgetAreListedWithTheirReasonsAndCounted() {
        model.apply(FleetStates.refresh(FleetStates.fleet(node("a", NodeType.WRITER).build(),
                        node("b", NodeType.WRITER).build(), node("c", NodeType.WRITER).build()))
                .verdict("a", over("max_memory_mb above the RAM", "pools over the budget"))
                .verdict("b", new MemoryCheck.MemoryVerdict(false, List.of()))
                .verdict("c", over("pools over the budget")).build());

        assertThat(row("a").statusProperty().get()).isEqualTo("over budget");
        assertThat(row("a").reasonProperty().get()).isEqualTo("max_memory_mb above the RAM; pools over the budget");
        assertThat(row("a").overBudgetProperty().get()).isTrue();
        assertThat(row("b").statusProperty().get()).isEqualTo("fits");
        assertThat(row("b").reasonProperty().get()).isEmpty();
        assertThat(model.overBudgetProperty().get()).containsExactly(
                new OverBudget("a", "max_memory_mb above the RAM; pools over the budget"),
                new OverBudget("c", "pools over the budget"));
        assertThat(model.overBudgetCountProperty().get()).isEqualTo(2);
        assertThat(model.summaryProperty().get()).isEqualTo("2 nodes over budget");

        model.apply(FleetStates.refresh(FleetStates.fleet(node("a", NodeType.WRITER).build(),
                node("b", NodeType.WRITER).down("connection refused").build()))
                .verdict("a", over("pools over the budget")).build());
        assertThat(model.summaryProperty().get())
                .isEqualTo("1 node over budget · no figures from b: unreachable: connection refused");
        assertThat(model.overBudgetCountProperty().get()).isEqualTo(1);
    }

    @Test
    void aNodeWithoutFiguresKeepsItsRowAndSaysWhy() {
        model.apply(state(node("a", NodeType.WRITER).build(), node("b", NodeType.SHARED_REPLICA).build()));
        MemoryRow b = row("b");

        model.apply(state(node("a", NodeType.WRITER).build(),
                node("b", NodeType.SHARED_REPLICA).down("connection refused").build()));

        assertThat(row("b")).isSameAs(b);
        assertThat(List.of(b.roleProperty().get(), b.ramProperty().get(), b.budgetProperty().get(),
                b.bufferPoolsProperty().get(), b.processProperty().get(), b.statusProperty().get(), b.reasonProperty().get()))
                .containsExactly("shared replica", "—", "—", "—", "—", "no figures", "unreachable: connection refused");
        assertThat(b.ramBytesProperty().get()).isEqualTo(-1);
        assertThat(b.barProperty().get()).isNull();
        assertThat(b.overBudgetProperty().get()).isFalse();
        assertThat(model.summaryProperty().get()).isEqualTo(
                "Memory fits its budget on 1 of 2 nodes · no figures from b: unreachable: connection refused");

        model.apply(state(node("a", NodeType.WRITER).noBufferPool().build()));
        assertThat(row("a").reasonProperty().get()).isEqualTo("the node sent no buffer_pool figures");
        assertThat(model.summaryProperty().get())
                .isEqualTo("No figures from a: the node sent no buffer_pool figures");
    }

    @Test
    void anUnchangedRefreshFiresNothingAndAChangeOnlyWhatChanged() {
        model.apply(state(node("a", NodeType.WRITER).build(), node("b", NodeType.WRITER).down("connection refused").build()));
        AtomicInteger aEvents = new AtomicInteger();
        AtomicInteger bEvents = new AtomicInteger();
        row("a").barProperty().addListener((obs, was, now) -> aEvents.incrementAndGet());
        row("a").statusProperty().addListener((obs, was, now) -> aEvents.incrementAndGet());
        row("b").reasonProperty().addListener((obs, was, now) -> bEvents.incrementAndGet());
        MemoryViewModel.Frame first = model.prepareRefresh(
                state(node("a", NodeType.WRITER).build(), node("b", NodeType.WRITER).down("connection refused").build()));

        model.apply(state(node("a", NodeType.WRITER).build(), node("b", NodeType.WRITER).down("connection refused").build()));

        assertThat(aEvents.get()).isZero();
        assertThat(bEvents.get()).isZero();
        MemoryViewModel.Frame again = model.prepareRefresh(
                state(node("a", NodeType.WRITER).build(), node("b", NodeType.WRITER).down("connection refused").build()));
        assertThat(again.items().get(0).texts()).isSameAs(first.items().get(0).texts());
        assertThat(again.items().get(1).texts()).as("the same why, the same texts").isSameAs(first.items().get(1).texts());

        model.apply(state(node("a", NodeType.WRITER).bufferPool(12 * GIB, 8 * GIB, 4, null).build(),
                node("b", NodeType.WRITER).down("connection refused").build()));
        assertThat(row("a").bufferPoolsProperty().get()).isEqualTo("8.0 GiB in 4 databases");
        assertThat(aEvents.get()).as("the bar changed, the status did not").isEqualTo(1);
    }

    @Test
    void theFilterSearchesNodeRoleStatusAndReason() {
        model.apply(FleetStates.refresh(FleetStates.fleet(node("w-1", NodeType.WRITER).build(),
                        node("m-1", NodeType.SHARED_MASTER).build(),
                        node("r-1", NodeType.SHARED_REPLICA).down("connection refused").build()))
                .verdict("w-1", over("max_memory_mb above the RAM")).build());

        assertThat(visible("status:over")).containsExactly("w-1");
        assertThat(visible("reason:refused")).containsExactly("r-1");
        assertThat(visible("role:master")).containsExactly("m-1");
        assertThat(visible("node:r-")).containsExactly("r-1");
    }

    private List<String> visible(String query) {
        model.filter().textProperty().set(query);
        return model.filter().visible().stream().map(MemoryRow::id).toList();
    }
}
