package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.volume.UsageSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FillForecastTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    /** {@code n} hourly readings starting at {@code used}, growing {@code perHour}. */
    private static List<UsageSample> hourly(int n, double used, double perHour) {
        List<UsageSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new UsageSample(T0.plus(Duration.ofHours(i)), used + i * perHour));
        }
        return out;
    }

    private static Instant after(int hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    @Test
    void aSteadyGrowthFillsTheRestAtItsRate() {
        FillForecast f = FillForecast.of(hourly(4, 300, 20), 360, 500, after(3));
        assertThat(f.text()).isEqualTo("fills in ~7 h (+20.0 GB/h; 4 readings over 3 h 00 min)");
        assertThat(f.untilFull()).contains(Duration.ofHours(7));
    }

    @Test
    void slowGrowthIsSaidInDaysAndMegabytes() {
        FillForecast f = FillForecast.of(hourly(5, 100, 0.05), 100.2, 500, after(4));
        assertThat(f.text()).isEqualTo("fills in ~333 d (+50 MB/h; 5 readings over 4 h 00 min)");
    }

    @Test
    void aFlatOrShrinkingVolumeIsNotGrowing() {
        assertThat(FillForecast.of(hourly(4, 300, 0), 300, 500, after(3)).text()).isEqualTo("not growing");
        assertThat(FillForecast.of(hourly(4, 300, -5), 285, 500, after(3)).text()).isEqualTo("not growing");
    }

    @Test
    void tooFewReadingsSayHowManyMoreAreNeeded() {
        assertThat(FillForecast.of(hourly(2, 300, 20), 320, 500, after(1)).text())
                .isEqualTo("collecting history (2 of 3)");
    }

    @Test
    void aFullVolumeIsFull() {
        FillForecast f = FillForecast.of(hourly(3, 480, 10), 500, 500, after(2));
        assertThat(f.text()).isEqualTo("full");
        assertThat(f.untilFull()).contains(Duration.ZERO);
    }

    @Test
    void roughTimesUseOneUnit() {
        assertThat(FillForecast.roughly(Duration.ofSeconds(30))).isEqualTo("1 min");
        assertThat(FillForecast.roughly(Duration.ofMinutes(119))).isEqualTo("119 min");
        assertThat(FillForecast.roughly(Duration.ofMinutes(150))).isEqualTo("3 h");
        assertThat(FillForecast.roughly(Duration.ofHours(47))).isEqualTo("47 h");
        assertThat(FillForecast.roughly(Duration.ofHours(60))).isEqualTo("3 d");
    }

    /** Readings a minute apart: {@code values} GB. */
    private static List<UsageSample> minutely(double... values) {
        List<UsageSample> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new UsageSample(T0.plus(Duration.ofMinutes(i)), values[i]));
        }
        return out;
    }

    @Test
    void aStepAfterARolloutIsNotGrowthOnAVolumeAtNinePercent() {
        // The case: 45 GB of 500 (9 %), flat, then a rollout writes 3 GB once, then flat again.
        List<UsageSample> series = minutely(45.00, 45.01, 45.00, 45.02, 45.01, 45.02,
                48.02, 48.03, 48.02, 48.04, 48.03, 48.04);
        FillForecast f = FillForecast.of(series, 48.04, 500, T0.plus(Duration.ofMinutes(11)));

        assertThat(dev.graphfleet.volume.UsageForecast.fit(series, T0.plus(Duration.ofMinutes(11)), FillForecast.WINDOW)
                .timeUntil(48.04, 500)).as("the plain fit: the old red alarm").hasValueSatisfying(
                        d -> assertThat(d).isLessThan(Duration.ofDays(1)));
        assertThat(f.alarming()).isFalse();
        assertThat(f.untilFull().orElse(Duration.ofDays(999))).isGreaterThan(Duration.ofDays(30));
        assertThat(f.text()).satisfiesAnyOf(t -> assertThat(t).isEqualTo("not growing"),
                t -> assertThat(t).contains("1 step ignored"));
    }

    @Test
    void aStepIsIgnoredButTheGrowthAroundItIsKept() {
        // +1 GB a minute, with a 20 GB step from a restart in the middle
        List<UsageSample> series = minutely(100, 101, 102, 103, 104, 125, 126, 127, 128, 129, 130);
        FillForecast f = FillForecast.of(series, 130, 500, T0.plus(Duration.ofMinutes(10)));

        assertThat(f.growthPerHour()).isCloseTo(60, org.assertj.core.api.Assertions.within(0.5));
        assertThat(f.text()).isEqualTo("fills in ~6 h (+60.0 GB/h; 11 readings over 10 min, 1 step ignored)");
        assertThat(f.alarming()).isTrue();
    }

    @Test
    void aJumpInTheLatestReadingIsUnsureNotAnAlarm() {
        List<UsageSample> series = minutely(45.00, 45.01, 45.00, 45.02, 45.01, 45.02, 45.01, 45.02, 45.01, 45.02, 49.0);
        FillForecast f = FillForecast.of(series, 49.0, 500, T0.plus(Duration.ofMinutes(10)));

        assertThat(f.text()).startsWith("unsure: usage jumped in the latest reading (11 readings over 10 min");
        assertThat(f.alarming()).isFalse();
        assertThat(f.confident()).isFalse();
    }

    @Test
    void growthThatKeepsJumpingIsGrowthNotSteps() {
        // flat, then a bulk load adds 20 GB a minute: every jump is followed by another
        List<UsageSample> series = minutely(100, 100, 100, 100, 100, 100, 100, 120, 140, 160, 180);
        FillForecast f = FillForecast.of(series, 180, 500, T0.plus(Duration.ofMinutes(10)));

        assertThat(f.untilFull()).isPresent();
        assertThat(f.text()).startsWith("fills in ~").doesNotContain("step");
    }

    @Test
    void fewReadingsOrAShortSpanAreUnsureAndNeverRed() {
        FillForecast f = FillForecast.of(minutely(45, 46, 47), 47, 500, T0.plus(Duration.ofMinutes(2)));

        assertThat(f.text()).isEqualTo("unsure: not enough history (3 readings over 2 min; a forecast needs 4 over 10 min)");
        assertThat(f.alarming()).as("a 'fills in ~7 h' from 3 readings in 2 minutes is no alarm").isFalse();
    }

    @Test
    void scatteredReadingsAreUnsure() {
        List<UsageSample> series = minutely(50, 58, 49, 57, 50, 59, 51, 58, 52, 60, 52, 61);
        FillForecast f = FillForecast.of(series, 61, 500, T0.plus(Duration.ofMinutes(11)));

        assertThat(f.text()).startsWith("unsure: usage moves irregularly (12 readings over 11 min, fit R² ");
        assertThat(f.alarming()).isFalse();
    }
}
