package dev.graphfleet.config;

import java.util.ArrayList;
import java.util.List;

/** The problems found so far, with the small range checks every rule needs. */
final class Findings {

    private final List<Problem> problems = new ArrayList<>();

    void error(String path, String message, String fix) {
        problems.add(Problem.error(path, message, fix));
    }

    void warning(String path, String message, String fix) {
        problems.add(Problem.warning(path, message, fix));
    }

    /** An error unless {@code value ≥ min}. */
    void atLeast(String path, Number value, long min, String unit) {
        if (value.doubleValue() < min) {
            error(path, "is " + value + unit + "; it must be at least " + min + unit,
                    "set " + path + " to " + min + unit + " or more");
        }
    }

    /** An error unless {@code min ≤ value ≤ max}. */
    void between(String path, Number value, double min, double max, String unit) {
        double v = value.doubleValue();
        if (v < min || v > max) {
            error(path, "is " + value + unit + "; it must be between " + plain(min) + " and " + plain(max) + unit,
                    "set " + path + " to a value from " + plain(min) + " to " + plain(max) + unit);
        }
    }

    /** An error unless {@code 0 < value < 1}: a fraction of a volume. */
    void fraction(String path, double value) {
        if (value <= 0 || value >= 1) {
            error(path, "is " + value + "; it must be a fraction between 0 and 1 (0.8 means 80 %)",
                    "set " + path + " to a value such as 0.8");
        }
    }

    List<Problem> problems() {
        return List.copyOf(problems);
    }

    static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
