package dev.graphfleet.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: {@code clients} threads, each running one operation after the next; after the
 * warm-up, operations are counted and timed into an HdrHistogram.
 * An operation answers whether it was served (a 200); refusals are counted apart, not as throughput.
 */
public final class ClosedLoop {

    /** One operation of client {@code client}; true when it was served. */
    public interface Operation {
        boolean run(int client, SplittableRandom random) throws Exception;
    }

    public record Outcome(double perSecond, double refusedPerSecond, Histogram latencyNanos) {
        public double percentileMillis(double percentile) {
            return latencyNanos.getTotalCount() == 0 ? Double.NaN
                    : latencyNanos.getValueAtPercentile(percentile) / 1e6;
        }
    }

    private ClosedLoop() {
    }

    /** Served and refused per second over {@code measure}, and the latencies of the served. */
    public static Outcome run(int clients, Duration warmup, Duration measure, Operation operation) throws Exception {
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder served = new LongAdder();
        LongAdder refused = new LongAdder();
        CountDownLatch finished = new CountDownLatch(clients);
        List<Throwable> failures = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int index = c;
            Histogram histogram = new Histogram(60_000_000_000L, 3);
            histograms.add(histogram);
            Thread client = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(index * 7919L + 1);
                try {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        boolean ok = operation.run(index, random);
                        long took = System.nanoTime() - start;
                        if (counting.get()) {
                            if (ok) {
                                served.increment();
                                histogram.recordValue(Math.min(took, 60_000_000_000L));
                            } else {
                                refused.increment();
                            }
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                } finally {
                    finished.countDown();
                }
            }, "bench-client-" + c);
            client.start();
        }
        Thread.sleep(warmup.toMillis()); // the benchmark's timed warm-up window, not synchronisation
        long start = System.nanoTime();
        counting.set(true);
        Thread.sleep(measure.toMillis()); // the timed measurement window
        counting.set(false);
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        finished.await();
        synchronized (failures) {
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a benchmark client failed", failures.get(0));
            }
        }
        Histogram all = new Histogram(60_000_000_000L, 3);
        histograms.forEach(all::add);
        double seconds = elapsed / 1e9;
        return new Outcome(served.sum() / seconds, refused.sum() / seconds, all);
    }
}
