package dev.graphfleet.node;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Bounds what the engine builds in one uninterruptible step outside its buffer pools, before it sees
 * the query: the lists of {@code range()} and the strings of {@code lpad()}/{@code rpad()}.
 *
 * <p>range(): The engine builds the
 * whole list in one step that neither an interrupt nor the query timeout stops: measured on Kùzu
 * 0.11.2, {@code UNWIND range(1, 4000000) ...} with literal bounds (folded into a constant while the
 * query is planned) took 2 GB and 12 s and finished although interrupted after 1 s; with bounds from a
 * row it takes ~13 bytes per element, still in one uninterruptible call. So a call is allowed only
 * when its size is known here: every argument an integer literal or an integer parameter, and all
 * range() calls of the statement together at most {@code maxElements} elements. Anything else is
 * refused (fail closed).
 *
 * <p>lpad()/rpad(): ~6 bytes per character of the result outside the buffer pool (measured:
 * {@code rpad('a', 100000000, 'b')} peaked at 634 MiB and could not be stopped). With a row's value as
 * the string it runs once per row, up to 2,048 rows in one step, so the length must be an integer
 * literal or parameter of at most {@code headroom / (2048 × 16 bytes)}.
 */
final class RangeLimit {

    /** Twice the ~530 bytes per element measured for a constant-folded range(). */
    static final long BYTES_PER_ELEMENT = 1024;
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern PARAMETER = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");

    /** Rows the engine evaluates a function over in one step, times ~2.5 × the 6 bytes per character measured. */
    static final long BYTES_PER_PAD_CHARACTER = 2048 * 16;

    private final long maxElements;
    private final long maxPadLength;

    RangeLimit(long maxElements) {
        this(maxElements, Math.max(1, maxElements * BYTES_PER_ELEMENT / BYTES_PER_PAD_CHARACTER));
    }

    RangeLimit(long maxElements, long maxPadLength) {
        if (maxElements < 1 || maxPadLength < 1) {
            throw new IllegalArgumentException("the range() and pad limits must be positive, got " + maxElements
                    + " and " + maxPadLength);
        }
        this.maxElements = maxElements;
        this.maxPadLength = maxPadLength;
    }

    /** The limits that keep one statement's one-step allocations within the process's query headroom. */
    static RangeLimit forHeadroom(long queryHeadroomBytes) {
        return new RangeLimit(Math.max(1, queryHeadroomBytes / BYTES_PER_ELEMENT),
                Math.max(1, queryHeadroomBytes / BYTES_PER_PAD_CHARACTER));
    }

    long maxPadLength() {
        return maxPadLength;
    }

    long maxElements() {
        return maxElements;
    }

