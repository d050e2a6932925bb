package dev.graphfleet.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The hand-off to the FX thread, with a queue standing in for Platform.runLater's queue. */
class LatestOnFxThreadTest {

    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final List<String> applied = new ArrayList<>();
    private final LatestOnFxThread<String> handoff = new LatestOnFxThread<>(fxQueue::add, applied::add);

    @Test
    void aBusyFxThreadAppliesOnlyTheNewestValueOnce() {
        handoff.accept("refresh 1");
        handoff.accept("refresh 2");
        handoff.accept("refresh 3");

        assertThat(fxQueue).as("one task queued, however many refreshes arrive").hasSize(1);
        runFxQueue();
        assertThat(applied).containsExactly("refresh 3");
    }

    @Test
    void aValueArrivingAfterTheTaskRanIsQueuedAgain() {
        handoff.accept("refresh 1");
        runFxQueue();
        handoff.accept("refresh 2");
        runFxQueue();

        assertThat(applied).containsExactly("refresh 1", "refresh 2");
    }

    private void runFxQueue() {
        while (!fxQueue.isEmpty()) {
            fxQueue.poll().run();
        }
    }
}
