package dev.graphfleet.console.viewmodel;

/**
 * A gauge with its recent history: the figure now, and the last few readings as fractions 0..1 of
 * their limit (NaN where a reading had no figure), oldest first, for a sparkline.
 */
public record Trend(Gauge gauge, float[] recent) {

    /** No figure: the gauge says why, and no history is drawn. */
    static Trend missing(String why) {
        return new Trend(new Gauge(0, "unknown", why), new float[0]);
    }
}
