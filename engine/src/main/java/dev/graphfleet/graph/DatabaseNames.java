package dev.graphfleet.graph;

import java.util.regex.Pattern;

/**
 * Database and repository names are identifiers, checked before a name touches the file system
 * or a query: no path traversal, no Cypher injection, no look-alike characters.
 */
public final class DatabaseNames {

    /** The one rule, shared by the pool, the config validator and the repository store. */
    public static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private DatabaseNames() {
    }

    public static boolean isValid(String name) {
        return name != null && IDENTIFIER.matcher(name).matches();
    }

    /** Returns the name, or throws naming the rule the caller broke. */
    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("invalid database name " + printable(name)
                    + ": use 1-63 characters: a lowercase letter, then lowercase letters, digits or '_'");
        }
        return name;
    }

    /** Quotes a rejected name for a message without echoing control characters or huge input. */
    static String printable(String name) {
        if (name == null) {
            return "(none)";
        }
        String shown = name.length() > 70 ? name.substring(0, 70) + "..." : name;
        StringBuilder out = new StringBuilder("'");
        shown.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp > 0x7e) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append("'").toString();
    }
}
