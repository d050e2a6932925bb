package dev.graphfleet.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.graphfleet.bench.results.Goal;
import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void aStudentTIntervalOfTheMean() {
        Interval i = Interval.of(1, 2, 3); // sd 1, standard error 1/√3, t(0.975, 2) = 4.303
        assertThat(i.mean()).isEqualTo(2.0);
        assertThat(i.halfWidth()).isCloseTo(4.303 / Math.sqrt(3), within(1e-9));
        assertThatThrownBy(() -> Interval.of(1)).hasMessageContaining("at least 2 rounds");
    }

    @Test
    void aGoalIsMetOnlyWhenTheIntervalsLowEndPasses() {
        Goal straddling = Goal.atLeast("≥ 0.9", "", new Interval(0.95, 0.85, 1.05, 5), 0.9, "×", "limit");
        Goal passing = Goal.atLeast("≥ 0.9", "", new Interval(0.95, 0.91, 0.99, 5), 0.9, "×", "limit");
        assertThat(straddling.met()).isFalse();
        assertThat(straddling.resolved()).isFalse();
        assertThat(straddling.comparison()).contains("unresolved");
        assertThat(passing.met()).isTrue();
        assertThat(passing.resolved()).isTrue();
    }

    @Test
    void roundsGoOnUntilTheVerdictIsResolved() throws Exception {
        // Two far-apart rounds first: the interval straddles 0.9 until steadier rounds narrow it.
        Interval i = Rounds.untilResolved(2, 40, 0.9, 0.05, round -> round == 0 ? 0.80 : round == 1 ? 1.00
                : round % 2 == 0 ? 0.95 : 0.96);
        assertThat(i.n()).isGreaterThan(2).isLessThan(40);
        assertThat(i.low()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void ratiosAreAveragedGeometricallyAndTheirIntervalStaysPositive() {
        Interval i = Interval.ofRatios(0.5, 2.0);
        assertThat(i.mean()).isCloseTo(1.0, within(1e-9)); // 0.5 and 2 are equally far from 1
        assertThat(i.low()).isPositive();
        assertThat(i.high()).isCloseTo(1 / i.low(), within(1e-9));
        assertThat(Interval.ofRatios(1.0, 0.0).mean()).isEqualTo(0.5); // nothing served in a round: the plain mean
    }
}
