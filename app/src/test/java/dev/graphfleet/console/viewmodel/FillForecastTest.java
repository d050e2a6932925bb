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
        assertThat(f.text()).isEqualTo("fills in ~7 h (+20.0 GB/h)");
        assertThat(f.untilFull()).contains(Duration.ofHours(7));
    }

    @Test
    void slowGrowthIsSaidInDaysAndMegabytes() {
        FillForecast f = FillForecast.of(hourly(5, 100, 0.05), 100.2, 500, after(4));
        assertThat(f.text()).isEqualTo("fills in ~333 d (+50 MB/h)");
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
}
