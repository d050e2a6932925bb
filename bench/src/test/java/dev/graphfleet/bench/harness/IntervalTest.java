package dev.graphfleet.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.graphfleet.bench.results.Goal;
import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void theMediansIntervalLiesBetweenTheOrderStatisticsTheBinomialGives() {
        // n = 30: P(Binomial(30, ½) ≤ 9) = 2.1 %, ≤ 10: 4.9 %; so the interval is [x(10), x(21)]
        assertThat(Interval.lowerRank(30)).isEqualTo(10);
        assertThat(Interval.lowerRank(6)).isEqualTo(1); // 1/64 = 1.6 % ≤ 2.5 %, 7/64 is not: min to max
        assertThat(Interval.lowerRank(5)).isEqualTo(1); // even 1/32 = 3.1 % is too likely: still min to max
        double[] rounds = new double[30];
        for (int i = 0; i < 30; i++) {
            rounds[i] = 1 + i / 100.0; // 1.00 … 1.29, shuffled below
        }
        double[] shuffled = {rounds[29], rounds[0], rounds[15], rounds[14], rounds[1], rounds[28], rounds[2], rounds[3],
            rounds[4], rounds[5], rounds[6], rounds[7], rounds[8], rounds[9], rounds[10], rounds[11], rounds[12],
            rounds[13], rounds[16], rounds[17], rounds[18], rounds[19], rounds[20], rounds[21], rounds[22], rounds[23],
            rounds[24], rounds[25], rounds[26], rounds[27]};
        Interval i = Interval.ofMedian(shuffled);
        assertThat(i.center()).isCloseTo(1.145, within(1e-9));
        assertThat(i.low()).isCloseTo(1.09, within(1e-9));
        assertThat(i.high()).isCloseTo(1.20, within(1e-9));
        assertThat(i.n()).isEqualTo(30);
        assertThatThrownBy(() -> Interval.ofMedian(1)).hasMessageContaining("at least 2 rounds");
    }

    @Test
    void aFewRoundsHitByTheMachineDoNotMoveTheInterval() {
        double[] steady = new double[30];
        for (int i = 0; i < 30; i++) {
            steady[i] = 0.98 + (i % 5) * 0.01; // 0.98 … 1.02
        }
        Interval before = Interval.ofMedian(steady);
        double[] hit = steady.clone();
        hit[3] = 0.05; // one side lost most of a round to another process
        hit[17] = 9.7;
        hit[22] = 0.2;
        Interval after = Interval.ofMedian(hit);
        assertThat(after.low()).isGreaterThanOrEqualTo(0.97);
        assertThat(after.high()).isLessThanOrEqualTo(1.03);
        assertThat(before.excludes(0.97)).isTrue();
        assertThat(after.excludes(0.97)).isTrue(); // a t-interval of their mean: about 0.63–1.83
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
}
