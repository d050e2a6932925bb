package dev.graphfleet.console.viewmodel;

import dev.graphfleet.volume.UsageSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each volume's used and total GB over time, from successive refreshes: bounded (at most {@code capacity}
 * points per instance, at least {@code spacing} apart, so a 1 s refresh does not fill it in minutes), and
 * forgetting instances that left the fleet. Plain data, no JavaFX: the chart and the forecast read it.
 * Written on the poller's thread (the Volumes view's prepare step), read on the FX thread too (the
 * chart): every method holds the lock.
 */
public final class VolumeHistory {

    /** One reading: when, used GB, the filesystem's total GB. */
    public record Point(Instant at, double usedGb, double sizeGb) {
    }

    public static final int DEFAULT_CAPACITY = 360;
    public static final Duration DEFAULT_SPACING = Duration.ofSeconds(5);

    private final int capacity;
    private final Duration spacing;
    private final Map<String, Deque<Point>> points = new HashMap<>();

    public VolumeHistory(int capacity, Duration spacing) {
        if (capacity < 2) {
            throw new IllegalArgumentException("a history needs room for at least 2 points, got " + capacity);
        }
        this.capacity = capacity;
        this.spacing = spacing;
    }

    public VolumeHistory() {
        this(DEFAULT_CAPACITY, DEFAULT_SPACING);
    }

    /** Adds a reading unless the last one is less than the spacing ago (or not older); drops the oldest when full. */
    public synchronized void record(String instanceId, Point point) {
        Deque<Point> kept = points.computeIfAbsent(instanceId, id -> new ArrayDeque<>());
        Point last = kept.peekLast();
        if (last != null && last.at().plus(spacing).isAfter(point.at())) {
            return;
        }
        kept.addLast(point);
        if (kept.size() > capacity) {
            kept.removeFirst();
        }
    }

    /** Forgets every instance not in {@code present}. */
    public synchronized void retain(Set<String> present) {
        points.keySet().retainAll(present);
    }

    /** The instance's points, oldest first (a copy). */
    public synchronized List<Point> points(String instanceId) {
        Deque<Point> kept = points.get(instanceId);
        return kept == null ? List.of() : List.copyOf(kept);
    }

    /** The same as used-GB samples, for the engine's {@code UsageForecast}. */
    public synchronized List<UsageSample> samples(String instanceId) {
        Deque<Point> kept = points.get(instanceId);
        return kept == null ? List.of() : kept.stream().map(p -> new UsageSample(p.at(), p.usedGb())).toList();
    }

    /** When the instance's last reading was taken, null when none: changes exactly when a reading is added. */
    public synchronized Instant lastAt(String instanceId) {
        Deque<Point> kept = points.get(instanceId);
        return kept == null || kept.isEmpty() ? null : kept.peekLast().at();
    }

    public int capacity() {
        return capacity;
    }
}
