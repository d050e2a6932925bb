package dev.graphfleet.node.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures database sizes on its own thread, one scan after another with a pause between, into a
 * cache that readers take without waiting. A slow or failing scan leaves the previous result in
 * place; readers judge its age from {@link DatabaseSizes#collectedAt()}.
 */
public final class DatabaseSizeScanner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSizeScanner.class);

    private final DatabaseSizeSource source;
    private final Clock clock;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private volatile DatabaseSizes latest;
    private volatile String lastError;
    private final CountDownLatch firstScan = new CountDownLatch(1);

    private DatabaseSizeScanner(DatabaseSizeSource source, Clock clock, Duration interval) {
        this.source = source;
        this.clock = clock;
        this.interval = interval;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "graphfleet-size-scanner");
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    /** Starts scanning at once, then {@code interval} after each scan ends. */
    public static DatabaseSizeScanner start(DatabaseSizeSource source, Clock clock, Duration interval) {
        DatabaseSizeScanner scanner = new DatabaseSizeScanner(source, clock, interval);
        scanner.scheduler.scheduleWithFixedDelay(scanner::scanOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return scanner;
    }

    /** The last completed scan; empty until the first one completes. Never blocks. */
    public Optional<DatabaseSizes> latest() {
        return Optional.ofNullable(latest);
    }

    /** Waits for the first scan to end (in success or failure); false when {@code timeout} passed first. */
    public boolean awaitFirstScan(Duration timeout) throws InterruptedException {
        return firstScan.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The failure of the last scan, or null when it succeeded. */
    public String lastError() {
        return lastError;
    }

    public Duration interval() {
        return interval;
    }

    private void scanOnce() {
        try {
            latest = new DatabaseSizes(source.sizes(), clock.instant());
            lastError = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        } catch (Exception e) {
            lastError = e.toString();
            log.warn("database size scan failed; serving the previous sizes: {}", e.toString());
        } finally {
            firstScan.countDown();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
