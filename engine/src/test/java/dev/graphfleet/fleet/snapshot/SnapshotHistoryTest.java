package dev.graphfleet.fleet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.fleet.snapshot.DataSnapshot.State;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotHistoryTest {

    private static final Instant T0 = Instant.parse("2026-11-01T06:00:00Z");

    static DataSnapshot snap(String id, int day, State state, boolean encrypted, String graph, String env) {
        return new DataSnapshot(id, "vol-1", state, state == State.PENDING ? "42%" : "100%", encrypted,
                T0.plusSeconds(86_400L * day), 500, Map.of("GraphId", graph, "Environment", env));
    }

    static DataSnapshot sec(String id, int day) {
        return snap(id, day, State.COMPLETED, true, "sec", "prod");
    }

    @Test
    void latestIsTheNewestCompletedEncryptedSnapshotOfThatRepositoryAndEnvironment() {
        SnapshotHistory history = SnapshotHistory.of(List.of(
                sec("snap-01", 1), sec("snap-03", 3), sec("snap-02", 2),
                snap("snap-04", 4, State.PENDING, true, "sec", "prod"),        // not complete yet
                snap("snap-05", 5, State.COMPLETED, true, "industry", "prod"),  // another repository
                snap("snap-06", 6, State.COMPLETED, true, "sec", "staging"),    // another environment
                new DataSnapshot("snap-07", null, State.COMPLETED, null, true, T0.plusSeconds(86_400L * 7), 1,
                        Map.of("Environment", "prod"))),                          // untagged
                "sec", "prod");

        assertThat(history.latest().chosen()).map(DataSnapshot::id).contains("snap-03");
        assertThat(history.all()).extracting(DataSnapshot::id).containsExactly("snap-04", "snap-03", "snap-02", "snap-01");
    }

    @Test
    void anUnencryptedLatestIsRefusedWithTheFixNotSkippedForAnOlderOne() {
        SnapshotHistory history = SnapshotHistory.of(List.of(sec("snap-01", 1),
                snap("snap-02", 2, State.COMPLETED, false, "sec", "prod")), "sec", "prod");

        SnapshotChoice choice = history.latest();

        assertThat(choice.isChosen()).isFalse();
        assertThat(((SnapshotChoice.Refused) choice).reason())
                .contains("snap-02").contains("not encrypted")
                .contains("aws ec2 copy-snapshot --encrypted --source-snapshot-id snap-02")
                .contains("GraphId=sec, Environment=prod");
    }

    @Test
    void noSnapshotOrOnlyAPendingOneIsRefusedSayingWhich() {
        assertThat(((SnapshotChoice.Refused) SnapshotHistory.of(List.of(), "sec", "prod").latest()).reason())
                .isEqualTo("no completed snapshot is tagged GraphId=sec, Environment=prod;"
                        + " take one first (the snapshot job tags it with both)");
        SnapshotHistory pending = SnapshotHistory.of(List.of(snap("snap-09", 1, State.PENDING, true, "sec", "prod")),
                "sec", "prod");
        assertThat(((SnapshotChoice.Refused) pending.latest()).reason())
                .contains("snap-09").contains("still being taken (42%)");
        SnapshotHistory failed = SnapshotHistory.of(List.of(snap("snap-10", 1, State.ERROR, true, "sec", "prod")),
                "sec", "prod");
        assertThat(failed.latest().isChosen()).isFalse();
    }

    @Test
    void sameStartTimeIsOrderedByIdSoTheListingOrderDoesNotMatter() {
        DataSnapshot a = sec("snap-aa", 1);
        DataSnapshot b = sec("snap-bb", 1);
        assertThat(SnapshotHistory.of(List.of(a, b), "sec", "prod").latest().chosen()).contains(b);
        assertThat(SnapshotHistory.of(List.of(b, a), "sec", "prod").latest().chosen()).contains(b);
    }

    @Test
    void rollbackGoesToTheNewestOlderEncryptedSnapshot() {
        SnapshotHistory history = SnapshotHistory.of(List.of(sec("snap-01", 1),
                snap("snap-02", 2, State.COMPLETED, false, "sec", "prod"),
                snap("snap-025", 2, State.ERROR, true, "sec", "prod"),
                sec("snap-03", 3)), "sec", "prod");

        assertThat(history.rollbackFrom("snap-03").chosen()).map(DataSnapshot::id).contains("snap-01");
        assertThat(((SnapshotChoice.Refused) history.rollbackFrom("snap-01")).reason())
                .contains("no encrypted snapshot of sec in prod older than snap-01").contains("snapshot.keep");
        assertThat(((SnapshotChoice.Refused) history.rollbackFrom("snap-99")).reason())
                .contains("snap-99 is not a completed snapshot of sec in prod");
    }

    @Test
    void retentionKeepsTheLatestAndKeepMinusOneBeforeItAndDeletesOlderOnes() {
        SnapshotHistory history = SnapshotHistory.of(List.of(sec("snap-01", 1), sec("snap-02", 2), sec("snap-03", 3),
                sec("snap-04", 4), sec("snap-05", 5)), "sec", "prod");

        RetentionPlan plan = history.retention(3, Set.of());

        assertThat(plan.kept()).extracting(k -> k.snapshot().id() + ":" + k.reason())
                .containsExactly("snap-05:LATEST", "snap-04:ROLLBACK", "snap-03:ROLLBACK");
        assertThat(plan.deleteIds()).containsExactly("snap-02", "snap-01");
    }

    @Test
    void retentionNeverDeletesWhatIsInUseOrStillBeingTakenAndDeletesFailedOnes() {
        SnapshotHistory history = SnapshotHistory.of(List.of(sec("snap-01", 1), sec("snap-02", 2),
                snap("snap-03", 3, State.ERROR, true, "sec", "prod"), sec("snap-04", 4),
                snap("snap-05", 5, State.PENDING, true, "sec", "prod")), "sec", "prod");

        RetentionPlan plan = history.retention(1, Set.of("snap-01"));

        assertThat(plan.kept()).extracting(k -> k.snapshot().id() + ":" + k.reason())
                .containsExactly("snap-05:IN_PROGRESS", "snap-04:LATEST", "snap-01:IN_USE");
        assertThat(plan.deleteIds()).containsExactly("snap-03", "snap-02");
    }

    @Test
    void retentionWithFewerSnapshotsThanKeepDeletesNothing() {
        RetentionPlan plan = SnapshotHistory.of(List.of(sec("snap-01", 1)), "sec", "prod").retention(3, Set.of());
        assertThat(plan.keptIds()).containsExactly("snap-01");
        assertThat(plan.delete()).isEmpty();
    }

    @Test
    void keepBelowOneIsRefused() {
        SnapshotHistory history = SnapshotHistory.of(List.of(sec("snap-01", 1)), "sec", "prod");
        assertThatThrownBy(() -> history.retention(0, Set.of()))
                .hasMessageContaining("at least 1").hasMessageContaining("snapshot.keep");
    }

    @Test
    void snapshotStatesParseFromTheWire() {
        assertThat(State.fromWire("completed")).isEqualTo(State.COMPLETED);
        assertThat(State.fromWire("recoverable")).isEqualTo(State.RECOVERABLE);
        assertThat(State.fromWire("new-state")).isEqualTo(State.UNKNOWN);
        assertThat(State.fromWire(null)).isEqualTo(State.UNKNOWN);
    }
}
