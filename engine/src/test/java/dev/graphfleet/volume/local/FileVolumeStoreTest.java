package dev.graphfleet.volume.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.testing.SettableClock;
import dev.graphfleet.volume.ModificationRefusal;
import dev.graphfleet.volume.ModificationState;
import dev.graphfleet.volume.monitor.VolumeActionException;
import dev.graphfleet.volume.monitor.VolumeDescription;
import dev.graphfleet.volume.monitor.WatchedInstance;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulated volumes in a file two processes share: the EBS rules hold across store instances. */
class FileVolumeStoreTest {

    static final SimulatedTimings TIMINGS =
            new SimulatedTimings(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(60));
    static final WatchedInstance WRITER = new WatchedInstance("writer-1", "writer", null, "/data/writer-1");

    @TempDir
    Path dir;

    final SettableClock clock = new SettableClock(Instant.parse("2025-03-01T10:00:00Z"));

    /** What another process sees: its own store instance, reading the timings from the file. */
    SimulatedVolumes opened() {
        FileVolumeStore store = FileVolumeStore.open(dir).orElseThrow();
        return new SimulatedVolumes(store, clock, store.timings());
    }

    @Test
    void aModificationMovesThroughTheEbsStatesAndTheFilesystemGrowsOnlyWhenAsked() throws Exception {
        SimulatedVolumes fleet = new SimulatedVolumes(FileVolumeStore.create(dir, TIMINGS), clock, TIMINGS);
        fleet.attach("writer-1", "vol-local-writer-1", 1);
        SimulatedVolumes monitor = opened();
        assertThat(monitor.timings()).isEqualTo(TIMINGS);
        assertThat(monitor.describe(WRITER)).get().extracting(VolumeDescription::sizeGb).isEqualTo(1L);

        monitor.modify("vol-local-writer-1", 60);

        assertThat(fleet.modificationState("vol-local-writer-1")).isEqualTo(ModificationState.MODIFYING);
        assertThat(fleet.sizeGb("vol-local-writer-1")).isEqualTo(60);
        monitor.growFilesystem(WRITER); // too early: the device still shows the old size
        assertThat(fleet.filesystemSizeGb("writer-1")).isEqualTo(1.0);

        clock.advance(Duration.ofSeconds(2));
        assertThat(monitor.describe(WRITER).orElseThrow().modification().state()).isEqualTo(ModificationState.OPTIMIZING);
        monitor.growFilesystem(WRITER);
        assertThat(fleet.filesystemSizeGb("writer-1")).isEqualTo(60.0);

        clock.advance(Duration.ofSeconds(5));
        assertThat(fleet.modificationState("vol-local-writer-1")).isEqualTo(ModificationState.COMPLETED);
        assertThat(Files.readString(dir.resolve(FileVolumeStore.NAME)))
                .contains("\"optimizing_at\" : \"2025-03-01T10:00:02Z\"", "\"completed_at\" : \"2025-03-01T10:00:07Z\"",
                        "\"modifying_for\" : \"PT2S\"", "not real disks");
    }

    @Test
    void refusalsAreTheProvidersWhileActiveAndInTheCooldown() throws Exception {
        SimulatedVolumes volumes = new SimulatedVolumes(FileVolumeStore.create(dir, TIMINGS), clock, TIMINGS);
        volumes.attach("writer-1", "vol-local-writer-1", 1);
        volumes.modify("vol-local-writer-1", 60);

        clock.advance(Duration.ofSeconds(3)); // optimizing
        assertThatThrownBy(() -> opened().modify("vol-local-writer-1", 100))
                .isInstanceOfSatisfying(VolumeActionException.class,
                        e -> assertThat(e.refusal()).isEqualTo(ModificationRefusal.STUCK_OPTIMIZING));
        clock.advance(Duration.ofSeconds(10)); // completed, 13 s after the start: inside the 60 s cooldown
        assertThatThrownBy(() -> opened().modify("vol-local-writer-1", 100))
                .isInstanceOfSatisfying(VolumeActionException.class,
                        e -> assertThat(e.refusal()).isEqualTo(ModificationRefusal.COOLDOWN))
                .hasMessageContaining("Wait at least 60 seconds");
        clock.advance(Duration.ofSeconds(47));
        opened().modify("vol-local-writer-1", 100);

        assertThat(volumes.sizeGb("vol-local-writer-1")).isEqualTo(100);
        assertThat(volumes.modifications("vol-local-writer-1")).isEqualTo(2);
        assertThat(volumes.modificationRequests("vol-local-writer-1")).isEqualTo(4);
    }

    @Test
    void updatesFromTwoStoresNeverLoseEachOther() throws Exception {
        SimulatedVolumes first = new SimulatedVolumes(FileVolumeStore.create(dir, TIMINGS), clock, TIMINGS);
        first.attach("writer-1", "vol-local-writer-1", 1);
        first.modify("vol-local-writer-1", 60); // every request from now on is refused, and counted
        SimulatedVolumes second = opened();
        int perThread = 25;
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (SimulatedVolumes volumes : List.of(first, second, first, second)) {
                done.add(threads.submit((Callable<Void>) () -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        try {
                            volumes.modify("vol-local-writer-1", 100);
                        } catch (VolumeActionException expected) {
                            // in progress
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(second.modificationRequests("vol-local-writer-1")).isEqualTo(1 + 4 * perThread);
        assertThat(second.modifications("vol-local-writer-1")).isEqualTo(1);
    }

    @Test
    void aRestartedFleetKeepsItsVolumesAndTakesTheNewTimings() throws Exception {
        SimulatedVolumes before = new SimulatedVolumes(FileVolumeStore.create(dir, TIMINGS), clock, TIMINGS);
        before.attach("writer-1", "vol-local-writer-1", 1);
        before.modify("vol-local-writer-1", 60);

        SimulatedTimings quicker = TIMINGS.withCooldown(Duration.ZERO);
        SimulatedVolumes after = new SimulatedVolumes(FileVolumeStore.create(dir, quicker), clock, quicker);
        after.attachIfAbsent("writer-1", "vol-local-writer-1", 1);
        after.attachIfAbsent("master-1", "vol-local-master-1", 5);

        assertThat(after.sizeGb("vol-local-writer-1")).isEqualTo(60);
        assertThat(after.sizeGb("vol-local-master-1")).isEqualTo(5);
        assertThat(opened().timings().cooldown()).isZero();
    }

    @Test
    void aDamagedFileIsReportedWithItsNameAndTheFix() throws Exception {
        FileVolumeStore.create(dir, TIMINGS);
        Files.writeString(dir.resolve(FileVolumeStore.NAME), "{\"volumes\": [");

        assertThatThrownBy(() -> opened())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(dir.resolve(FileVolumeStore.NAME).toString())
                .hasMessageContaining("delete it and restart the local fleet");
        FileVolumeStore store = FileVolumeStore.open(dir).orElseThrow();
        assertThatThrownBy(() -> new SimulatedVolumes(store, clock, TIMINGS).describe(WRITER))
                .isInstanceOfSatisfying(VolumeActionException.class,
                        e -> assertThat(e.refusal()).isEqualTo(ModificationRefusal.OTHER))
                .hasMessageContaining("simulated volumes: ");
    }

    @Test
    void noStoreWithoutAFleet() {
        assertThat(FileVolumeStore.open(dir)).isEmpty();
    }
}
