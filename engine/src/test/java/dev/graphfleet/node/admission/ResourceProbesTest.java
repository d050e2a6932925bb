package dev.graphfleet.node.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The figures admission and /metrics read: CPU smoothed over five readings, memory and the data volume as Linux reports them. */
class ResourceProbesTest {

    @TempDir
    Path dir;

    @Test
    void cpuIsTheMeanOfTheLastFiveReadingsSoOneSpikeDoesNotShedLoad() {
        CpuWindow window = new CpuWindow();
        assertThat(window.add(-1)).as("no reading yet: unknown").isNull();
        assertThat(window.add(0.2)).isEqualTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(window.add(0.4)).isEqualTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(window.add(-1)).as("a missing reading keeps the mean").isEqualTo(30.0, org.assertj.core.data.Offset.offset(1e-9));
        window.add(0.0);
        window.add(0.0);
        assertThat(window.add(1.0)).as("a spike among five").isEqualTo(32.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(window.add(0.0)).as("the oldest reading leaves the window").isEqualTo(28.0, org.assertj.core.data.Offset.offset(1e-9));
        for (int i = 0; i < 4; i++) {
            window.add(0.5);
        }
        assertThat(window.add(0.5)).isEqualTo(50.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void memoryIsMemTotalAndMemAvailableAndTheJvmsViewWithoutThem() throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "MemTotal: 16000 kB\nMemFree: 1000 kB\nMemAvailable: 4000 kB\n");
        assertThat(SystemProbes.memory(os, meminfo)).isEqualTo(new SystemProbes.Memory(16_000L * 1024, 4_000L * 1024));

        for (String partial : new String[] {"MemTotal: 16000 kB\n", "MemAvailable: 4000 kB\n"}) {
            Path older = Files.writeString(dir.resolve("older"), partial); // a kernel without MemAvailable
            SystemProbes.Memory jvm = SystemProbes.memory(os, older);
            assertThat(jvm).isNotNull();
            assertThat(jvm.totalBytes()).isEqualTo(os.getTotalMemorySize());
            assertThat(jvm.availableBytes()).isBetween(0L, jvm.totalBytes());
        }
    }

    @Test
    void theDataVolumeIsTheLongestMountPointHoldingTheDirectory() throws Exception {
        Path mounts = Files.writeString(dir.resolve("mounts"), String.join("\n",
                "overlay / overlay rw 0 0",
                "broken",
                "/dev/nvme1n1 /data/graph\\040db ext4 rw 0 0",
                "/dev/nvme0n1 /data ext4 rw 0 0",
                "tmpfs /srv",
                "/dev/nvme2n1 /data/graph ext4 rw 0 0") + "\n");
        assertThat(SystemProbes.mountPointOf(Path.of("/data/graph db/sec"), mounts)).isEqualTo("/data/graph db");
        assertThat(SystemProbes.mountPointOf(Path.of("/data/graph/sec"), mounts)).isEqualTo("/data/graph");
        assertThat(SystemProbes.mountPointOf(Path.of("/data/other"), mounts)).isEqualTo("/data");
        assertThat(SystemProbes.mountPointOf(Path.of("/srv/x"), mounts)).isEqualTo("/srv");
        assertThat(SystemProbes.mountPointOf(Path.of("/home/x"), mounts)).isEqualTo("/");
        Path noRoot = Files.writeString(dir.resolve("no-root"), "/dev/nvme0n1 /data ext4 rw 0 0\n");
        assertThat(SystemProbes.mountPointOf(Path.of("/home/x"), noRoot)).isEqualTo("/home/x");
        assertThat(SystemProbes.mountPointOf(Path.of("/home/x"), dir.resolve("absent"))).isEqualTo("/home/x");
    }

    @Test
    void theSamplerMeasuresCpuAfterItsFirstIntervalOnADaemonThread() throws Exception {
        CountDownLatch samples = new CountDownLatch(3); // the first at start, then two on the sampler's thread
        AtomicBoolean daemon = new AtomicBoolean(true);
        Clock counting = new Clock() {
            @Override
            public Instant instant() {
                if (Thread.currentThread().getName().equals("graphfleet-resource-sampler")) {
                    daemon.compareAndSet(true, Thread.currentThread().isDaemon());
                }
                samples.countDown();
                return Instant.EPOCH;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        try (ResourceSampler sampler = ResourceSampler.start(dir, counting, Duration.ofMillis(20))) {
            assertThat(samples.await(1, TimeUnit.MINUTES)).as("two samples taken in the background").isTrue();
            ResourceSample sample = sampler.latest();
            assertThat(sample.cpuPercent()).isNotNull().isBetween(0.0, 100.0);
            assertThat(sample.memoryPercent()).isBetween(0.0, 100.0);
            assertThat(sample.disk()).isNotNull();
        }
        assertThat(daemon).as("a sampler never keeps the node's process alive").isTrue();
    }
}
