package dev.graphfleet.local;

import dev.graphfleet.node.metrics.DataVolumeReading;
import dev.graphfleet.node.metrics.DataVolumeSource;
import dev.graphfleet.volume.local.SimulatedVolume;
import dev.graphfleet.volume.local.SimulatedVolumeStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local node's data volume: the simulated filesystem size of its volume (from the shared store) against the
 * bytes really under its data directory. Measured on its own thread every {@code interval} (a walk of the
 * directory and a read of the store), so the node's /metrics reads memory only. Sizes are apparent sizes: a
 * sparse file counts at its full length, which makes filling a volume for a demo cheap.
 */
final class SimulatedDataVolume implements DataVolumeSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SimulatedDataVolume.class);
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final String volumeId;
    private final Path dataDir;
    private final SimulatedVolumeStore store;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile DataVolumeReading latest;

    private SimulatedDataVolume(String volumeId, Path dataDir, SimulatedVolumeStore store, Clock clock) {
        this.volumeId = volumeId;
        this.dataDir = dataDir;
        this.store = store;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "graphfleet-volume-" + volumeId);
            thread.setDaemon(true);
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    /** Measures once now (so the node starts with a reading), then every {@code interval}. */
    static SimulatedDataVolume start(String volumeId, Path dataDir, SimulatedVolumeStore store, Clock clock,
                                     Duration interval) {
        SimulatedDataVolume volume = new SimulatedDataVolume(volumeId, dataDir, store, clock);
        volume.refresh();
        volume.scheduler.scheduleWithFixedDelay(volume::refresh, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return volume;
    }

    @Override
    public Optional<DataVolumeReading> latest() {
        return Optional.ofNullable(latest);
    }

    /** Measures now, on the caller's thread; a failure keeps the previous reading (and is logged). */
    synchronized void refresh() {
        try {
            SimulatedVolume volume = store.read().get(volumeId);
            if (volume == null) {
                log.warn("no simulated volume {} in the store; {} keeps its last reading", volumeId, dataDir);
                return;
            }
            long size = Math.round(volume.filesystemGb() * GIB);
            latest = new DataVolumeReading(volumeId, size, bytesUnder(dataDir), dataDir.toString(), true,
                    clock.instant());
        } catch (IOException | UncheckedIOException e) {
            log.warn("measuring the simulated volume {} failed; keeping the last reading: {}", volumeId, e.toString());
        }
    }

    /** Apparent bytes of every regular file under {@code dir}; files that vanish meanwhile do not count. */
    static long bytesUnder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] total = {0};
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                    total[0] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // a WAL or temp file removed during the walk
            }
        });
        return total[0];
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
