package dev.graphfleet.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MetricsCollectorTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-21T10:00:00Z"));

    @Test
    void sectionsComeInOrderWithTheirCollectionTimeAndAgeJudgedStale() {
        Instant cached = clock.instant();
        try (MetricsCollector collector = new MetricsCollector(clock, Duration.ofSeconds(3))) {
            collector.liveSection("live", () -> Map.of("x", 1));
            collector.section("cache", () -> new Timed<>(Map.of("y", 2), cached), Duration.ofSeconds(10));
            Map<String, Object> first = collector.collect();
            assertThat(first.keySet()).containsExactly("timestamp", "live", "cache", "problems", "status");
            assertThat(first.get("status")).isEqualTo("ok");
            assertThat((SectionReport) first.get("cache")).isEqualTo(new SectionReport(Map.of("y", 2), cached, false, null));

            clock.advance(Duration.ofSeconds(11));
            SectionReport old = (SectionReport) collector.collect().get("cache");
            assertThat(old.stale()).isTrue();
            assertThat(old.collectedAt()).isEqualTo(cached);
            SectionReport live = (SectionReport) collector.collect().get("live");
            assertThat(live.stale()).isFalse();
            assertThat(live.collectedAt()).isEqualTo(clock.instant());
        }
    }

    @Test
    void anInlineSectionThatThrowsIsReportedAloneWithItsError() {
        try (MetricsCollector collector = new MetricsCollector(clock, Duration.ofSeconds(3))) {
            AtomicInteger calls = new AtomicInteger();
            collector.liveSection("counter", () -> {
                if (calls.incrementAndGet() > 1) {
                    throw new IllegalStateException("bad state");
                }
                return 1;
            });
            assertThat(collector.collect().get("problems")).asList().isEmpty();
            Map<String, Object> failing = collector.collect();
            SectionReport report = (SectionReport) failing.get("counter");
            assertThat(report).isEqualTo(new SectionReport(1, clock.instant(), true, "bad state"));
            assertThat(failing.get("problems")).asList()
                    .containsExactly(new MetricsCollector.Problem("counter", "bad state"));
            assertThat(failing.get("status")).isEqualTo("degraded");
        }
    }

    @Test
    void aFailureIsReportedWithTheLastGoodValue() {
        AtomicInteger calls = new AtomicInteger();
        try (MetricsCollector collector = new MetricsCollector(clock, Duration.ofSeconds(3))) {
            collector.guardedSection("flaky", () -> {
                if (calls.incrementAndGet() > 1) {
                    throw new IllegalStateException("probe broke");
                }
                return "good";
            });
            collector.liveSection("fine", () -> "ok");
            collector.collect();
            Map<String, Object> second = collector.collect();
            SectionReport flaky = (SectionReport) second.get("flaky");
            assertThat(flaky.value()).isEqualTo("good");
            assertThat(flaky.stale()).isTrue();
            assertThat(flaky.error()).isEqualTo("probe broke");
            assertThat(((SectionReport) second.get("fine")).stale()).isFalse();
        }
    }

    @Test
    void aLateSectionIsServedFromCacheAndNotStartedAgainWhileRunning() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        try (MetricsCollector collector = new MetricsCollector(clock, Duration.ofMillis(100))) {
            collector.guardedSection("slow", () -> {
                if (calls.incrementAndGet() > 1) {
                    await(release);
                }
                return "value " + calls.get();
            });
            assertThat(((SectionReport) collector.collect().get("slow")).value()).isEqualTo("value 1");
            for (int i = 0; i < 3; i++) {
                SectionReport late = (SectionReport) collector.collect().get("slow");
                assertThat(late.value()).isEqualTo("value 1");
                assertThat(late.stale()).isTrue();
                assertThat(late.error()).isNull();
            }
            assertThat(calls.get()).isEqualTo(2);
            release.countDown();
        }
    }

    @Test
    void aLateSectionWithNothingCachedSaysSo() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (MetricsCollector collector = new MetricsCollector(clock, Duration.ofMillis(50))) {
            collector.guardedSection("never", () -> {
                await(release);
                return "late";
            });
            SectionReport report = (SectionReport) collector.collect().get("never");
            assertThat(report.value()).isNull();
            assertThat(report.stale()).isTrue();
            assertThat(report.error()).contains("nothing cached yet");
            release.countDown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
