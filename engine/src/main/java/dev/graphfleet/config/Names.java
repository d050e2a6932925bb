package dev.graphfleet.config;

import dev.graphfleet.graph.DatabaseNames;
import java.util.regex.Pattern;

/**
 * The one rule for repository and database names: {@code [a-z][a-z0-9_]{0,62}}. Names end up in
 * Cypher ({@code ATTACH ... AS name}, {@code USE name}) and in file paths, so anything else is
 * refused before it gets there: no quoting, no injection, no path traversal.
 */
public final class Names {

    public static final Pattern PATTERN = DatabaseNames.IDENTIFIER;

    /** What a valid name looks like, for error messages. */
    public static final String RULE =
            "1 to 63 characters: a lowercase letter, then lowercase letters, digits or _";

    private Names() {
    }

    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /**
     * Returns {@code name} when valid, else throws an {@link IllegalArgumentException} that says
     * what was wrong. {@code what} names the thing, e.g. "repository" or "database".
     */
    public static String require(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException(what + " name " + quote(name) + " is not valid: use " + RULE);
        }
        return name;
    }

    /** Quotes a name for a message: shortened, control characters escaped, so input cannot forge output. */
    public static String quote(String name) {
        if (name == null) {
            return "(none)";
        }
        String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }
}
