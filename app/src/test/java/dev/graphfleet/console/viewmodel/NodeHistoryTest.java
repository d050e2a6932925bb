package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void aDayOfOneSecondRefreshesStaysWithinTheBound() {
        NodeHistory history = new NodeHistory();
        for (int s = 0; s < 86_400; s++) {
            history.record("n", T0.plusSeconds(s), s, 1000, 1, 10, 5, 50);
        }
        assertThat(history.held("n")).isEqualTo(NodeHistory.capacityPerNode());
        Instant now = T0.plusSeconds(86_399);
        List<NodeHistory.Point> sixHours = history.points("n", NodeHistory.Metric.MEMORY, Duration.ofHours(6), now);
        assertThat(sixHours.get(0).at()).isAfterOrEqualTo(now.minus(Duration.ofHours(6)))
                .isBefore(now.minus(Duration.ofHours(6)).plus(NodeHistory.COARSE_SPACING));
        assertThat(sixHours).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        List<NodeHistory.Point> fiveMinutes = history.points("n", NodeHistory.Metric.MEMORY, Duration.ofMinutes(5), now);
        assertThat(fiveMinutes).hasSize(60).allSatisfy(p -> assertThat(p.limit()).isEqualTo(1000));
    }

    @Test
    void readingsCloserThanTheSpacingAreSkippedAndMissingFiguresStayMissing() {
        NodeHistory history = new NodeHistory();
        history.record("n", T0, Double.NaN, Double.NaN, 3, 10, 100, 400);
        long revision = history.revision("n");
        history.record("n", T0.plusSeconds(2), 1, 2, 3, 10, 100, 400);
        assertThat(history.revision("n")).isEqualTo(revision);
        history.record("n", T0.plusSeconds(5), 5, 10, 9, 10, 200, 400);
        assertThat(history.revision("n")).isNotEqualTo(revision);

        float[] memory = history.recentFractions("n", NodeHistory.Metric.MEMORY, 60);
        assertThat(memory).hasSize(2);
        assertThat(memory[0]).isNaN();
        assertThat(memory[1]).isEqualTo(0.5f);
        assertThat(history.recentFractions("n", NodeHistory.Metric.VOLUME, 60)).containsExactly(0.25f, 0.5f);
    }

    @Test
    void nodesThatLeftAreForgotten() {
        NodeHistory history = new NodeHistory();
        history.record("a", T0, 1, 2, 1, 2, 1, 2);
        history.record("b", T0, 1, 2, 1, 2, 1, 2);
        history.retain(Set.of("b"));
        assertThat(history.held("a")).isZero();
        assertThat(history.held("b")).isEqualTo(2);
    }
}
