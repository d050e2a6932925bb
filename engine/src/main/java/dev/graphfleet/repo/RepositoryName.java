package dev.graphfleet.repo;

import dev.graphfleet.graph.DatabaseNames;
import java.util.regex.Pattern;

/**
 * The name of a shared repository ({@code sec}, {@code industry}): an identifier that is safe in
 * a path, an object key and a Cypher statement. Built only through {@link #of}, so holding one
 * means it was checked before any file or network access.
 */
public record RepositoryName(String value) implements Comparable<RepositoryName> {

    private static final Pattern VALID = DatabaseNames.IDENTIFIER;

    public RepositoryName {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(problem(value));
        }
    }

    /** Checks and wraps a repository name; the error names the rule and the offending value. */
    public static RepositoryName of(String value) {
        return new RepositoryName(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    private static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "repository name is empty; use a lowercase identifier such as 'sec' ([a-z][a-z0-9_]{0,62})";
        }
        return "invalid repository name " + quoted(value) + ": use 1 to 63 characters, a lowercase ASCII"
                + " letter first, then lowercase letters, digits or '_' (e.g. 'sec', 'industry_2024')";
    }

    /** Quotes a rejected value with anything outside printable ASCII escaped, so look-alikes show. */
    static String quoted(String value) {
        StringBuilder out = new StringBuilder("'");
        int shown = 0;
        for (int i = 0; i < value.length() && shown < 80; i++, shown++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (value.length() > 80) {
            out.append("...");
        }
        return out.append('\'').toString();
    }

    @Override
    public int compareTo(RepositoryName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
