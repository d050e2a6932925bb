package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How much buffer pool a Database opening under {@code max_memory_mb} gets, and when it is refused: the
 * budget's decisions on their own (the real-engine runs are in {@link BufferPoolBudgetTest}).
 */
class BufferPoolGrantTest {

    private static final long MIB = 1024 * 1024;
    private static final Duration NO_WAIT = Duration.ZERO;

    /** A room maker that can close {@code idle} databases (each giving back {@code bytesEach}) and records what it was asked. */
    private static final class Room implements BufferPoolBudget.RoomMaker {
        final BufferPoolBudget budget;
        final long bytesEach;
        int idle;
        int busy;
        final List<String> asked = new ArrayList<>();

        Room(BufferPoolBudget budget, long bytesEach, int idle, int busy) {
            this.budget = budget;
            this.bytesEach = bytesEach;
            this.idle = idle;
            this.busy = busy;
        }

        @Override
        public boolean closeOneIdle(String except) {
            asked.add("close-idle for " + except);
            if (idle == 0) {
                return false;
            }
            idle--;
            budget.release(bytesEach);
            return true;
        }

        @Override
        public boolean requestClose(String except) {
            asked.add("request-close for " + except);
            if (busy == 0) {
                return false;
            }
            busy--;
            return true;
        }
    }

    @Test
    void aBudgetBelowTheEnginesSmallestBufferPoolIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new BufferPoolBudget(16 * MIB - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("max_memory_mb").hasMessageContaining("at least 16 MiB").hasMessageContaining("got 15 MiB");
        assertThat(new BufferPoolBudget(16 * MIB).budgetBytes()).isEqualTo(16 * MIB);
        assertThat(new BufferPoolBudget(16 * MIB).limited()).isTrue();
        assertThat(BufferPoolBudget.unlimited().limited()).isFalse();
    }

    @Test
    void aDatabaseGetsWhatItWantsCappedAtTheCapAndTheBudgetButNeverBelowSixteenMib() {
        BufferPoolBudget budget = new BufferPoolBudget(100 * MIB);
        assertThat(budget.grant("a", 30 * MIB, 100 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE)).isEqualTo(30 * MIB);
        assertThat(budget.grant("b", 60 * MIB, 20 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE))
                .as("capped at half the budget once the pool knows two databases").isEqualTo(20 * MIB);
        assertThat(budget.grant("c", 1 * MIB, 100 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE))
                .as("the engine refuses smaller buffer pools").isEqualTo(16 * MIB);
        assertThat(budget.grantedBytes()).isEqualTo(66 * MIB);

        BufferPoolBudget small = new BufferPoolBudget(40 * MIB);
        assertThat(small.grant("big", 1000 * MIB, Long.MAX_VALUE, NO_WAIT, BufferPoolBudget.RoomMaker.NONE))
                .as("never more than the whole budget").isEqualTo(40 * MIB);
    }

    @Test
    void grantsAddUpAndReleasesGiveBackAndThePeakIsKept() {
        BufferPoolBudget budget = new BufferPoolBudget(100 * MIB);
        budget.grant("a", 40 * MIB, 100 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE);
        budget.grant("b", 50 * MIB, 100 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE);
        assertThat(budget.grantedBytes()).isEqualTo(90 * MIB);
        budget.release(40 * MIB);
        assertThat(budget.grantedBytes()).isEqualTo(50 * MIB);
        assertThat(budget.peakGrantedBytes()).isEqualTo(90 * MIB);
        budget.grant("c", 20 * MIB, 100 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE);
        assertThat(budget.peakGrantedBytes()).as("a lower sum does not lower the peak").isEqualTo(90 * MIB);
    }

    @Test
    void exactlyTheFreeRoomIsEnoughWithoutClosingAnything() {
        BufferPoolBudget budget = new BufferPoolBudget(100 * MIB);
        budget.grant("a", 60 * MIB, 100 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE);
        Room room = new Room(budget, 60 * MIB, 1, 1);
        assertThat(budget.grant("b", 40 * MIB, 100 * MIB, NO_WAIT, room)).isEqualTo(40 * MIB);
        assertThat(room.asked).as("no database closed for a grant that fits exactly").isEmpty();
        assertThat(budget.evictions()).isZero();
    }

