package dev.graphfleet.node.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.node.AttachmentProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFreshnessTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private static AttachmentProgress served(String repo, String phase, String version, Instant created) {
        return new AttachmentProgress(repo, phase, version, 1, 1, 1, null, NOW, created);
    }

    @Test
    void theOldestServedVersionSetsTheAgeAndFailuresAreListed() {
        DataFreshness f = DataFreshness.of(List.of(
                served("sec", "attached", "v3", NOW.minus(Duration.ofHours(2))),
                served("industry", "attached", "v2", NOW.minus(Duration.ofDays(3))),
                served("economic", "failed", null, null)), NOW);
        assertThat(f.versions()).isEqualTo(Map.of("industry", "v2", "sec", "v3"));
        assertThat(f.age()).isEqualTo(Duration.ofDays(3));
        assertThat(f.ageSeconds()).isEqualTo(3 * 86_400L);
        assertThat(f.failed()).containsExactly("economic");
    }

    @Test
    void aFailedMoveThatStillServesItsOldVersionIsNotAFailedRepository() {
        DataFreshness f = DataFreshness.of(List.of(served("sec", "failed", "v1", NOW.minusSeconds(60)),
                served("economic", "failed", null, null)), NOW);
        assertThat(f.failed()).containsExactly("economic");
        assertThat(f.versions()).isEqualTo(Map.of("sec", "v1"));
    }

    @Test
    void noVersionsOrUnknownTimesGiveNoAgeAndAFutureTimeIsAgeZero() {
        assertThat(DataFreshness.of(List.of(), NOW).age()).isNull();
        assertThat(DataFreshness.of(List.of(served("sec", "attached", "v1", null)), NOW).age()).isNull();
        assertThat(DataFreshness.of(List.of(served("sec", "attached", "v1", NOW.plusSeconds(30))), NOW).age())
                .isEqualTo(Duration.ZERO);
    }
}
