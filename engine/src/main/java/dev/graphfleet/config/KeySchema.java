package dev.graphfleet.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys each place of a config may hold, read from the config records themselves (component
 * names in snake_case, as Jackson binds them), so the key check and the docs test cannot drift
 * from the model. A record has named keys, a map any key, a list items; anything else is a value.
 */
final class KeySchema {

    private static final PropertyNamingStrategies.NamingBase NAMING =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** A plain value, and what is below a key the model does not have: nothing to check. */
    static final KeySchema VALUE = new KeySchema(null, null, null);

    private final Map<String, KeySchema> keys;
    private final KeySchema anyKey;
    private final KeySchema items;

    private KeySchema(Map<String, KeySchema> keys, KeySchema anyKey, KeySchema items) {
        this.keys = keys;
        this.anyKey = anyKey;
        this.items = items;
    }

    static KeySchema of(Type type) {
        Class<?> raw = rawClass(type);
        if (Map.class.isAssignableFrom(raw)) {
            return new KeySchema(null, of(typeArgument(type, 1)), null);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            return new KeySchema(null, null, of(typeArgument(type, 0)));
        }
        Class<?> bound = boundThrough(raw);
        if (bound.isRecord()) {
            Map<String, KeySchema> keys = new LinkedHashMap<>();
            for (RecordComponent component : bound.getRecordComponents()) {
                keys.put(NAMING.translate(component.getName()), of(component.getGenericType()));
            }
            return new KeySchema(keys, null, null);
        }
        return VALUE;
    }

    /** A record may be read through a delegating creator (a tier's InstanceConfig is read as an InstanceSpec). */
    private static Class<?> boundThrough(Class<?> type) {
        for (Method method : type.getDeclaredMethods()) {
            JsonCreator creator = method.getAnnotation(JsonCreator.class);
            if (creator != null && creator.mode() == JsonCreator.Mode.DELEGATING
                    && Modifier.isStatic(method.getModifiers()) && method.getParameterCount() == 1) {
                return method.getParameterTypes()[0];
            }
        }
        return type;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        throw new IllegalArgumentException("config records use plain or parameterized types, not " + type);
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof ParameterizedType p) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }

    boolean isRecord() {
        return keys != null;
    }

    /** The keys a record allows, in declaration order. */
    Set<String> keys() {
        return keys == null ? Set.of() : keys.keySet();
    }

    /** Whether a record allows {@code key} (maps allow any key, plain values none). */
    boolean allows(String key) {
        return keys == null ? anyKey != null : keys.containsKey(key);
    }

    /** The schema of the value under {@code key}; {@link #VALUE} when there is nothing to check. */
    KeySchema child(String key) {
        KeySchema child = keys != null ? keys.get(key) : anyKey;
        return child == null ? VALUE : child;
    }

    /** The schema of a list's items; {@link #VALUE} when this is not a list. */
    KeySchema items() {
        return items == null ? VALUE : items;
    }

    /**
     * Every key path, e.g. {@code tiers.<name>.instance.max_memory_mb}: map keys show as
     * {@code <name>}, list items as {@code []}. For the docs check.
     */
    List<String> paths() {
        List<String> out = new ArrayList<>();
        collect("", out);
        return out;
    }

    private void collect(String prefix, List<String> out) {
        if (keys != null) {
            keys.forEach((key, child) -> {
                String path = prefix.isEmpty() ? key : prefix + "." + key;
                out.add(path);
                child.collect(path, out);
            });
        } else if (anyKey != null) {
            anyKey.collect(prefix + ".<name>", out);
        }
    }
}
