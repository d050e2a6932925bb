package dev.graphfleet.console.viewmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The filter language of every list ({@code /} in the console). Terms are separated by spaces and
 * all must match (case-insensitive):
 * <ul>
 *   <li>{@code text}: some column contains it; {@code "two words"} for a phrase;
 *   <li>{@code /regex/}: some column matches the Java regular expression;
 *   <li>{@code tag:value}: that column contains the value, e.g. {@code role:replica}, {@code health:down}
 *       ({@code down} means unreachable or unhealthy, {@code up} healthy); {@code tag:/regex/} too;
 *   <li>{@code !term}: the term must not match, e.g. {@code !health:healthy}.
 * </ul>
 * A term that cannot be read (a bad regex, an unknown tag) is left out and named in {@link #error()}.
 */
public final class RowQuery {

    private static final RowQuery EVERYTHING = new RowQuery(List.of(), "");

    private final List<Predicate<Map<String, String>>> terms;
    private final String error;

    private RowQuery(List<Predicate<Map<String, String>>> terms, String error) {
        this.terms = terms;
        this.error = error;
    }

    public static RowQuery everything() {
        return EVERYTHING;
    }

    /**
     * @param text the query as typed
     * @param tags the tag names the list knows (its columns: role, health, …)
     */
    public static RowQuery parse(String text, Set<String> tags) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Predicate<Map<String, String>>> terms = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String token : tokens(text.trim())) {
            boolean negate = token.startsWith("!") && token.length() > 1;
            String body = negate ? token.substring(1) : token;
            Predicate<Map<String, String>> term;
            try {
                term = term(body, tags);
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
                continue;
            }
            terms.add(negate ? term.negate() : term);
        }
        return new RowQuery(List.copyOf(terms), String.join("; ", errors));
    }

    private static Predicate<Map<String, String>> term(String body, Set<String> tags) {
        int colon = body.indexOf(':');
        if (!body.startsWith("/") && !body.startsWith("\"") && colon > 0) {
            String tag = body.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = body.substring(colon + 1);
            if (!tags.contains(tag)) {
                throw new IllegalArgumentException("unknown tag '" + tag + ":' (the tags here are "
                        + String.join(", ", tags.stream().sorted().toList()) + ")");
            }
            Predicate<String> test = value(tag, value);
            return row -> test.test(row.get(tag));
        }
        Predicate<String> test = value(null, body);
        return row -> row.values().stream().anyMatch(test);
    }

    private static Predicate<String> value(String tag, String value) {
        if (value.length() >= 2 && value.startsWith("/") && value.endsWith("/")) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(value.substring(1, value.length() - 1), Pattern.CASE_INSENSITIVE);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("bad regex " + value + ": " + e.getDescription());
            }
            return s -> s != null && pattern.matcher(s).find();
        }
        String needle = unquote(value).toLowerCase(Locale.ROOT);
        if ("health".equals(tag) && needle.equals("down")) {
            return s -> s != null && (s.equalsIgnoreCase("unreachable") || s.equalsIgnoreCase("unhealthy"));
        }
        if ("health".equals(tag) && needle.equals("up")) {
            return s -> s != null && s.equalsIgnoreCase("healthy");
        }
        return s -> s != null && s.toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Splits on spaces, keeping {@code /a b/} and {@code "a b"} (also after {@code tag:} or {@code !}) whole. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char open = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (open != 0) {
                current.append(c);
                if (c == open) {
                    open = 0;
                }
            } else if (Character.isWhitespace(c)) {
                if (current.length() > 0) {
                    out.add(current.toString());
                    current.setLength(0);
                }
            } else {
                String sofar = current.toString();
                if ((c == '/' || c == '"') && (sofar.isEmpty() || sofar.equals("!") || sofar.endsWith(":"))) {
                    open = c;
                }
                current.append(c);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    /** True when every term matches the row (column name → shown text). */
    public boolean matches(Map<String, String> row) {
        for (Predicate<Map<String, String>> term : terms) {
            if (!term.test(row)) {
                return false;
            }
        }
        return true;
    }

    /** What could not be read, or empty. */
    public String error() {
        return error;
    }
}
