package dev.graphfleet.console.viewmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each node's memory, connections and volume over time, from successive refreshes, in bounded memory:
 * a fine tier (one reading per {@link #FINE_SPACING}, the last {@link #FINE_CAPACITY}: the sparklines)
 * and a coarse one (one per {@link #COARSE_SPACING}, {@link #COARSE_CAPACITY} of them: 6 h for the
 * drawer's chart). Primitive arrays, about 8 KB per node when full (80 MB at 10,000 nodes); nodes that
 * left the fleet are forgotten. Plain data, no JavaFX. A missing figure is kept as missing (NaN), so a
 * gap stays a gap instead of a reassuring zero. Written on the poller's thread (the Overview's prepare
 * step), read on the FX thread too (the drawer's chart): every method holds the lock.
 */
public final class NodeHistory {

    /** What is kept, each as a value against its limit. */
    public enum Metric {
        MEMORY("Memory", "buffer pools", "budget"),
        CONNECTIONS("Connections", "in use", "max"),
        VOLUME("Volume", "used", "size");

        private final String title;
        private final String valueName;
        private final String limitName;

        Metric(String title, String valueName, String limitName) {
            this.title = title;
            this.valueName = valueName;
            this.limitName = limitName;
        }

        public String title() {
            return title;
        }

        public String valueName() {
            return valueName;
        }

        public String limitName() {
            return limitName;
        }
    }

    /** How far back the drawer's chart looks. */
    public enum Range {
        FIVE_MINUTES("5 min", Duration.ofMinutes(5)),
        ONE_HOUR("1 h", Duration.ofHours(1)),
        SIX_HOURS("6 h", Duration.ofHours(6));

        private final String label;
        private final Duration span;

        Range(String label, Duration span) {
            this.label = label;
            this.span = span;
        }

        public String label() {
            return label;
        }

        public Duration span() {
            return span;
        }
    }

    /** One reading of one metric: when, the value, its limit (NaN when either was not reported). */
    public record Point(Instant at, double value, double limit) {
    }

    public static final Duration FINE_SPACING = Duration.ofSeconds(5);
    public static final int FINE_CAPACITY = 72;
    public static final Duration COARSE_SPACING = Duration.ofMinutes(2);
    public static final int COARSE_CAPACITY = 180;
    private static final int METRICS = Metric.values().length;

    private final Map<String, Node> nodes = new HashMap<>();
    private final long fineSpacing;
    private final long coarseSpacing;

    public NodeHistory() {
        this(FINE_SPACING, COARSE_SPACING);
    }

    NodeHistory(Duration fine, Duration coarse) {
        fineSpacing = fine.getSeconds();
        coarseSpacing = coarse.getSeconds();
    }

    /**
     * Records one refresh's figures of a node (NaN for a missing one); does nothing when its last fine
     * reading is less than the spacing ago, so a 1 s refresh neither fills the tiers in minutes nor costs
     * more than a map look-up.
     */
    public synchronized void record(String id, Instant at, double memory, double memoryBudget, double inUse,
                                    double maxConnections, double volumeUsedGb, double volumeSizeGb) {
        Node node = nodes.computeIfAbsent(id, k -> new Node());
        long second = at.getEpochSecond();
        if (node.fine.size > 0 && second < node.fine.last() + fineSpacing) {
            return;
        }
        float[] values = {(float) memory, (float) memoryBudget, (float) inUse, (float) maxConnections,
                (float) volumeUsedGb, (float) volumeSizeGb};
        node.fine.add(second, values);
        if (node.coarse.size == 0 || second >= node.coarse.last() + coarseSpacing) {
            node.coarse.add(second, values);
        }
        node.revision++;
    }

    /** Forgets every node not in {@code present}. */
    public synchronized void retain(Set<String> present) {
        nodes.keySet().retainAll(present);
    }

    /** Nodes kept. */
    public synchronized int size() {
        return nodes.size();
    }

    /** Changes whenever the node got a new reading (a view redraws its sparkline only then). */
    public synchronized long revision(String id) {
        Node node = nodes.get(id);
        return node == null ? 0 : node.revision;
    }

    /**
     * The fine readings of {@code metric} of the last five minutes (at most {@code count}) as fractions
     * of their limit (NaN where a figure was missing), oldest first: a sparkline. By time, not by count:
     * the line says "the last 5 minutes" whatever the refresh interval. Empty when nothing was recorded.
     */
    public synchronized float[] recentFractions(String id, Metric metric, int count) {
        Node node = nodes.get(id);
        if (node == null) {
            return new float[0];
        }
        Ring ring = node.fine;
        if (ring.size == 0) {
            return new float[0];
        }
        long from = ring.second(ring.size - 1) - Range.FIVE_MINUTES.span().getSeconds();
        int n = 0;
        while (n < Math.min(count, ring.size) && ring.second(ring.size - 1 - n) > from) {
            n++;
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int at = ring.size - n + i;
            float value = ring.value(at, 2 * metric.ordinal());
            float limit = ring.value(at, 2 * metric.ordinal() + 1);
            out[i] = limit > 0 ? value / limit : Float.NaN;
        }
        return out;
    }

    /** {@code metric}'s readings within {@code span} of {@code now}, oldest first: coarse where fine ones no longer reach. */
    public synchronized List<Point> points(String id, Metric metric, Duration span, Instant now) {
        Node node = nodes.get(id);
        if (node == null) {
            return List.of();
        }
        long from = now.getEpochSecond() - span.getSeconds();
        long fineStart = node.fine.size == 0 ? Long.MAX_VALUE : node.fine.second(0);
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < node.coarse.size; i++) {
            long second = node.coarse.second(i);
            if (second >= from && second < fineStart) {
                out.add(node.coarse.point(i, metric));
            }
        }
        for (int i = 0; i < node.fine.size; i++) {
            if (node.fine.second(i) >= from) {
                out.add(node.fine.point(i, metric));
            }
        }
        return out;
    }

    /** The readings each node can hold at most (both tiers). */
    public static int capacityPerNode() {
        return FINE_CAPACITY + COARSE_CAPACITY;
    }

    /** Readings held for {@code id} (both tiers), for tests of the bound. */
    synchronized int held(String id) {
        Node node = nodes.get(id);
        return node == null ? 0 : node.fine.size + node.coarse.size;
    }

    private static final class Node {
        final Ring fine = new Ring(FINE_CAPACITY);
        final Ring coarse = new Ring(COARSE_CAPACITY);
        long revision;
    }

    /** A fixed-size ring of readings: epoch seconds and the metrics' value/limit pairs. */
    private static final class Ring {
        private final long[] seconds;
        private final float[] values;
        private int start;
        private int size;

        Ring(int capacity) {
            seconds = new long[capacity];
            values = new float[capacity * 2 * METRICS];
        }

        void add(long second, float[] reading) {
            int slot;
            if (size < seconds.length) {
                slot = (start + size) % seconds.length;
                size++;
            } else {
                slot = start;
                start = (start + 1) % seconds.length;
            }
            seconds[slot] = second;
            System.arraycopy(reading, 0, values, slot * 2 * METRICS, 2 * METRICS);
        }

        long last() {
            return second(size - 1);
        }

        long second(int i) {
            return seconds[(start + i) % seconds.length];
        }

        float value(int i, int field) {
            return values[((start + i) % seconds.length) * 2 * METRICS + field];
        }

        Point point(int i, Metric metric) {
            return new Point(Instant.ofEpochSecond(second(i)), value(i, 2 * metric.ordinal()),
                    value(i, 2 * metric.ordinal() + 1));
        }
    }
}