    /**
     * Checks a statement and estimates what its range() and pad calls will build at once.
     *
     * @return the estimated bytes (range elements × {@value #BYTES_PER_ELEMENT} + pad lengths ×
     *         {@link #BYTES_PER_PAD_CHARACTER}); zero when it has none
     * @throws ApiException 400 {@code range_too_large} / {@code pad_too_large} for a call too large or of unknown size
     */
    long check(String cypher, Map<String, ?> parameters) {
        BigInteger[] total = {BigInteger.ZERO};
        long[] padBytes = {0};
        int i = 0;
        int n = cypher.length();
        while (i < n) {
            char c = cypher.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(cypher, i);
            } else if (c == '/' && i + 1 < n && (cypher.charAt(i + 1) == '*' || cypher.charAt(i + 1) == '/')) {
                i = skipComment(cypher, i);
            } else if (c == '`') {
                int end = cypher.indexOf('`', i + 1);
                end = end < 0 ? n : end;
                String name = cypher.substring(i + 1, end);
                i = checkCall(cypher, name, end + 1, parameters, total, padBytes);
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(cypher.charAt(end)) || cypher.charAt(end) == '_')) {
                    end++;
                }
                i = checkCall(cypher, cypher.substring(i, end), end, parameters, total, padBytes);
            } else {
                i++;
            }
        }
        return total[0].longValueExact() * BYTES_PER_ELEMENT + padBytes[0];
    }

    /** If {@code name} is range and a '(' follows, checks its arguments; returns where to go on. */
    private int checkCall(String cypher, String name, int after, Map<String, ?> parameters, BigInteger[] total,
                          long[] padBytes) {
        String function = name.toLowerCase(Locale.ROOT);
        if (function.equals("lpad") || function.equals("rpad")) {
            return checkPad(cypher, function, after, parameters, padBytes);
        }
        if (!function.equals("range")) {
            return after;
        }
        int open = skipBlank(cypher, after);
        if (open >= cypher.length() || cypher.charAt(open) != '(') {
            return after;
        }
        List<String> arguments = new ArrayList<>();
        int close = splitArguments(cypher, open + 1, arguments);
        if (close < 0) {
            throw refused("range() without a closing parenthesis");
        }
        List<BigInteger> values = new ArrayList<>();
        for (String argument : arguments) {
            values.add(value(argument, parameters));
        }
        if (values.size() < 2 || values.size() > 3) {
            throw refused("range() takes a start, an end and an optional step; got " + values.size() + " argument(s)");
        }
        BigInteger step = values.size() == 3 ? values.get(2) : BigInteger.ONE;
        if (step.signum() == 0) {
            throw refused("range() with a step of 0");
        }
        BigInteger span = values.get(1).subtract(values.get(0));
        BigInteger elements = span.signum() != 0 && span.signum() != step.signum() ? BigInteger.ZERO
                : span.divide(step).add(BigInteger.ONE);
        total[0] = total[0].add(elements);
        if (total[0].compareTo(BigInteger.valueOf(maxElements)) > 0) {
            throw new ApiException(400, "range_too_large", "range(" + String.join(", ", arguments).strip()
                    + ") would bring the statement's range() lists to " + String.format(Locale.ROOT, "%,d", total[0])
                    + " elements; at most "
                    + String.format(Locale.ROOT, "%,d", maxElements) + " are allowed (node.memory.query_headroom_mb / "
                    + BYTES_PER_ELEMENT + " bytes per element): the engine builds the whole list at once and cannot "
                    + "stop while it does. Use a smaller range, or raise node.memory.query_headroom_mb");
        }
        return close + 1;
    }

    private int checkPad(String cypher, String function, int after, Map<String, ?> parameters, long[] padBytes) {
        int open = skipBlank(cypher, after);
        if (open >= cypher.length() || cypher.charAt(open) != '(') {
            return after;
        }
        List<String> arguments = new ArrayList<>();
        int close = splitArguments(cypher, open + 1, arguments);
        String length = close < 0 || arguments.size() != 3 ? "" : stripComments(arguments.get(1)).strip();
        BigInteger value = null;
        if (INTEGER.matcher(length).matches()) {
            value = new BigInteger(length.startsWith("+") ? length.substring(1) : length);
        } else if (PARAMETER.matcher(length).matches() && parameters != null
                && (parameters.get(length.substring(1)) instanceof Integer || parameters.get(length.substring(1)) instanceof Long)) {
            value = BigInteger.valueOf(((Number) parameters.get(length.substring(1))).longValue());
        }
        if (value == null || value.compareTo(BigInteger.valueOf(maxPadLength)) > 0) {
            throw new ApiException(400, "pad_too_large", function + "() is allowed only with an integer literal or "
                    + "integer parameter of at most " + String.format(Locale.ROOT, "%,d", maxPadLength) + " as its length"
                    + (value == null ? "" : ", not " + String.format(Locale.ROOT, "%,d", value)) + ": the engine builds "
                    + "the padded strings of up to 2,048 rows at once and cannot stop while it does "
                    + "(node.memory.query_headroom_mb sets the limit)");
        }
        padBytes[0] += Math.max(0, value.longValue()) * BYTES_PER_PAD_CHARACTER;
        return close + 1;
    }

    private BigInteger value(String argument, Map<String, ?> parameters) {
        String text = stripComments(argument).strip();
        if (INTEGER.matcher(text).matches()) {
            return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        }
        if (PARAMETER.matcher(text).matches()) {
            Object value = parameters == null ? null : parameters.get(text.substring(1));
            if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
                return BigInteger.valueOf(((Number) value).longValue());
            }
            if (value instanceof BigInteger big) {
                return big;
            }
        }
        throw refused("range() with the argument '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
                + "'");
    }

    private ApiException refused(String what) {
        return new ApiException(400, "range_too_large", what + " is not allowed: the node accepts range() only with "
                + "integer literals or integer parameters as its arguments and at most "
                + String.format(Locale.ROOT, "%,d", maxElements) + " elements, because the engine builds the whole "
                + "list at once and cannot stop while it does (node.memory.query_headroom_mb sets the limit)");
    }

    /** Splits top-level arguments from {@code from} to the matching ')'; returns its index, or -1. */
    private static int splitArguments(String cypher, int from, List<String> arguments) {
        int depth = 0;
        int start = from;
        int i = from;
        while (i < cypher.length()) {
            char c = cypher.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(cypher, i);
                continue;
            }
            if (c == '/' && i + 1 < cypher.length() && (cypher.charAt(i + 1) == '*' || cypher.charAt(i + 1) == '/')) {
                i = skipComment(cypher, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    arguments.add(cypher.substring(start, i));
                    return i;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(cypher.substring(start, i));
                start = i + 1;
            }
            i++;
        }
        return -1;
    }

    /** Skips what the engine may treat as blank: whitespace, control and format characters, comments. */
    private static int skipBlank(String cypher, int from) {
        int i = from;
        while (i < cypher.length()) {
            char c = cypher.charAt(i);
            if (c == '/' && i + 1 < cypher.length() && (cypher.charAt(i + 1) == '*' || cypher.charAt(i + 1) == '/')) {
                i = skipComment(cypher, i);
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT) {
                i++;
            } else {
                return i;
            }
        }
        return i;
    }

    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '*' || text.charAt(i + 1) == '/')) {
                i = skipComment(text, i);
                out.append(' ');
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int skipString(String cypher, int from) {
        char quote = cypher.charAt(from);
        int i = from + 1;
        while (i < cypher.length()) {
            char c = cypher.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return cypher.length();
    }

    private static int skipComment(String cypher, int from) {
        if (cypher.charAt(from + 1) == '/') {
            int end = cypher.indexOf('\n', from);
            return end < 0 ? cypher.length() : end + 1;
        }
        int end = cypher.indexOf("*/", from + 2);
        return end < 0 ? cypher.length() : end + 2;
    }
}
