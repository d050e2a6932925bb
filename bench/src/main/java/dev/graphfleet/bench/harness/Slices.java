package dev.graphfleet.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Sides compared in short alternating slices (A B C A B C …) on client threads that stay up between
 * them. Measuring each side in one window of its own lets a disturbance from elsewhere (another
 * process, the machine's neighbours, a collection) land on one side only and swing the ratio by tens
 * of percent; slices a tenth of a second long spread it over every side alike.
 *
 * <p>Each side has its own clients, parked while another side's slice runs. An operation counts for
 * its side when it started inside one of that side's slices; after a slice closes, its operations in
 * flight finish before the next side's slice opens, so no two sides ever share the machine.
 */
public final class Slices implements AutoCloseable {

    private final int sides;
    private final List<Thread> clients = new ArrayList<>();
    private final LongAdder[] served;
    private final AtomicInteger[] inFlight;
    private final Object gate = new Object();
    private final List<Throwable> failures = new ArrayList<>();
    /** The side whose slice is open, or -1. */
    private volatile int open = -1;
    private volatile boolean counting;
    private volatile boolean stopped;

    /** Starts {@code clientsPerSide} parked clients for each operation (one operation per side). */
    public Slices(int clientsPerSide, List<ClosedLoop.Operation> operations) {
        this.sides = operations.size();
        this.served = new LongAdder[sides];
        this.inFlight = new AtomicInteger[sides];
        for (int s = 0; s < sides; s++) {
            served[s] = new LongAdder();
            inFlight[s] = new AtomicInteger();
            for (int c = 0; c < clientsPerSide; c++) {
                int side = s;
                int client = c;
                Thread thread = new Thread(() -> loop(side, client, operations.get(side)), "bench-side" + s + "-client" + c);
                thread.setDaemon(true);
                clients.add(thread);
            }
        }
        clients.forEach(Thread::start);
    }

    private void loop(int side, int client, ClosedLoop.Operation operation) {
        SplittableRandom random = new SplittableRandom(client * 7919L + 1);
        try {
            while (!stopped) {
                if (!enter(side)) {
                    continue;
                }
                try {
                    boolean counted = counting;
                    if (operation.run(client, random) && counted) {
                        served[side].increment();
                    }
                } finally {
                    leave(side);
                }
            }
        } catch (Throwable e) {
            synchronized (failures) {
                failures.add(e);
            }
        }
    }

    /** Waits for this side's slice; true when an operation may start (it is then in flight). */
    private boolean enter(int side) throws InterruptedException {
        synchronized (gate) {
            while (open != side && !stopped) {
                gate.wait();
            }
            if (stopped) {
                return false;
            }
            inFlight[side].incrementAndGet(); // under the gate's lock: close() sees it before it drains
            return true;
        }
    }

    private void leave(int side) {
        if (inFlight[side].decrementAndGet() == 0 && open != side) {
            synchronized (gate) { // the slice is closed and this was its last operation: wake the drain
                gate.notifyAll();
            }
        }
    }

    /** Runs every side for {@code slice} once, uncounted (after the sides were idle: JIT, caches). */
    public void warmUp(Duration slice) throws InterruptedException {
        for (int s = 0; s < sides; s++) {
            runSlice(s, slice);
        }
    }

    /**
     * One round: {@code slicesPerSide} slices of each side, interleaved, the order rotated by
     * {@code round}. Returns each side's operations per second over its own slices.
     */
    public double[] round(int round, int slicesPerSide, Duration slice) throws InterruptedException {
        long[] before = new long[sides];
        for (int s = 0; s < sides; s++) {
            before[s] = served[s].sum();
        }
        long[] openNanos = new long[sides];
        counting = true;
        try {
            for (int k = 0; k < slicesPerSide; k++) {
                for (int j = 0; j < sides; j++) {
                    int side = (round + j) % sides;
                    openNanos[side] += runSlice(side, slice);
                }
            }
        } finally {
            counting = false;
        }
        double[] perSecond = new double[sides];
        for (int s = 0; s < sides; s++) {
            perSecond[s] = (served[s].sum() - before[s]) / (openNanos[s] / 1e9);
        }
        return perSecond;
    }

    /** Opens one side's slice, closes it after {@code slice}, waits for its operations in flight; its open time. */
    private long runSlice(int side, Duration slice) throws InterruptedException {
        long start = System.nanoTime();
        synchronized (gate) {
            open = side;
            gate.notifyAll();
        }
        Thread.sleep(slice.toMillis()); // the slice's timed window, not synchronisation
        long openFor;
        synchronized (gate) {
            open = -1;
            openFor = System.nanoTime() - start;
            while (inFlight[side].get() > 0) {
                gate.wait();
            }
        }
        throwIfFailed();
        return openFor;
    }

    private void throwIfFailed() {
        synchronized (failures) {
            if (!failures.isEmpty()) {
                throw new IllegalStateException("a benchmark client failed", failures.get(0));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (gate) {
            stopped = true;
            gate.notifyAll();
        }
        for (Thread client : clients) {
            client.join();
        }
    }
}
