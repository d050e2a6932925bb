package dev.graphfleet.node.admission;

/**
 * The mean of the last {@value #SIZE} CPU readings, so a one-second spike does not shed load. Only the
 * sampler's thread adds to it.
 */
final class CpuWindow {

    static final int SIZE = 5;

    private final double[] readings = new double[SIZE];
    private int count;
    private Double mean;

    /**
     * Adds a reading (0..1, negative when the OS could not give one) and returns the window's mean in
     * percent; a missing reading keeps the mean as it was (null before the first reading).
     */
    Double add(double reading) {
        if (reading < 0) {
            return mean;
        }
        readings[count % SIZE] = reading;
        count++;
        int n = Math.min(count, SIZE);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += readings[i];
        }
        mean = sum / n * 100.0;
        return mean;
    }
}
