package dev.graphfleet.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies that keep the file's order (messages and listings follow the file). */
final class ConfigMaps {

    private ConfigMaps() {
    }

    static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** A list copy that keeps nulls, so the validator can point at an empty list entry. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
