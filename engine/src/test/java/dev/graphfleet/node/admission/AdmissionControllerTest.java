package dev.graphfleet.node.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdmissionControllerTest {

    private static ResourceGauge fixed(double cpu, double memory) {
        long total = 1000;
        return () -> new ResourceSample(cpu, 2, total, (long) (total * (1 - memory / 100)), null, Instant.EPOCH);
    }

    @Test
    @SuppressWarnings("try") // the slot is held, not used
    void aBurstNeverExceedsTheLimitBecauseCheckAndIncrementAreOneStep() throws Exception {
        int limit = 5;
        AdmissionController controller = new AdmissionController(  // the node's limit out of the way
                AdmissionSettings.DEFAULTS.withMaxInFlightPerDatabase(limit).withInFlight(false, 64, 64), fixed(10, 10));
        int threads = 16;
        int attempts = 2_000;
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        AtomicLong admitted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < attempts; i++) {
                    try (AdmissionSlot slot = controller.admit("db", Operation.QUERY)) {
                        admitted.incrementAndGet();
                        mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                        Thread.onSpinWait();
                        holding.decrementAndGet();
                    } catch (AdmissionRejectedException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : futures) {
            future.get(1, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(mostHeld.get()).isLessThanOrEqualTo(limit);
        assertThat(admitted.get() + refused.get()).isEqualTo((long) threads * attempts);
        assertThat(controller.inFlight("db")).isZero();
        AdmissionSnapshot snapshot = controller.snapshot();
        assertThat(snapshot.accepted()).isEqualTo(admitted.get());
        assertThat(snapshot.rejected().get("in_flight")).isEqualTo(refused.get());
    }

    @Test
    void slotsAreReleasedOnceAndTheSnapshotShowsTheFigures() throws Exception {
        AdmissionController controller = new AdmissionController(
                AdmissionSettings.DEFAULTS.withMaxInFlightPerDatabase(1), fixed(40, 60));
        AdmissionSlot a = controller.admit("graph_123", Operation.QUERY);
        AdmissionSlot b = controller.admit("graph_xyz", Operation.QUERY);
        assertThatThrownBy(() -> controller.admit("graph_123", Operation.QUERY))
                .isInstanceOfSatisfying(AdmissionRejectedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(e.decision().outcome()).isEqualTo(AdmissionDecision.Outcome.REJECT_IN_FLIGHT);
                })
                .hasMessageContaining("graph_123");
        b.close();
        b.close(); // idempotent: never below zero, never frees someone else's slot
        AdmissionSnapshot snapshot = controller.snapshot();
        assertThat(snapshot.memoryPercent()).isEqualTo(60.0);
        assertThat(snapshot.cpuPercent()).isEqualTo(40.0);
        assertThat(snapshot.inFlight()).containsEntry("graph_123", 1).containsEntry("graph_xyz", 0);
        assertThat(snapshot.totalInFlight()).isEqualTo(1);
        assertThat(controller.awaitIdle("graph_123", Duration.ofMillis(10))).isFalse();
        a.close();
        assertThat(controller.awaitIdle("graph_123", Duration.ofSeconds(1))).isTrue();
        assertThat(controller.awaitAllIdle(Duration.ofSeconds(1))).isTrue();
    }

    @Test
    void awaitIdleWakesWhenTheLastSlotIsReleasedOnAnotherThread() throws Exception {
        AdmissionController controller = new AdmissionController(AdmissionSettings.DEFAULTS, fixed(10, 10));
        AdmissionSlot slot = controller.admit("db", Operation.QUERY);
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        CountDownLatch waiting = new CountDownLatch(1);
        Future<Boolean> idle = waiter.submit(() -> {
            waiting.countDown();
            return controller.awaitIdle("db", Duration.ofMinutes(1));
        });
        waiting.await();
        slot.close();
        assertThat(idle.get(1, TimeUnit.MINUTES)).isTrue();
        waiter.shutdown();
    }

    @Test
    @SuppressWarnings("try") // the slot is held, not used
    void aDatabaseThatDoesNotExistIsForgotten() {
        AdmissionController controller = new AdmissionController(AdmissionSettings.DEFAULTS, fixed(10, 10));
        controller.admit("typo", Operation.QUERY).close();
        controller.forget("typo");
        assertThat(controller.snapshot().inFlight()).doesNotContainKey("typo");
        try (AdmissionSlot held = controller.admit("busy", Operation.QUERY)) {
            controller.forget("busy"); // in use: kept
            assertThat(controller.inFlight("busy")).isEqualTo(1);
        }
    }

    @Test
    void resourcePressureIsCountedByReason() {
        AdmissionController controller = new AdmissionController(AdmissionSettings.DEFAULTS, fixed(95, 90));
        assertThatThrownBy(() -> controller.admit("db", Operation.QUERY)).hasMessageContaining("Memory usage too high");
        assertThat(controller.snapshot().rejected()).containsEntry("memory", 1L).containsEntry("cpu", 0L);
        assertThat(controller.inFlight("db")).isZero();
    }

    @Test
    void theNodesFixedCapRefusesAcrossDatabasesAndAFreedPlaceAdmitsAgain() {
        AdmissionController controller = new AdmissionController(
                AdmissionSettings.DEFAULTS.withInFlight(false, 1, 2), fixed(10, 10));
        AdmissionSlot a = controller.admit("one", Operation.QUERY);
        AdmissionSlot b = controller.admit("two", Operation.QUERY);
        assertThatThrownBy(() -> controller.admit("three", Operation.QUERY))
                .isInstanceOf(AdmissionRejectedException.class)
                .hasMessageContaining("Too many queries in flight on this node: 2 of 2 allowed (node.admission.max_in_flight)")
                .hasMessageContaining("retry in 5 s");
        assertThat(controller.inFlight("three")).isZero(); // the refused request holds no place on its database
        a.closeFailed(false);
        controller.admit("three", Operation.QUERY).close();
        b.close();
        assertThat(controller.snapshot().rejected()).containsEntry("limit", 1L);
        assertThat(controller.snapshot().inFlightLimit()).isEqualTo(2);
        assertThat(controller.totalInFlight()).isZero();
    }
}
