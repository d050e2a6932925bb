package dev.graphfleet.repo;

import java.util.Locale;

/** Byte counts for people: {@code 1.5 GiB (1610612736 bytes)}. */
public final class Bytes {

    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB"};

    private Bytes() {
    }

    /** A short form such as {@code 812.3 MiB}; exact below 1 KiB. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** The short form with the exact count, for error messages. */
    public static String show(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : human(bytes) + " (" + bytes + " bytes)";
    }
}
