package dev.graphfleet.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Command-line query parameters: integers, decimals and booleans keep their type; the rest is text. */
final class ParameterParser {

    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.\\d+");

    private ParameterParser() {
    }

    static Map<String, Object> parse(Map<String, String> raw) {
        Map<String, Object> typed = new LinkedHashMap<>();
        raw.forEach((name, value) -> typed.put(name, typed(value)));
        return typed;
    }

    static Object typed(String value) {
        if (INTEGER.matcher(value).matches()) {
            return Long.parseLong(value);
        }
        if (DECIMAL.matcher(value).matches()) {
            return Double.parseDouble(value);
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        return value;
    }
}
