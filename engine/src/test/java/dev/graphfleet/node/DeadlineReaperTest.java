package dev.graphfleet.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DeadlineReaperTest {

    @Test
    void aDeadlineIsActedOnAfterItComesAndAgainUntilTheWatchIsClosed() throws Exception {
        try (DeadlineReaper reaper = new DeadlineReaper()) {
            long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            AtomicLong firstAt = new AtomicLong();
            CountDownLatch thrice = new CountDownLatch(3);
            DeadlineReaper.Watch watch = reaper.watch(due, TimeUnit.MILLISECONDS.toNanos(10), () -> {
                firstAt.compareAndSet(0, System.nanoTime());
                thrice.countDown();
            });
            assertThat(thrice.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(watch.fired()).isTrue();
            assertThat(firstAt.get() - due).as("never before its deadline").isNotNegative();
            watch.close();
            assertThat(reaper.watching()).isZero();
        }
    }

    @Test
    void aWatchClosedBeforeItsDeadlineNeverFiresAndAnIdleReaperWakesForANewOne() throws Exception {
        try (DeadlineReaper reaper = new DeadlineReaper()) {
            AtomicInteger early = new AtomicInteger();
            DeadlineReaper.Watch closed = reaper.watch(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(30), 0,
                    early::incrementAndGet);
            closed.close();
            CountDownLatch later = new CountDownLatch(1);
            // Watched after the first was closed (the reaper may be resting): acted on well within its idle wait.
            long due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(60);
            reaper.watch(due, 0, later::countDown);
            assertThat(later.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(early.get()).isZero();
            assertThat(closed.fired()).isFalse();
            assertThat(reaper.watching()).as("a one-off watch is dropped once acted on").isZero();
        }
    }
}
