package dev.graphfleet.fleet.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SnapshotJobsTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-22T06:00:00Z"));

    @Test
    void aSecondRequestWhileOneRunsGetsTheRunningJobAndStartsNothing() {
        SnapshotJobs jobs = new SnapshotJobs(clock);

        SnapshotJobs.Start first = jobs.start("sec", "prod", "alice");
        SnapshotJobs.Start second = jobs.start("industry", "prod", "schedule");

        assertThat(first).isInstanceOf(SnapshotJobs.Start.Started.class);
        assertThat(second).isInstanceOf(SnapshotJobs.Start.AlreadyRunning.class);
        assertThat(second.job()).isEqualTo(first.job());
        assertThat(((SnapshotJobs.Start.AlreadyRunning) second).message())
                .contains(first.job().id().toString()).contains("sec in prod").contains("started by alice")
                .contains("only one snapshot job runs at a time");
        assertThat(jobs.running()).contains(first.job());
    }

    @Test
    void afterTheJobFinishesTheNextStartsAndTheFinishedOneIsRecorded() {
        SnapshotJobs jobs = new SnapshotJobs(clock);
        SnapshotJob first = jobs.start("sec", "prod", null).job();
        clock.advance(Duration.ofMinutes(12));

        SnapshotJob done = jobs.succeeded(first.id(), "snap-0abc");
        SnapshotJobs.Start next = jobs.start("sec", "prod", null);

        assertThat(done.status()).isEqualTo(SnapshotJob.Status.SUCCEEDED);
        assertThat(done.snapshotId()).isEqualTo("snap-0abc");
        assertThat(done.finishedAt()).isEqualTo(first.startedAt().plus(Duration.ofMinutes(12)));
        assertThat(next).isInstanceOf(SnapshotJobs.Start.Started.class);
        assertThat(next.job().id()).isNotEqualTo(first.id());
        SnapshotJob failed = jobs.failed(next.job().id(), "the master did not checkpoint");
        assertThat(jobs.finished()).containsExactly(failed, done);
        assertThat(failed.error()).isEqualTo("the master did not checkpoint");
        assertThat(jobs.running()).isEmpty();
    }

    @Test
    void finishingAJobThatIsNotRunningIsRefused() {
        SnapshotJobs jobs = new SnapshotJobs(clock);
        UUID stranger = UUID.randomUUID();
        assertThatThrownBy(() -> jobs.succeeded(stranger, "snap-1")).hasMessageContaining("none is running");
        SnapshotJob running = jobs.start("sec", "prod", null).job();
        assertThatThrownBy(() -> jobs.failed(stranger, "x")).hasMessageContaining(running.id() + " is");
        assertThat(jobs.running()).contains(running);
    }

    @Test
    void historyKeepsTheLastTwenty() {
        SnapshotJobs jobs = new SnapshotJobs(clock);
        for (int i = 0; i < 25; i++) {
            jobs.succeeded(jobs.start("sec", "prod", null).job().id(), "snap-" + i);
        }
        assertThat(jobs.finished()).hasSize(SnapshotJobs.HISTORY);
        assertThat(jobs.finished().get(0).snapshotId()).isEqualTo("snap-24");
    }

    @Test
    void idsAreFullUuidsAndJobsStartedInTheSameSecondNeverCollide() {
        SnapshotJobs jobs = new SnapshotJobs(clock); // the clock does not move: every job starts at the same instant
        Set<UUID> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            SnapshotJob job = jobs.start("sec", "prod", null).job();
            ids.add(job.id());
            names.add(job.snapshotName());
            jobs.succeeded(job.id(), "snap-x");
        }
        assertThat(ids).hasSize(10_000);
        assertThat(names).hasSize(10_000);
        UUID one = ids.iterator().next();
        assertThat(one.version()).isEqualTo(4);
        assertThat(one.toString()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void snapshotNameAndTagsLetTheHistoryFindIt() {
        UUID id = UUID.fromString("3f2a9c1e-0b6d-4e8f-9a7b-1c2d3e4f5a6b");
        SnapshotJob job = new SnapshotJobs(clock, () -> id).start("sec", "prod", null).job();

        assertThat(job.snapshotName()).isEqualTo("graphfleet-prod-sec-20261122-060000-" + id);
        assertThat(job.snapshotTags("graphfleet")).containsEntry("GraphId", "sec").containsEntry("Environment", "prod")
                .containsEntry("Service", "graphfleet").containsEntry("SnapshotJobId", id.toString())
                .containsEntry("Name", job.snapshotName());
        DataSnapshot taken = new DataSnapshot("snap-1", "vol-1", DataSnapshot.State.COMPLETED, "100%", true,
                clock.instant(), 500, job.snapshotTags(null));
        assertThat(job.snapshotTags(null)).containsEntry("Service", "graphfleet");
        assertThat(job.snapshotTags(" ")).containsEntry("Service", "graphfleet");
        assertThat(SnapshotHistory.of(List.of(taken), "sec", "prod").latest().chosen()).contains(taken);
    }

    @Test
    void concurrentRequestsStartExactlyOneJob() throws Exception {
        SnapshotJobs jobs = new SnapshotJobs(clock);
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<SnapshotJobs.Start> answers = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    go.await();
                    answers.add(jobs.start("sec", "prod", Thread.currentThread().getName()));
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
        assertThat(answers).hasSize(threads);
        assertThat(answers).filteredOn(a -> a instanceof SnapshotJobs.Start.Started).hasSize(1);
        assertThat(answers).extracting(a -> a.job().id()).containsOnly(jobs.running().orElseThrow().id());
    }
}
