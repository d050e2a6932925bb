package dev.graphfleet.console.viewmodel;

import java.time.Duration;

/** Numbers as the console shows them: always with a unit, short enough to read at a glance. */
public final class Units {

    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};

    private Units() {
    }

    /** {@code 2147483648} → {@code 2.0 GiB}; one decimal from GiB up, none below. */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "−" + bytes(-bytes);
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        return (unit >= 3 ? oneDecimal(value) : Long.toString(Math.round(value))) + " " + BINARY[unit];
    }

    /** {@code 2.04} → {@code 2.0}; without String.format, which is slow enough to matter for 500 rows a second. */
    private static String oneDecimal(double value) {
        long tenths = Math.round(value * 10);
        return tenths / 10 + "." + Math.abs(tenths % 10);
    }

    /** Volume sizes as the node reports them (GB): {@code 431 GB}, {@code 23.2 GB} under 100. */
    public static String gigabytes(double gb) {
        return (gb >= 100 ? Long.toString(Math.round(gb)) : oneDecimal(gb)) + " GB";
    }

    /** A fraction 0..1 as {@code 86 %}. */
    public static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }

    /** {@code 40 s}, {@code 5 min}, {@code 2 h 05 min}, {@code 3 d 4 h}. */
    public static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            long minutes = s % 3600 / 60;
            return s / 3600 + " h " + (minutes < 10 ? "0" : "") + minutes + " min";
        }
        return s / 86_400 + " d " + s % 86_400 / 3600 + " h";
    }

    /** Short waits and refresh times: {@code 120 ms}, {@code 4 s}, {@code 1.5 s}. */
    public static String millis(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : oneDecimal(ms / 1000.0) + " s";
    }

    /** {@code 1 database}, {@code 3 databases}. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