    @Test
    void anIdleDatabaseIsClosedToMakeRoomAndCountsAsAnEviction() {
        BufferPoolBudget budget = new BufferPoolBudget(100 * MIB);
        budget.grant("a", 80 * MIB, 100 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE);
        Room room = new Room(budget, 80 * MIB, 1, 0);
        assertThat(budget.grant("b", 80 * MIB, 100 * MIB, NO_WAIT, room)).isEqualTo(80 * MIB);
        assertThat(room.asked).containsExactly("close-idle for b");
        assertThat(budget.evictions()).isEqualTo(1);
        assertThat(budget.grantedBytes()).isEqualTo(80 * MIB);
    }

    @Test
    void withNothingIdleAQuarterOfTheWantedOrMoreIsGrantedAtOnceFromWhatIsFree() {
        BufferPoolBudget budget = new BufferPoolBudget(100 * MIB);
        budget.grant("a", 80 * MIB, 100 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE);
        Room room = new Room(budget, 0, 0, 1);
        // 20 MiB free, 80 wanted: exactly a quarter, so the opener gets the 20 rather than waiting.
        assertThat(budget.grant("b", 80 * MIB, 100 * MIB, NO_WAIT, room)).isEqualTo(20 * MIB);
        assertThat(room.asked).as("no busy database asked to close for a partial grant").containsExactly("close-idle for b");
        assertThat(budget.grantedBytes()).isEqualTo(100 * MIB);
    }

    @Test
    void lessThanAQuarterFreeWaitsThenIsRefusedWithTheFiguresAndCounted() {
        BufferPoolBudget budget = new BufferPoolBudget(100 * MIB);
        budget.grant("a", 76 * MIB, 100 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE);
        Room room = new Room(budget, 0, 0, 1);
        // 24 MiB free, 100 wanted: below a quarter (25), so no partial grant; the busy one is asked to close.
        assertThatThrownBy(() -> budget.grant("b", 100 * MIB, 100 * MIB, Duration.ofMillis(50), room))
                .isInstanceOf(MemoryBudgetExceededException.class)
                .hasMessageContaining("database b").hasMessageContaining("100 MiB does not fit")
                .hasMessageContaining("budget of 100 MiB").hasMessageContaining("76 MiB held")
                .hasMessageContaining("max_memory_mb");
        assertThat(room.asked).contains("request-close for b");
        assertThat(budget.evictions()).as("the busy database asked to close").isEqualTo(1);
        assertThat(budget.refusals()).isEqualTo(1);
        assertThat(budget.grantedBytes()).as("a refusal takes nothing").isEqualTo(76 * MIB);
    }

    @Test
    void belowSixteenMibFreeNothingPartialIsGranted() {
        BufferPoolBudget budget = new BufferPoolBudget(64 * MIB);
        budget.grant("a", 49 * MIB, 64 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE);
        // 15 MiB free is more than a quarter of the 16 MiB wanted, but the engine refuses a pool that small.
        assertThatThrownBy(() -> budget.grant("b", 16 * MIB, 64 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE))
                .isInstanceOf(MemoryBudgetExceededException.class);
        assertThat(budget.evictions()).as("nobody was asked to close").isZero();
    }

    @Test
    void aWaitingOpenerGetsItsGrantWhenABusyDatabaseClosesWithinTheWait() throws Exception {
        BufferPoolBudget budget = new BufferPoolBudget(100 * MIB);
        budget.grant("busy", 90 * MIB, 100 * MIB, NO_WAIT, BufferPoolBudget.RoomMaker.NONE);
        CompletableFuture<Long> opener = CompletableFuture.supplyAsync(
                () -> budget.grant("b", 80 * MIB, 100 * MIB, Duration.ofSeconds(30), BufferPoolBudget.RoomMaker.NONE));
        budget.release(90 * MIB); // the busy database's queries returned and it closed
        assertThat(opener.get(20, TimeUnit.SECONDS)).isEqualTo(80 * MIB);
        assertThat(budget.refusals()).isZero();
    }
}
