package dev.graphfleet.node.metrics;

/** Unit conversions as /metrics reports them (GiB with two decimals, like the original). */
final class MetricUnits {

    static final double GIB = 1024.0 * 1024.0 * 1024.0;

    private MetricUnits() {
    }

    static double gb(long bytes) {
        return round(bytes / GIB, 2);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
