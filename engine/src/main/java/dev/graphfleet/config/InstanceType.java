package dev.graphfleet.config;

/** An EC2 instance type: its name, vCPUs and memory. */
public record InstanceType(String name, int vcpus, int memoryGib) {

    /** Memory in MiB, the unit of {@code max_memory_mb}. */
    public int memoryMb() {
        return memoryGib * 1024;
    }
}
