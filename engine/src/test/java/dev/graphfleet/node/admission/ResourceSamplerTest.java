package dev.graphfleet.node.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceSamplerTest {

    @TempDir
    Path dataDir;

    @Test
    void theFirstSampleIsThereAtOnceWithMemoryAndTheDataVolume() {
        try (ResourceSampler sampler = ResourceSampler.start(dataDir, Clock.systemUTC(), Duration.ofHours(1))) {
            ResourceSample sample = sampler.latest();
            assertThat(sample.cpuPercent()).as("unknown until a full interval has passed").isNull();
            assertThat(sample.cpuCount()).isPositive();
            assertThat(sample.memoryPercent()).isBetween(0.0, 100.0);
            assertThat(sample.memoryTotalBytes()).isGreaterThan(sample.memoryAvailableBytes());
            ResourceSample.DiskUsage disk = sample.disk();
            assertThat(disk.totalBytes()).isPositive();
            assertThat(disk.usedBytes() + disk.freeBytes()).isLessThanOrEqualTo(disk.totalBytes());
            assertThat(disk.usageFraction()).isBetween(0.0, 1.0);
            assertThat(dataDir.toAbsolutePath().startsWith(disk.mountPoint())).isTrue();
        }
    }

    @Test
    void meminfoIsReadInBytes() throws Exception {
        Path meminfo = dataDir.resolve("meminfo");
        Files.writeString(meminfo, "MemTotal:       16000 kB\nMemFree:   1000 kB\nMemAvailable:    4000 kB\nHugePages_Total: 0\n");
        Map<String, Long> values = SystemProbes.meminfo(meminfo);
        assertThat(values).containsEntry("MemTotal", 16_000L * 1024).containsEntry("MemAvailable", 4_000L * 1024)
                .containsEntry("HugePages_Total", 0L);
        assertThat(SystemProbes.meminfo(dataDir.resolve("absent"))).isEmpty();
    }

    @Test
    void aMissingDataDirectoryIsAnUnknownVolumeNotAFailure() {
        assertThat(SystemProbes.disk(dataDir.resolve("not-mounted"))).isNull();
    }
}
