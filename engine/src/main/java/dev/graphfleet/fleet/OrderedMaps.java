package dev.graphfleet.fleet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Read-only copies that keep their order, so tables and JSON list things the same way every time. */
public final class OrderedMaps {

    private OrderedMaps() {
    }

    /** An unmodifiable copy in {@code map}'s iteration order; empty for null. */
    public static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
