package dev.graphfleet.node.admission;

import com.netflix.concurrency.limits.Limit;
import java.util.function.Consumer;

/**
 * A limit that never reads below {@code floor}, whatever the adaptive limit inside it says: Vegas
 * has no minimum of its own, and a node must never refuse light load.
 */
final class FloorLimit implements Limit {

    private final Limit inner;
    private final int floor;

    FloorLimit(Limit inner, int floor) {
        this.inner = inner;
        this.floor = floor;
    }

    @Override
    public int getLimit() {
        return Math.max(floor, inner.getLimit());
    }

    @Override
    public void notifyOnChange(Consumer<Integer> consumer) {
        inner.notifyOnChange(limit -> consumer.accept(Math.max(floor, limit)));
    }

    @Override
    public void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
        inner.onSample(startTime, rtt, inflight, didDrop);
    }
}
