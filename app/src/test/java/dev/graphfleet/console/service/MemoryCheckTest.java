package dev.graphfleet.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryCheckTest {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    private final MemoryCheck check = new MemoryCheck();

    @Test
    void aBudgetThatDoesNotFitTheHostsRamGetsTheValidatorsReason() {
        var verdict = check.check(null, 8 * GIB, 10 * GIB, List.of(10 * GIB), false);

        assertThat(verdict.overBudget()).isTrue();
        assertThat(verdict.reasons()).containsExactly("max_memory_mb 10240 MB + os_overhead_mb 2048 MB = 12288 MB is "
                + "more than the 8192 MB of RAM on this host: the node would run out of memory (set "
                + "tiers.node.instance.max_memory_mb to at most 6144 (RAM − os_overhead_mb), or choose an instance "
                + "type with at least 12288 MB of RAM)");
    }

    @Test
    void aKnownInstanceTypeIsJudgedByItsCatalogRam() {
        var verdict = check.check("m7g.large", null, 7 * GIB, List.of(), false);

        assertThat(verdict.overBudget()).isTrue();
        assertThat(verdict.reasons()).singleElement().asString().contains("8192 MB of RAM on m7g.large");
    }

    @Test
    void aBudgetThatFitsHasNoReason() {
        var verdict = check.check(null, 16 * GIB, 12 * GIB, List.of(2 * GIB, 2 * GIB), false);

        assertThat(verdict.overBudget()).isFalse();
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void openBufferPoolsBeyondTheBudgetAreOverBudget() {
        var verdict = check.check(null, 32 * GIB, 8 * GIB, List.of(4 * GIB, 4 * GIB, 4 * GIB), true);

        assertThat(verdict.overBudget()).isTrue();
        assertThat(verdict.reasons()).containsExactly("buffer pools of 3 open databases take 12288 MB, more than the "
                + "node's budget max_memory_mb 8192 MB: the node may run out of memory as they fill");
    }

    @Test
    void withoutRamOrTypeOnlyTheNodesOwnFlagCounts() {
        assertThat(check.check(null, null, 64 * GIB, List.of(GIB), false).overBudget()).isFalse();
    }
}
