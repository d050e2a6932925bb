package dev.graphfleet.bench.results;

import java.util.Locale;

/** Figures printed with the digits they deserve, the same way everywhere. */
public final class Format {

    private Format() {
    }

    public static String number(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** "12.3 (11.9–13.0)": a median with its spread. */
    public static String stats(dev.graphfleet.bench.harness.Stats s) {
        if (s.n() == 1) {
            return number(s.median());
        }
        return number(s.median()) + " (" + number(s.min()) + "–" + number(s.max()) + ")";
    }

    public static String ratio(double r) {
        return String.format(Locale.ROOT, "%.3f", r);
    }
}
