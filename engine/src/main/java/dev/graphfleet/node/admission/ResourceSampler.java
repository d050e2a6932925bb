package dev.graphfleet.node.admission;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples CPU, memory and the data volume on its own thread at a fixed interval, so neither
 * admission nor /metrics ever waits for a probe (the original sampled CPU for 0.1 s on the request).
 *
 * <p>CPU is the mean of the last {@value CpuWindow#SIZE} readings ({@link CpuWindow}), so a one-second
 * spike does not shed load, and it is unknown (null) until the first full interval: the JVM's first
 * reading covers its own start-up, which says nothing about the load the node will serve.
 */
public final class ResourceSampler implements ResourceGauge, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResourceSampler.class);

    private final Path dataDir;
    private final Clock clock;
    private final com.sun.management.OperatingSystemMXBean os;

    private final ScheduledExecutorService scheduler;
    private final CpuWindow cpu = new CpuWindow();
    private volatile ResourceSample latest;

    private ResourceSampler(Path dataDir, Clock clock, Duration interval) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        os.getCpuLoad(); // primes the reading: the next one covers the interval from here
        this.latest = sample(null);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "graphfleet-resource-sampler");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sampleSafely, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Takes a first sample at once (so {@link #latest()} is never empty), then one per interval. */
    public static ResourceSampler start(Path dataDir, Clock clock, Duration interval) {
        return new ResourceSampler(dataDir, clock, interval);
    }

    @Override
    public ResourceSample latest() {
        return latest;
    }

    private void sampleSafely() {
        try {
            latest = sample(cpu.add(os.getCpuLoad()));
        } catch (RuntimeException e) {
            log.warn("resource sampling failed; keeping the previous sample: {}", e.toString());
        }
    }

    private ResourceSample sample(Double cpuPercent) {
        SystemProbes.Memory memory = SystemProbes.memory(os);
        return new ResourceSample(cpuPercent, Runtime.getRuntime().availableProcessors(),
                memory == null ? null : memory.totalBytes(), memory == null ? null : memory.availableBytes(),
                SystemProbes.disk(dataDir), clock.instant());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
