package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The memory bar's parts: what fits in the RAM, what the budget leaves, what is over it. */
class MemoryBarTest {

    private static final long GIB = 1L << 30;

    @Test
    void aBudgetThatFitsLeavesHeadroomAndNothingBeyondTheRam() {
        MemoryBar bar = new MemoryBar(16 * GIB, 2 * GIB, 10 * GIB, 4 * GIB, 12 * GIB);
        assertThat(bar.scale()).isEqualTo(16 * GIB);
        assertThat(bar.poolsWithinBudget()).isEqualTo(4 * GIB);
        assertThat(bar.poolsOverBudget()).isZero();
        assertThat(bar.budgetHeadroom()).isEqualTo(6 * GIB);
        assertThat(bar.stackEnd()).isEqualTo(12 * GIB);
        assertThat(bar.beyondRam()).isZero();
        assertThat(bar.fraction(4 * GIB)).isEqualTo(0.25);
        assertThat(bar.fraction(0)).isZero();
        assertThat(bar.fraction(-1)).isZero();
        assertThat(bar.fraction(32 * GIB)).isEqualTo(1.0);
    }

    @Test
    void poolsOverTheBudgetAndABudgetBeyondTheRamAreShownAsSuch() {
        MemoryBar over = new MemoryBar(8 * GIB, 1 * GIB, 6 * GIB, 10 * GIB, 3 * GIB);
        assertThat(over.poolsWithinBudget()).isEqualTo(6 * GIB);
        assertThat(over.poolsOverBudget()).isEqualTo(4 * GIB);
        assertThat(over.budgetHeadroom()).isZero();
        assertThat(over.stackEnd()).isEqualTo(11 * GIB);
        assertThat(over.beyondRam()).isEqualTo(3 * GIB);
        assertThat(over.scale()).isEqualTo(11 * GIB);
        assertThat(over.fraction(11 * GIB)).isEqualTo(1.0);
    }

    @Test
    void anUnknownRamIsNeverOverflowedAndAResidentSizeBeyondEverythingSetsTheScale() {
        MemoryBar unknownRam = new MemoryBar(-1, GIB, 4 * GIB, GIB, 2 * GIB);
        assertThat(unknownRam.beyondRam()).isZero();
        assertThat(unknownRam.scale()).isEqualTo(5 * GIB);
        assertThat(new MemoryBar(4 * GIB, 0, GIB, 0, 9 * GIB).scale()).isEqualTo(9 * GIB);
        assertThat(new MemoryBar(-1, -1, -1, -1, -1).scale()).isEqualTo(1);
    }
}
