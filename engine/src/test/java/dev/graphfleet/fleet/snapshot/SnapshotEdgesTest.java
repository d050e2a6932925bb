package dev.graphfleet.fleet.snapshot;

import static dev.graphfleet.fleet.snapshot.SnapshotHistoryTest.sec;
import static dev.graphfleet.fleet.snapshot.SnapshotHistoryTest.snap;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.fleet.discovery.DiscoveredInstance;
import dev.graphfleet.fleet.snapshot.DataSnapshot.State;
import dev.graphfleet.testing.SettableClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What an operator reads in a snapshot plan and a snapshot job at the edges: what stays and why,
 * what goes, which master is refused and why, a job's state and who started it.
 */
class SnapshotEdgesTest {

    @Test
    void aSnapshotBeingRecoveredStaysAndOneInTheRecycleBinGoes() {
        SnapshotHistory history = SnapshotHistory.of(List.of(sec("snap-01", 1),
                snap("snap-02", 2, State.RECOVERING, true, "sec", "prod"),
                snap("snap-03", 3, State.RECOVERABLE, true, "sec", "prod"), sec("snap-04", 4)), "sec", "prod");

        RetentionPlan plan = history.retention(1, Set.of());

        assertThat(plan.kept()).extracting(k -> k.snapshot().id() + ":" + k.reason())
                .containsExactly("snap-04:LATEST", "snap-02:IN_PROGRESS");
        assertThat(plan.deleteIds()).containsExactly("snap-03", "snap-01");
    }

    @Test
    void aSnapshotInUseStaysEvenWhenItIsOlderThanTheOnesKept() {
        SnapshotHistory history = SnapshotHistory.of(List.of(sec("snap-01", 1), sec("snap-02", 2), sec("snap-03", 3)),
                "sec", "prod");
        RetentionPlan plan = history.retention(2, Set.of("snap-01", "snap-03"));
        assertThat(plan.kept()).extracting(k -> k.snapshot().id() + ":" + k.reason())
                .containsExactly("snap-03:LATEST", "snap-02:ROLLBACK", "snap-01:IN_USE");
        assertThat(plan.delete()).isEmpty();
    }

    @Test
    void aSnapshotWithoutAStartTimeCountsAsTheOldest() {
        DataSnapshot undated = new DataSnapshot("snap-zz", "vol-1", State.COMPLETED, null, true, null, 500,
                Map.of("GraphId", "sec", "Environment", "prod"));
        SnapshotHistory history = SnapshotHistory.of(List.of(undated, sec("snap-01", 1)), "sec", "prod");
        assertThat(history.all()).extracting(DataSnapshot::id).containsExactly("snap-01", "snap-zz");
        assertThat(history.rollbackFrom("snap-01").chosen()).contains(undated);
        assertThat(history.rollbackFrom("snap-01").isChosen()).isTrue();
        assertThat(history.find("snap-zz")).contains(undated);
        assertThat(history.find("snap-99")).isEmpty();
    }

    @Test
    void aSnapshotOfTheRightGraphInAnotherEnvironmentIsNotOurs() {
        DataSnapshot staging = snap("snap-01", 1, State.COMPLETED, true, "sec", "staging");
        assertThat(staging.isOf("sec", "prod")).isFalse();
        assertThat(staging.isOf("industry", "staging")).isFalse();
        assertThat(staging.isOf("sec", "staging")).isTrue();
        assertThat(staging.isCompleted()).isTrue();
        assertThat(snap("snap-02", 1, State.PENDING, true, "sec", "prod").isCompleted()).isFalse();
        assertThat(State.fromWire(" Pending ")).isEqualTo(State.PENDING);
    }

    @Test
    void aPendingSnapshotWithoutProgressIsNamedWithoutOne() {
        DataSnapshot pending = new DataSnapshot("snap-09", null, State.PENDING, null, true, Instant.EPOCH, 1,
                Map.of("GraphId", "sec", "Environment", "prod"));
        assertThat(((SnapshotChoice.Refused) SnapshotHistory.of(List.of(pending), "sec", "prod").latest()).reason())
                .isEqualTo("the only snapshot of sec in prod, snap-09, is still being taken; wait for it to complete");
    }

