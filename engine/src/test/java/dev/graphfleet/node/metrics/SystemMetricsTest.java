package dev.graphfleet.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.node.admission.ResourceSample;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The data volume section: the file system by default, a data volume source when the node has one. */
class SystemMetricsTest {

    static final long GIB = 1L << 30;
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    static final ResourceSample SAMPLE = new ResourceSample(10.0, 2, 8 * GIB, 4 * GIB,
            new ResourceSample.DiskUsage(100 * GIB, 25 * GIB, 75 * GIB, "/"), NOW);

    @Test
    void withoutASourceTheDataVolumeIsTheFileSystem() {
        SystemMetrics.DataVolume volume = SystemMetrics.from(SAMPLE).volumes().dataVolume();
        assertThat(volume.volumeSizeGb()).isEqualTo(100.0);
        assertThat(volume.usagePercent()).isEqualTo(0.25);
        assertThat(volume.simulated()).isNull();
        assertThat(volume.volumeId()).isNull();
    }

    @Test
    void aSimulatedVolumeReplacesItAndTheDiskStaysReal() {
        DataVolumeSource source = () -> Optional.of(
                new DataVolumeReading("vol-local-writer-1", GIB, 3 * GIB / 4, "/data/writer-1", true, NOW));
        SystemMetrics metrics = SystemMetrics.from(SAMPLE, source);

        SystemMetrics.DataVolume volume = metrics.volumes().dataVolume();
        assertThat(volume.volumeSizeGb()).isEqualTo(1.0);
        assertThat(volume.usedGb()).isEqualTo(0.75);
        assertThat(volume.freeGb()).isEqualTo(0.25);
        assertThat(volume.usagePercent()).isEqualTo(0.75);
        assertThat(volume.simulated()).isTrue();
        assertThat(volume.volumeId()).isEqualTo("vol-local-writer-1");
        assertThat(volume.mountPoint()).isEqualTo("/data/writer-1");
        assertThat(metrics.disk().totalGb()).isEqualTo(100.0);
    }

    @Test
    void aDirectoryPastItsSimulatedCapacityReadsFullNotMoreThanFull() {
        DataVolumeSource source = () -> Optional.of(
                new DataVolumeReading("vol-local-writer-1", GIB, 3 * GIB, "/data/writer-1", true, NOW));
        SystemMetrics.DataVolume volume = SystemMetrics.from(SAMPLE, source).volumes().dataVolume();
        assertThat(volume.usagePercent()).isEqualTo(1.0); // the monitor takes fractions 0..1
        assertThat(volume.freeGb()).isZero();
        assertThat(volume.usedGb()).isEqualTo(3.0);
    }

    @Test
    void beforeTheFirstMeasurementItSaysSo() {
        SystemMetrics.DataVolume volume = SystemMetrics.from(SAMPLE, Optional::empty).volumes().dataVolume();
        assertThat(volume.error()).isEqualTo("the data volume has not been measured yet");
        assertThat(volume.volumeSizeGb()).isNull();
    }
}
