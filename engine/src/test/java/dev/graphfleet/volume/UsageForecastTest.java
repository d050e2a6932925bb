package dev.graphfleet.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageForecastTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Duration WINDOW = Duration.ofHours(6);

    static UsageSample at(long minutesAgo, double gb) {
        return new UsageSample(NOW.minus(Duration.ofMinutes(minutesAgo)), gb);
    }

    @Test
    void aLinearSeriesGivesItsSlope() {
        UsageForecast f = UsageForecast.fit(List.of(at(120, 10), at(60, 12), at(0, 14)), NOW, WINDOW);
        assertThat(f.growthGbPerHour()).isCloseTo(2.0, within(1e-9));
        assertThat(f.samples()).isEqualTo(3);
        assertThat(f.span()).isEqualTo(Duration.ofHours(2));
        assertThat(f.timeUntil(14, 20)).contains(Duration.ofHours(3));
        assertThat(f.projectedGrowthGb(Duration.ofHours(6))).isCloseTo(12.0, within(1e-9));
    }

    @Test
    void noisySamplesAreFittedByLeastSquares() {
        // y = 1 + 1·x with noise +0.5, -0.5, +0.5, -0.5 at x = 0,1,2,3 h: slope 1 - 0.4 = 0.6? compute: exact LS
        UsageForecast f = UsageForecast.fit(List.of(at(180, 1.5), at(120, 1.5), at(60, 3.5), at(0, 3.5)), NOW, WINDOW);
        // x̄ = 1.5, ȳ = 2.5; Σdx·dy = (-1.5)(-1) + (-0.5)(-1) + (0.5)(1) + (1.5)(1) = 4; Σdx² = 5 -> 0.8
        assertThat(f.growthGbPerHour()).isCloseTo(0.8, within(1e-9));
    }

    @Test
    void flatOrFallingMeansNoGrowth() {
        assertThat(UsageForecast.fit(List.of(at(60, 10), at(0, 10)), NOW, WINDOW).growing()).isFalse();
        UsageForecast falling = UsageForecast.fit(List.of(at(60, 12), at(0, 10)), NOW, WINDOW);
        assertThat(falling.growing()).isFalse();
        assertThat(falling.timeUntil(10, 20)).isEmpty();
        assertThat(falling.projectedGrowthGb(Duration.ofHours(6))).isZero();
    }

    @Test
    void tooFewSamplesOrOneInstantMeansNoGrowth() {
        assertThat(UsageForecast.fit(List.of(), NOW, WINDOW).growing()).isFalse();
        assertThat(UsageForecast.fit(List.of(at(0, 10)), NOW, WINDOW).growing()).isFalse();
        assertThat(UsageForecast.fit(List.of(at(0, 10), at(0, 20)), NOW, WINDOW).growing()).isFalse();
    }

    @Test
    void samplesOutsideTheWindowAreIgnored() {
        // a steep old segment outside the window, flat inside it
        UsageForecast f = UsageForecast.fit(List.of(at(600, 0), at(420, 50), at(120, 100), at(0, 100)), NOW, WINDOW);
        assertThat(f.samples()).isEqualTo(2);
        assertThat(f.growing()).isFalse();
    }

    @Test
    void usageAlreadyAtTheLimitIsZeroTimeAway() {
        assertThat(UsageForecast.noGrowth().timeUntil(20, 20)).contains(Duration.ZERO);
    }

    @Test
    void usedGbStaysContinuousAcrossAnExpansion() {
        // the fraction drops from 85 % to 57 % when 100 GB becomes 150 GB; used GB keeps rising 1 GB/h
        UsageForecast f = UsageForecast.fit(List.of(at(120, 85), at(60, 86), at(0, 87)), NOW, WINDOW);
        assertThat(f.growthGbPerHour()).isCloseTo(1.0, within(1e-9));
    }
}
