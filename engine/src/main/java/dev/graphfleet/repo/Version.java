package dev.graphfleet.repo;

import java.util.regex.Pattern;

/**
 * A published version of a repository: {@code v1}, {@code v2}, ... A publish takes the highest
 * number already in the store (complete or not) plus one, so versions only grow and a version's
 * objects are never overwritten by a later publish. Ordered by number, not by text ({@code v10}
 * after {@code v9}).
 */
public record Version(long number) implements Comparable<Version> {

    private static final Pattern VALID = Pattern.compile("v[1-9][0-9]{0,17}");

    public Version {
        if (number < 1) {
            throw new IllegalArgumentException("version number must be at least 1 (found " + number + ")");
        }
    }

    public static final Version FIRST = new Version(1);

    /** Parses {@code v<N>}; the error says the expected form. */
    public static Version parse(String text) {
        if (text == null || !VALID.matcher(text).matches()) {
            throw new IllegalArgumentException("invalid version "
                    + (text == null ? "(none)" : RepositoryName.quoted(text))
                    + ": expected 'v' followed by a positive number, e.g. 'v3'");
        }
        return new Version(Long.parseLong(text.substring(1)));
    }

    public static boolean isValid(String text) {
        return text != null && VALID.matcher(text).matches();
    }

    public Version next() {
        return new Version(number + 1);
    }

    @Override
    public int compareTo(Version other) {
        return Long.compare(number, other.number);
    }

    @Override
    public String toString() {
        return "v" + number;
    }
}