    @Test
    void aFailedSnapshotIsNotOneBeingTakenAndNeverOneToBootFrom() {
        SnapshotHistory history = SnapshotHistory.of(List.of(snap("snap-02", 2, State.ERROR, true, "sec", "prod"),
                snap("snap-01", 1, State.PENDING, true, "sec", "prod")), "sec", "prod");
        assertThat(((SnapshotChoice.Refused) history.latest()).reason())
                .isEqualTo("the only snapshot of sec in prod, snap-01, is still being taken (42%); wait for it to complete");
        SnapshotHistory failedOnly = SnapshotHistory.of(List.of(snap("snap-02", 2, State.ERROR, true, "sec", "prod")),
                "sec", "prod");
        assertThat(((SnapshotChoice.Refused) failedOnly.latest()).reason()).startsWith("no completed snapshot is tagged");
    }

    @Test
    void aSnapshotIsTaggedWithTheServiceItBelongsTo() {
        SnapshotJob job = new SnapshotJobs(new SettableClock(Instant.EPOCH)).start("sec", "prod", "alice").job();
        assertThat(job.snapshotTags("ladybug")).containsEntry("Service", "ladybug");
        assertThat(job.requestedBy()).isEqualTo("alice");
    }

    @Test
    void aJobRunsUntilItIsFinishedAndAFailureWithoutAReasonSaysFailed() {
        SnapshotJobs jobs = new SnapshotJobs(new SettableClock(Instant.parse("2026-11-22T06:00:00Z")));
        SnapshotJob job = jobs.start("sec", "prod", null).job();
        assertThat(job.isRunning()).isTrue();
        assertThat(((SnapshotJobs.Start.AlreadyRunning) jobs.start("sec", "prod", "bob")).message())
                .isEqualTo("snapshot job " + job.id() + " (sec in prod) has been running since 2026-11-22T06:00:00Z;"
                        + " only one snapshot job runs at a time: wait for it to finish");
        SnapshotJob failed = jobs.failed(job.id(), null);
        assertThat(failed.isRunning()).isFalse();
        assertThat(failed.status()).isEqualTo(SnapshotJob.Status.FAILED);
        assertThat(failed.error()).isEqualTo("failed");
        assertThat(failed.snapshotId()).isNull();
    }

    @Test
    void refusedMastersAreNamedSoTheOperatorKnowsWhichToTag() {
        DiscoveredInstance m1 = new DiscoveredInstance("i-m1", "shared_master", "running", null, null, null, "v", Map.of());
        DiscoveredInstance m2 = new DiscoveredInstance("i-m2", "shared_master", "running", null, null, null, "v",
                Map.of("GraphId", "industry"));
        MasterChoice.Chosen none = MasterChoice.choose(List.of(m1, m2), "sec");
        assertThat(none.isRefused()).isTrue();
        assertThat(none.master()).isNull();
        assertThat(none.refusal()).isEqualTo("2 shared masters run and none is tagged GraphId=sec ([i-m1, i-m2]);"
                + " tag the master that serves sec so the right volume is snapshotted");
        DiscoveredInstance s1 = new DiscoveredInstance("i-s1", "shared_master", "running", null, null, null, "v",
                Map.of("GraphId", "sec"));
        DiscoveredInstance s2 = new DiscoveredInstance("i-s2", "shared_master", "running", null, null, null, "v",
                Map.of("GraphId", "sec"));
        assertThat(MasterChoice.choose(List.of(s1, m1, s2), "sec").refusal())
                .isEqualTo("2 shared masters are tagged GraphId=sec ([i-s1, i-s2]); exactly one may serve it");
        MasterChoice.Chosen one = MasterChoice.choose(List.of(m2), "sec");
        assertThat(one.isRefused()).isFalse();
        assertThat(one.master()).isEqualTo(m2);
        assertThat(MasterChoice.unencryptedVolume("i-m1", "vol-1")).startsWith("the data volume vol-1 of shared master i-m1");
    }
}
