package dev.graphfleet.node.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.graphfleet.node.admission.ResourceSample;

/**
 * The machine: CPU, memory, the data volume's file system ({@code disk}), and the same volume as
 * the volume monitor reads it ({@code volumes.data_volume}, usage as a fraction 0..1).
 */
public record SystemMetrics(Cpu cpu, Memory memory, Disk disk, Volumes volumes) {

    public record Cpu(Double percent, int count) {
    }

    public record Memory(Double totalGb, Double usedGb, Double availableGb, Double percent) {
    }

    public record Disk(double totalGb, double usedGb, double freeGb, double percent, String mountPoint) {
    }

    public record Volumes(DataVolume dataVolume) {
    }

    /**
     * {@code simulated} and {@code volumeId} appear only when a {@link DataVolumeSource} reports the volume (the
     * local fleet's simulated capacities); otherwise it is the file system under the data directory.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataVolume(Double volumeSizeGb, Double usedGb, Double freeGb, Double usagePercent,
                             String mountPoint, String error, Boolean simulated, String volumeId) {

        DataVolume(Double volumeSizeGb, Double usedGb, Double freeGb, Double usagePercent, String mountPoint,
                   String error) {
            this(volumeSizeGb, usedGb, freeGb, usagePercent, mountPoint, error, null, null);
        }

        static DataVolume of(DataVolumeReading r) {
            return new DataVolume(MetricUnits.gb(r.sizeBytes()), MetricUnits.gb(r.usedBytes()), MetricUnits.gb(r.freeBytes()),
                    MetricUnits.round(r.usageFraction(), 4), r.mountPoint(), null, r.simulated() ? Boolean.TRUE : null,
                    r.volumeId());
        }
    }

    public static SystemMetrics from(ResourceSample sample) {
        return from(sample, null);
    }

    /**
     * The figures of {@code sample}, with the data volume from {@code volumes} when there is one (the disk
     * section stays the real file system). Reads memory only.
     */
    public static SystemMetrics from(ResourceSample sample, DataVolumeSource volumes) {
        Double cpu = sample.cpuPercent() == null ? null : MetricUnits.round(sample.cpuPercent(), 2);
        Memory memory = sample.memoryPercent() == null ? new Memory(null, null, null, null)
                : new Memory(MetricUnits.gb(sample.memoryTotalBytes()),
                        MetricUnits.gb(sample.memoryTotalBytes() - sample.memoryAvailableBytes()),
                        MetricUnits.gb(sample.memoryAvailableBytes()), MetricUnits.round(sample.memoryPercent(), 2));
        ResourceSample.DiskUsage usage = sample.disk();
        Disk disk = usage == null ? null : new Disk(MetricUnits.gb(usage.totalBytes()), MetricUnits.gb(usage.usedBytes()),
                MetricUnits.gb(usage.freeBytes()), MetricUnits.round(usage.usageFraction() * 100, 2), usage.mountPoint());
        DataVolume volume;
        if (volumes != null) {
            volume = volumes.latest().map(DataVolume::of).orElse(new DataVolume(null, null, null, null, null,
                    "the data volume has not been measured yet"));
        } else if (usage == null) {
            volume = new DataVolume(null, null, null, null, null, "the data volume could not be read");
        } else {
            volume = new DataVolume(MetricUnits.gb(usage.totalBytes()), MetricUnits.gb(usage.usedBytes()),
                    MetricUnits.gb(usage.freeBytes()), MetricUnits.round(usage.usageFraction(), 4), usage.mountPoint(), null);
        }
        return new SystemMetrics(new Cpu(cpu, sample.cpuCount()), memory, disk, new Volumes(volume));
    }
}
