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

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataVolume(Double volumeSizeGb, Double usedGb, Double freeGb, Double usagePercent,
                             String mountPoint, String error) {
    }

    public static SystemMetrics from(ResourceSample sample) {
        Double cpu = sample.cpuPercent() == null ? null : Units.round(sample.cpuPercent(), 2);
        Memory memory = sample.memoryPercent() == null ? new Memory(null, null, null, null)
                : new Memory(Units.gb(sample.memoryTotalBytes()),
                        Units.gb(sample.memoryTotalBytes() - sample.memoryAvailableBytes()),
                        Units.gb(sample.memoryAvailableBytes()), Units.round(sample.memoryPercent(), 2));
        ResourceSample.DiskUsage usage = sample.disk();
        if (usage == null) {
            return new SystemMetrics(new Cpu(cpu, sample.cpuCount()), memory, null, new Volumes(
                    new DataVolume(null, null, null, null, null, "the data volume could not be read")));
        }
        Disk disk = new Disk(Units.gb(usage.totalBytes()), Units.gb(usage.usedBytes()), Units.gb(usage.freeBytes()),
                Units.round(usage.usageFraction() * 100, 2), usage.mountPoint());
        DataVolume volume = new DataVolume(Units.gb(usage.totalBytes()), Units.gb(usage.usedBytes()),
                Units.gb(usage.freeBytes()), Units.round(usage.usageFraction(), 4), usage.mountPoint(), null);
        return new SystemMetrics(new Cpu(cpu, sample.cpuCount()), memory, disk, new Volumes(volume));
    }
}
