package dev.graphfleet.node.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.node.admission.AdmissionDecision.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What a caller and an operator see at the edges of admission: refused only past a limit, always
 * with the Retry-After the settings give; a place freed however the request ended; the figures
 * /metrics shows.
 */
class AdmissionEdgesTest {

    private static final Duration RETRY = Duration.ofSeconds(7);
    private static final AdmissionSettings SETTINGS =
            new AdmissionSettings(80.0, 90.0, 60.0, 3, RETRY, Duration.ofSeconds(1));

    private static ResourceGauge fixed(double cpu, double memory) {
        long total = 1000;
        return () -> new ResourceSample(cpu, 2, total, (long) (total * (1 - memory / 100)), null, Instant.EPOCH);
    }

    @Test
    void overTheMemoryBudgetEveryRequestIsRefusedWithTheReasonAndRetryAfterAndHoldsNothing() {
        String[] reason = {"process memory 900 MiB over node.memory.budget_mb 800"};
        AdmissionController controller = new AdmissionController(SETTINGS, fixed(10, 10), () -> reason[0]);

        assertThatThrownBy(() -> controller.admit("db", Operation.QUERY))
                .isInstanceOfSatisfying(MemoryLimitException.class, e -> assertThat(e.retryAfter()).isEqualTo(RETRY))
                .hasMessage("refusing new work on db: process memory 900 MiB over node.memory.budget_mb 800; retry in 7 s");
        assertThat(controller.inFlight("db")).isZero();
        assertThat(controller.snapshot().rejected()).containsEntry("memory", 1L);
        assertThat(controller.snapshot().accepted()).isZero();

        reason[0] = null; // back under budget: admitted again
        controller.admit("db", Operation.QUERY).close();
        assertThat(controller.snapshot().accepted()).isEqualTo(1L);
    }

