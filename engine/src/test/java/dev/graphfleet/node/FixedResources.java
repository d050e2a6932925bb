package dev.graphfleet.node;

import dev.graphfleet.node.admission.ResourceGauge;
import dev.graphfleet.node.admission.ResourceSample;
import java.time.Clock;

/**
 * CPU and memory held at chosen figures, sampled "now" by the given clock; the data volume is a
 * fixed 100 GiB, 40 % used. Lets admission and metrics tests be exact on any machine.
 */
final class FixedResources implements ResourceGauge {

    private static final long GIB = 1L << 30;

    private final Clock clock;
    private volatile double cpuPercent;
    private volatile double memoryPercent;

    FixedResources(Clock clock, double cpuPercent, double memoryPercent) {
        this.clock = clock;
        this.cpuPercent = cpuPercent;
        this.memoryPercent = memoryPercent;
    }

    static FixedResources idle() {
        return new FixedResources(Clock.systemUTC(), 10.0, 20.0);
    }

    void set(double cpu, double memory) {
        this.cpuPercent = cpu;
        this.memoryPercent = memory;
    }

    @Override
    public ResourceSample latest() {
        long total = 16 * GIB;
        long available = (long) (total * (1 - memoryPercent / 100.0));
        return new ResourceSample(cpuPercent, 2, total, available,
                new ResourceSample.DiskUsage(100 * GIB, 40 * GIB, 60 * GIB, "/mnt/test-data"), clock.instant());
    }
}
