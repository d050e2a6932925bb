package dev.graphfleet.console.viewmodel;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Each volume's fill forecast, fitted again only when its history got a new reading or its size
 * changed: the fit walks the whole history, and doing that for every row on every refresh was most
 * of the Volumes view's FX-thread time at 2,000 instances.
 */
final class ForecastMemo {

    private record Entry(Instant lastReading, double sizeGb, FillForecast forecast) {
    }

    private final Map<String, Entry> memo = new HashMap<>();

    FillForecast get(String id, Instant lastReading, double sizeGb, Supplier<FillForecast> fit) {
        Entry e = memo.get(id);
        if (e != null && Objects.equals(e.lastReading(), lastReading) && e.sizeGb() == sizeGb) {
            return e.forecast();
        }
        FillForecast f = fit.get();
        memo.put(id, new Entry(lastReading, sizeGb, f));
        return f;
    }

    int size() {
        return memo.size();
    }

    void retain(Set<String> present) {
        memo.keySet().retainAll(present);
    }
}
