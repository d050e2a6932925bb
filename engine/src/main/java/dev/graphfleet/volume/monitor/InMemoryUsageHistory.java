package dev.graphfleet.volume.monitor;

import dev.graphfleet.volume.UsageSample;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps each instance's samples of the last {@code keep} (at most {@code maxSamples}): the history of a long-lived
 * monitor or the console, from which the growth forecast is fitted.
 */
public final class InMemoryUsageHistory implements UsageHistory {

    private final Duration keep;
    private final int maxSamples;
    private final Map<String, Deque<UsageSample>> byInstance = new ConcurrentHashMap<>();

    public InMemoryUsageHistory(Duration keep, int maxSamples) {
        if (keep.isNegative() || keep.isZero() || maxSamples < 1) {
            throw new IllegalArgumentException("keep must be positive and maxSamples at least 1");
        }
        this.keep = keep;
        this.maxSamples = maxSamples;
    }

    @Override
    public void record(String instanceId, UsageSample sample) {
        Deque<UsageSample> samples = byInstance.computeIfAbsent(instanceId, id -> new ArrayDeque<>());
        synchronized (samples) {
            samples.addLast(sample);
            while (samples.size() > maxSamples
                    || samples.peekFirst().at().isBefore(sample.at().minus(keep))) {
                samples.removeFirst();
            }
        }
    }

    @Override
    public List<UsageSample> samples(String instanceId) {
        Deque<UsageSample> samples = byInstance.get(instanceId);
        if (samples == null) {
            return List.of();
        }
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }
}