    @Test
    void everyRefusalCarriesTheConfiguredRetryAfterAndIsCountedUnderItsOwnLabel() {
        AdmissionController cpuBusy = new AdmissionController(SETTINGS, fixed(95, 10));
        assertThatThrownBy(() -> cpuBusy.admit("db", Operation.QUERY))
                .isInstanceOfSatisfying(AdmissionRejectedException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(RETRY);
                    assertThat(e.decision().outcome()).isEqualTo(Outcome.REJECT_CPU);
                })
                .hasMessage("node overloaded, refusing new work on db: CPU usage too high: 95.0% > 90.0%; retry in 7 s");
        assertThat(cpuBusy.snapshot().rejected()).containsExactlyInAnyOrderEntriesOf(
                java.util.Map.of("memory", 0L, "cpu", 1L, "in_flight", 0L, "limit", 0L));
        assertThat(cpuBusy.inFlight("db")).isZero();
    }

    @Test
    void anUnknownSampleNeverRefusesAndShowsAsUnknown() {
        AdmissionController controller = new AdmissionController(SETTINGS, () -> null);
        controller.admit("db", Operation.INGESTION).close();
        AdmissionSnapshot snapshot = controller.snapshot();
        assertThat(snapshot.memoryPercent()).isNull();
        assertThat(snapshot.cpuPercent()).isNull();
        assertThat(snapshot.sampledAt()).isNull();
        assertThat(snapshot.accepted()).isEqualTo(1L);
    }

    @Test
    void theSnapshotShowsTheThresholdsAndFiguresRoundedToHundredths() {
        long total = 3;
        AdmissionController controller = new AdmissionController(SETTINGS,
                () -> new ResourceSample(12.3456, 2, total, 2L, null, Instant.parse("2026-12-07T06:00:00Z")));
        AdmissionSnapshot snapshot = controller.snapshot();
        assertThat(snapshot.memoryThresholdPercent()).isEqualTo(80.0);
        assertThat(snapshot.cpuThresholdPercent()).isEqualTo(90.0);
        assertThat(snapshot.ingestionCpuThresholdPercent()).isEqualTo(60.0);
        assertThat(snapshot.maxInFlightPerDatabase()).isEqualTo(3);
        assertThat(snapshot.cpuPercent()).isEqualTo(12.35);
        assertThat(snapshot.memoryPercent()).isEqualTo(33.33);
        assertThat(snapshot.sampledAt()).isEqualTo(Instant.parse("2026-12-07T06:00:00Z"));
        assertThat(snapshot.adaptiveLimit()).isTrue();
    }

    @Test
    void aFinishedRequestFreesOnePlaceOnItsDatabaseAndWaitingForIdleWaitsForTheOthers() throws Exception {
        AdmissionController controller = new AdmissionController(SETTINGS, fixed(10, 10));
        AdmissionSlot first = controller.admit("db", Operation.QUERY);
        AdmissionSlot second = controller.admit("db", Operation.QUERY);
        controller.admit("other", Operation.QUERY);
        first.close();
        assertThat(controller.inFlight("db")).isEqualTo(1);
        assertThat(controller.inFlight("never-asked")).isZero();
        assertThat(controller.totalInFlight()).isEqualTo(2);
        assertThat(controller.awaitAllIdle(Duration.ofMillis(10))).isFalse();
        second.close();
        assertThat(controller.awaitIdle("db", Duration.ofMillis(10))).isTrue();
        assertThat(controller.awaitAllIdle(Duration.ofMillis(10))).isFalse(); // "other" still holds its slot
        assertThat(controller.settings()).isSameAs(SETTINGS);
    }

    @Test
    void aRequestThatTimedOutFreesItsPlaceInTheNodesLimit() {
        AdmissionController controller = new AdmissionController(SETTINGS.withInFlight(false, 1, 1), fixed(10, 10));
        controller.admit("one", Operation.QUERY).closeFailed(true);
        AdmissionSlot next = controller.admit("two", Operation.QUERY);
        assertThat(next.database()).isEqualTo("two");
        next.closeFailed(false);
        controller.admit("three", Operation.QUERY).close();
        assertThat(controller.totalInFlight()).isZero();
    }

    @Test
    void closingASlotTwiceFreesOnePlaceNotTwo() {
        AdmissionController controller = new AdmissionController(SETTINGS.withInFlight(false, 1, 2), fixed(10, 10));
        AdmissionSlot once = controller.admit("a", Operation.QUERY);
        once.close();
        once.close();
        once.closeFailed(true);
        controller.admit("b", Operation.QUERY);
        controller.admit("c", Operation.QUERY);
        assertThatThrownBy(() -> controller.admit("d", Operation.QUERY))
                .hasMessageContaining("Too many queries in flight on this node: 2 of 2 allowed");
        assertThat(controller.totalInFlight()).isEqualTo(2);
    }

    @Test
    void theAdaptiveLimitStartsAtTwoQueriesPerCoreWithinItsBoundsAndSaysItAdapts() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(AdaptiveLimit.initialLimit(SETTINGS.withInFlight(true, 1, 1000))).isEqualTo(2 * cores);
        assertThat(AdaptiveLimit.initialLimit(SETTINGS.withInFlight(true, 2 * cores + 5, 1000))).isEqualTo(2 * cores + 5);
        assertThat(AdaptiveLimit.initialLimit(SETTINGS.withInFlight(true, 1, 1))).isEqualTo(1);

        AdmissionController controller = new AdmissionController(SETTINGS.withInFlight(true, 1, 1), fixed(10, 10));
        assertThat(controller.snapshot().inFlightLimit()).isEqualTo(1);
        assertThat(controller.snapshot().adaptiveLimit()).isTrue();
        AdmissionSlot held = controller.admit("a", Operation.QUERY);
        assertThatThrownBy(() -> controller.admit("b", Operation.QUERY))
                .isInstanceOfSatisfying(AdmissionRejectedException.class,
                        e -> assertThat(e.decision().outcome()).isEqualTo(Outcome.REJECT_LIMIT))
                .hasMessageContaining("1 of 1 allowed now (the limit adapts to the queries' latency;"
                        + " node.admission.max_in_flight caps it)");
        held.close();
        assertThat(new AdmissionController(SETTINGS.withInFlight(true, 1, 3), fixed(10, 10)).snapshot().inFlightLimit())
                .isEqualTo(Math.min(3, 2 * cores));
        assertThat(new AdmissionController(SETTINGS.withInFlight(true, 1, 1000), fixed(10, 10)).snapshot().inFlightLimit())
                .as("adaptive: starts at what the cores serve, not at the cap").isEqualTo(2 * cores);
    }

    @Test
    void ingestionIsRefusedOnlyPastItsOwnThresholdAndAQueryRefusalSaysNothingOfIngestion() {
        AdmissionPolicy policy = new AdmissionPolicy(SETTINGS);
        assertThat(policy.decide(10.0, 60.0, 0, Operation.INGESTION).accepted()).isTrue();
        assertThat(policy.decide(10.0, 60.1, 0, Operation.INGESTION).reason())
                .isEqualTo("CPU usage too high: 60.1% > 60.0% (the ingestion threshold)");
        assertThat(policy.decide(10.0, 90.1, 0, Operation.QUERY).reason()).isEqualTo("CPU usage too high: 90.1% > 90.0%");
        assertThat(policy.decide(80.1, null, 0, Operation.QUERY).outcome()).isEqualTo(Outcome.REJECT_MEMORY);
        assertThat(policy.decide(null, 90.1, 0, Operation.QUERY).outcome()).isEqualTo(Outcome.REJECT_CPU);
        assertThat(policy.decide(10.0, 10.0, 2, Operation.INGESTION).accepted()).isTrue();
        assertThat(policy.decide(10.0, 10.0, 3, Operation.INGESTION).outcome()).isEqualTo(Outcome.REJECT_IN_FLIGHT);
    }

    @Test
    void theRefusalLabelsAreTheOnesMetricsShow() {
        assertThat(Outcome.ACCEPT.label()).isEqualTo("accept");
        assertThat(Outcome.REJECT_MEMORY.label()).isEqualTo("memory");
        assertThat(Outcome.REJECT_CPU.label()).isEqualTo("cpu");
        assertThat(Outcome.REJECT_IN_FLIGHT.label()).isEqualTo("in_flight");
        assertThat(Outcome.REJECT_LIMIT.label()).isEqualTo("limit");
        assertThat(new AdmissionController(SETTINGS, fixed(10, 10)).snapshot().rejected())
                .containsOnlyKeys("memory", "cpu", "in_flight", "limit");
    }

    @Test
    void eachSettingIsAcceptedAtItsEdgeAndRefusedOnePast() {
        AdmissionSettings d = AdmissionSettings.DEFAULTS;
        assertThatCode(() -> d.withThresholds(100, 100, 100)).doesNotThrowAnyException();
        assertThatCode(() -> d.withThresholds(0.1, 0.1, 0.1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> d.withThresholds(0, 50, 50)).hasMessageContaining("memory threshold must be a percentage in (0, 100], got 0.0");
        assertThatThrownBy(() -> d.withThresholds(50, 0, 50)).hasMessageContaining("admission CPU threshold");
        assertThatThrownBy(() -> d.withThresholds(50, 100.5, 50)).hasMessageContaining("admission CPU threshold");
        assertThatThrownBy(() -> d.withThresholds(50, 50, 0)).hasMessageContaining("ingestion CPU threshold");
        assertThatThrownBy(() -> d.withThresholds(50, 50, 101)).hasMessageContaining("ingestion CPU threshold");
        assertThatThrownBy(() -> d.withThresholds(Double.NaN, 50, 50)).hasMessageContaining("memory threshold");
        assertThatCode(() -> d.withMaxInFlightPerDatabase(1)).doesNotThrowAnyException();
        for (Duration bad : new Duration[] {null, Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() -> new AdmissionSettings(85, 100, 100, 10, bad, Duration.ofSeconds(1)))
                    .hasMessage("admission retry-after must be positive");
            assertThatThrownBy(() -> new AdmissionSettings(85, 100, 100, 10, Duration.ofSeconds(5), bad))
                    .hasMessage("admission sample interval must be positive");
        }
        assertThatCode(() -> d.withInFlight(true, 1, 1)).doesNotThrowAnyException();
        assertThatThrownBy(() -> d.withInFlight(true, 0, 4))
                .hasMessage("admission in-flight limits must be 1 ≤ min_in_flight ≤ max_in_flight, got 0 and 4");
        assertThatThrownBy(() -> d.withInFlight(true, 5, 4)).hasMessageContaining("got 5 and 4");
        AdmissionSettings fixedCap = d.withInFlight(false, 2, 8).withMaxInFlightPerDatabase(3).withThresholds(70, 80, 60);
        assertThat(fixedCap).isEqualTo(new AdmissionSettings(70, 80, 60, 3, Duration.ofSeconds(5), Duration.ofSeconds(1),
                false, 2, 8));
        assertThat(new AdmissionController(fixedCap, fixed(10, 10)).snapshot().adaptiveLimit()).isFalse();
        assertThat(new AdmissionController(fixedCap, fixed(10, 10)).snapshot().inFlightLimit()).isEqualTo(8);
    }

    @Test
    void memoryAndDiskFiguresAreUnknownRatherThanWrongWhenAProbeFails() {
        assertThat(new ResourceSample(1.0, 2, null, 5L, null, Instant.EPOCH).memoryPercent()).isNull();
        assertThat(new ResourceSample(1.0, 2, 10L, null, null, Instant.EPOCH).memoryPercent()).isNull();
        assertThat(new ResourceSample(1.0, 2, 0L, 0L, null, Instant.EPOCH).memoryPercent()).isNull();
        assertThat(new ResourceSample(1.0, 2, 1000L, 250L, null, Instant.EPOCH).memoryPercent()).isEqualTo(75.0);
        assertThat(new ResourceSample.DiskUsage(100, 30, 10, "/").usageFraction()).isEqualTo(0.75);
        assertThat(new ResourceSample.DiskUsage(0, 0, 0, "/").usageFraction()).isZero();
    }
}
