package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VolumeHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private static VolumeHistory.Point at(long seconds, double used) {
        return new VolumeHistory.Point(T0.plusSeconds(seconds), used, 100);
    }

    @Test
    void keepsAtMostItsCapacityDroppingTheOldest() {
        VolumeHistory history = new VolumeHistory(3, Duration.ofSeconds(5));
        for (int i = 0; i < 5; i++) {
            history.record("w", at(i * 10L, i));
        }
        assertThat(history.points("w")).extracting(VolumeHistory.Point::usedGb).containsExactly(2.0, 3.0, 4.0);
    }

    @Test
    void skipsReadingsCloserThanTheSpacingOrNotNewer() {
        VolumeHistory history = new VolumeHistory(10, Duration.ofSeconds(5));
        history.record("w", at(0, 1));
        history.record("w", at(4, 2));   // too soon
        history.record("w", at(0, 3));   // not newer
        history.record("w", at(5, 4));
        assertThat(history.points("w")).extracting(VolumeHistory.Point::usedGb).containsExactly(1.0, 4.0);
        assertThat(history.samples("w")).extracting(s -> s.usedGb()).containsExactly(1.0, 4.0);
    }

    @Test
    void forgetsInstancesThatLeftTheFleet() {
        VolumeHistory history = new VolumeHistory();
        history.record("a", at(0, 1));
        history.record("b", at(0, 1));
        history.retain(Set.of("b"));
        assertThat(history.points("a")).isEmpty();
        assertThat(history.points("b")).hasSize(1);
    }

    @Test
    void refusesACapacityThatCannotHoldALine() {
        assertThatThrownBy(() -> new VolumeHistory(1, Duration.ZERO)).hasMessageContaining("at least 2 points");
    }
}
