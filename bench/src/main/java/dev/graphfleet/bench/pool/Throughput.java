package dev.graphfleet.bench.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** Closed-loop throughput: {@code threads} workers run one operation after another; counted after warm-up. */
final class Throughput {

    /** One operation of worker {@code thread}, with its own random source. */
    interface Operation {
        void run(int thread, SplittableRandom random) throws Exception;
    }

    private Throughput() {
    }

    /** Operations per second over {@code measure}, after {@code warmup} with the same workers. */
    static double measure(int threads, Duration warmup, Duration measure, Operation operation) throws Exception {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder done = new LongAdder();
        CountDownLatch finished = new CountDownLatch(threads);
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int index = t;
            Thread worker = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(index * 7919L);
                try {
                    while (!stop.get()) {
                        operation.run(index, random);
                        if (counting.get()) {
                            done.increment();
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    finished.countDown();
                }
            }, "bench-worker-" + t);
            worker.start();
        }
        Thread.sleep(warmup.toMillis()); // a benchmark's timed warm-up window, not synchronisation
        long start = System.nanoTime();
        counting.set(true);
        Thread.sleep(measure.toMillis()); // the timed measurement window
        counting.set(false);
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        finished.await();
        synchronized (failures) {
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a benchmark worker failed", failures.get(0));
            }
        }
        return done.sum() / (elapsed / 1e9);
    }
}
