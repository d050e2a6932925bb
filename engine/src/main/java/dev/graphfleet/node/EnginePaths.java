package dev.graphfleet.node;

import java.util.regex.Pattern;

/**
 * Takes absolute file paths out of the engine's own error texts before they reach an answer: an I/O
 * failure names the database file and its directory, which tell a client how the server is laid out.
 * The node log keeps the full text.
 */
final class EnginePaths {

    /** A quoted absolute path, which may hold spaces. */
    private static final Pattern QUOTED_PATH = Pattern.compile("(['\"`])/[^'\"`\\n]*\\1");
    /** An absolute path: a slash at the start of a word, then path characters up to a space or quote. */
    private static final Pattern ABSOLUTE_PATH = Pattern.compile("(?<![\\w.\\-/~])/[^\\s'\"`,;()\\[\\]]+");
    static final String REDACTED = "<path>";

    private EnginePaths() {
    }

    static String scrub(String engineText) {
        if (engineText == null) {
            return null;
        }
        String unquoted = QUOTED_PATH.matcher(engineText).replaceAll("$1" + REDACTED + "$1");
        return ABSOLUTE_PATH.matcher(unquoted).replaceAll(REDACTED);
    }
}
