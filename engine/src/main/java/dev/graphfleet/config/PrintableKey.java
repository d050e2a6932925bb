package dev.graphfleet.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key read from a config file, as it may be printed. A file that is not a config at all (validating
 * /etc/shadow) has "keys" such as {@code root:$6$salt$hash:19000:0:99999:7::}: a key that does not
 * look like one is cut to its leading word, so nothing after it reaches the terminal or a log.
 */
final class PrintableKey {

    static final int MAX_LENGTH = 40;
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_\\-]{1," + MAX_LENGTH + "}");
    private static final Pattern LEADING_WORD = Pattern.compile("^[A-Za-z0-9_\\-]{1," + MAX_LENGTH + "}");

    private PrintableKey() {
    }

    static String of(String key) {
        if (key == null || key.isEmpty()) {
            return "(empty key)";
        }
        if (KEY.matcher(key).matches()) {
            return key;
        }
        Matcher word = LEADING_WORD.matcher(key);
        return word.find() ? word.group() + "…" : "(a key of " + key.codePointCount(0, key.length()) + " characters)";
    }
}
