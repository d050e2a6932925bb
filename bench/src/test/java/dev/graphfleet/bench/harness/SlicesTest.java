package dev.graphfleet.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SlicesTest {

    private static final Duration SLICE = Duration.ofMillis(20);

    @Test
    void twoSidesNeverRunAtTheSameTimeAndEachCountsOnlyItsOwnOperations() throws Exception {
        AtomicInteger running = new AtomicInteger(-1); // the side with an operation in flight, -1 none
        AtomicInteger overlaps = new AtomicInteger();
        List<LongAdder> runs = List.of(new LongAdder(), new LongAdder(), new LongAdder());
        List<ClosedLoop.Operation> operations = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            int side = s;
            operations.add((client, random) -> {
                int before = running.getAndSet(side);
                if (before != -1 && before != side) {
                    overlaps.incrementAndGet();
                }
                runs.get(side).increment();
                Thread.onSpinWait();
                running.compareAndSet(side, -1);
                return side != 2; // the third side's operations are all refused: never counted as served
            });
        }
        try (Slices slices = new Slices(1, operations)) {
            slices.warmUp(SLICE);
            double[] perSecond = slices.round(1, 3, SLICE);
            assertThat(perSecond[0]).isPositive();
            assertThat(perSecond[1]).isPositive();
            assertThat(perSecond[2]).isZero();
        }
        assertThat(overlaps).hasValue(0);
        runs.forEach(r -> assertThat(r.sum()).isPositive());
    }

    @Test
    void aFailingOperationEndsTheRoundWithItsCause() throws Exception {
        List<ClosedLoop.Operation> operations = List.of((client, random) -> true, (client, random) -> {
            throw new IllegalArgumentException("the engine said no");
        });
        try (Slices slices = new Slices(2, operations)) {
            assertThatThrownBy(() -> slices.round(0, 2, SLICE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("the engine said no");
        }
    }

    @Test
    @Timeout(30) // a client left parked would hang close() for ever
    void closingWakesParkedClients() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        Slices slices = new Slices(4, List.of((client, random) -> ran.incrementAndGet() > 0));
        slices.close(); // never opened a slice: every client is parked, and must still end
        assertThat(ran).hasValue(0);
    }
}
