package dev.graphfleet.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LocalJobsTest {

    @Test
    void oneJobAtATimeASecondRequestGetsTheRunningOneWithItsProgress() throws Exception {
        try (LocalJobs jobs = new LocalJobs(Clock.systemUTC())) {
            CountDownLatch stepped = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            LocalJobs.Start first = jobs.start("snapshot", "sec", progress -> {
                progress.accept("published sec v2");
                stepped.countDown();
                await(release);
                return "sec v2";
            });
            assertThat(first.started()).isTrue();
            stepped.await();

            LocalJobs.Start second = jobs.start("rollback", "sec", progress -> "never");
            assertThat(second.started()).isFalse();
            assertThat(second.job().id()).isEqualTo(first.job().id());
            assertThat(second.job().progress()).containsExactly("published sec v2");
            assertThat(jobs.get(first.job().id()).orElseThrow().isRunning()).isTrue();

            release.countDown();
            LocalJob done = jobs.await(first.job().id());
            assertThat(done.status()).isEqualTo(LocalJob.Status.SUCCEEDED);
            assertThat(done.result()).isEqualTo("sec v2");
            assertThat(done.finishedAt()).isNotNull();

            LocalJobs.Start third = jobs.start("rollback", "sec", progress -> {
                progress.accept("moving replica-1");
                throw new IllegalStateException("rolling refresh stopped at replica-1");
            });
            assertThat(third.started()).isTrue();
            assertThat(third.job().id()).isNotEqualTo(first.job().id());
            LocalJob failed = jobs.await(third.job().id());
            assertThat(failed.status()).isEqualTo(LocalJob.Status.FAILED);
            assertThat(failed.error()).isEqualTo("rolling refresh stopped at replica-1");
            assertThat(failed.progress()).containsExactly("moving replica-1");
            assertThat(jobs.finished()).extracting(LocalJob::id).containsExactly(third.job().id(), first.job().id());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
