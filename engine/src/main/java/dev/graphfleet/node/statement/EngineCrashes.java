package dev.graphfleet.node.statement;

import dev.graphfleet.node.statement.CypherToken.Kind;
import dev.graphfleet.node.statement.StatementRefusedException.Reason;
import java.util.List;
import java.util.Set;

/**
 * Constructs that crash Kùzu 0.11.2 (the whole process) whatever the stack, refused before the
 * engine sees them. The guard reads text, not types, so each is refused as written, with the fix.
 * Found by the fuzz campaign and narrowed down on the engine in a child JVM (docs/reliability.md).
 *
 * <ul>
 *   <li>{@code =~} and {@code regexp_full_match(...)}, {@code regexp_replace(...)} with an argument
 *       that is not a STRING, evaluated over rows ({@code MATCH (m:N) RETURN m.id =~ 'a'}): SIGSEGV
 *       in libc. {@code regexp_matches} does not crash.</li>
 *   <li>{@code x IN NULL}, {@code list_contains(NULL, x)} (and its aliases), and the same with a
 *       parameter whose value is null or that is not sent: the binder dereferences the list's missing type (SIGSEGV in
 *       {@code LogicalTypeUtils::tryGetMaxLogicalType}). The same through a name bound to an
 *       untyped NULL ({@code WITH NULL AS l RETURN 1 IN l}): {@code NULL AS name} is refused, the typed
 *       {@code CAST(NULL AS INT64[]) AS name} is not.</li>
 *   <li>{@code range(...)} of a huge count ({@code range(0, 4611686018427387904)},
 *       {@code range(-9223372036854775808, 8, -32)}): SIGABRT. Its arguments must be integer
 *       literals, so the guard can count the list, and the count at most {@link #MAX_RANGE}.</li>
 * </ul>
 */
final class EngineCrashes {

    private static final Set<String> CRASHING_FUNCTIONS = Set.of("REGEXP_FULL_MATCH", "REGEXP_REPLACE");
    private static final Set<String> LIST_CONTAINS = Set.of("LIST_CONTAINS", "LIST_HAS", "ARRAY_CONTAINS", "ARRAY_HAS");

    /** The most items a range may have: far below what aborts the engine. */
    static final long MAX_RANGE = 10_000_000;

    private EngineCrashes() {
    }

    /** @throws StatementRefusedException (unsafe) naming the construct and what to write instead */
    static void check(List<CypherToken> tokens, java.util.Map<String, ?> parameters) {
        for (int i = 0; i < tokens.size(); i++) {
            CypherToken token = tokens.get(i);
            boolean listContains = (token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_NAME)
                    && LIST_CONTAINS.contains(CypherToken.asciiUpper(token.text()))
                    && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if ((token.isKeyword("IN") || listContains) && nullAt(tokens, listContains ? i + 2 : i + 1, parameters)) {
                throw unsafe((listContains ? token.text() + "(NULL, ...)" : "IN NULL")
                        + " (or a parameter that is null or not sent in its place)", "send the parameter, an empty list [] "
                        + "rather than null");
            }
            if (untypedNullBound(tokens, i, parameters)) {
                throw unsafe("NULL AS name (a name bound to an untyped NULL, or to a parameter that is null or not "
                        + "sent)", "the engine crashes when such a name reaches IN or list_contains; bind a typed "
                        + "value instead, e.g. CAST(NULL AS INT64[]) AS name");
            }
            if (token.kind() == Kind.WORD && token.isKeyword("RANGE") && i + 1 < tokens.size()
                    && tokens.get(i + 1).isSymbol("(") && !(i > 0 && tokens.get(i - 1).isSymbol("."))) {
                checkRange(tokens, i + 2);
            }
            if (token.isSymbol("~")) {
                throw unsafe("the =~ operator", "the engine fails on it when an argument is not a string: use "
                        + "regexp_matches(text, '^(?:pattern)$'), which matches the same strings");
            }
            if ((token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_NAME)
                    && CRASHING_FUNCTIONS.contains(CypherToken.asciiUpper(token.text()))
                    && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
                throw unsafe(CypherToken.asciiUpper(token.text()).toLowerCase(java.util.Locale.ROOT) + "(...)",
                        "the engine fails on it when an argument is not a string: use regexp_matches or regexp_extract");
            }
        }
    }

    /** range(start, stop[, step]) with integer literals only, of at most MAX_RANGE items. */
    private static void checkRange(List<CypherToken> tokens, int at) {
        java.util.List<java.math.BigInteger> arguments = new java.util.ArrayList<>();
        while (at < tokens.size()) {
            boolean negative = tokens.get(at).isSymbol("-");
            int number = negative ? at + 1 : at;
            if (number >= tokens.size() || tokens.get(number).kind() != Kind.NUMBER
                    || !tokens.get(number).text().chars().allMatch(Character::isDigit)) {
                throw unsafe("range(...) with an argument that is not an integer literal", "the engine aborts on a "
                        + "range of a huge count, so the node counts it first: write the bounds as integers, e.g. "
                        + "range(1, 1000), at most " + MAX_RANGE + " items");
            }
            java.math.BigInteger value = new java.math.BigInteger(tokens.get(number).text());
            arguments.add(negative ? value.negate() : value);
            at = number + 1;
            if (at < tokens.size() && tokens.get(at).isSymbol(",")) {
                at++;
            } else {
                break;
            }
        }
        if (arguments.size() < 2 || arguments.size() > 3 || at >= tokens.size() || !tokens.get(at).isSymbol(")")) {
            throw unsafe("range(...) not of the form range(start, stop[, step])", "write the bounds as integers");
        }
        java.math.BigInteger step = arguments.size() == 3 ? arguments.get(2) : java.math.BigInteger.ONE;
        if (step.signum() == 0) {
            return; // the engine refuses a zero step itself
        }
        // The engine computes stop - start in 64 bits: an overflow there aborts it even for an empty range.
        java.math.BigInteger span = arguments.get(1).subtract(arguments.get(0));
        java.math.BigInteger count = span.divide(step).add(java.math.BigInteger.ONE);
        if (span.bitLength() > 62 || count.abs().compareTo(java.math.BigInteger.valueOf(MAX_RANGE)) > 0) {
            throw unsafe("range(...) of " + count + " items", "the engine aborts on a range of a huge count; at most "
                    + MAX_RANGE + " items are allowed");
        }
    }

    /**
     * {@code NULL AS name} (also {@code (NULL) AS name}, or a null parameter in its place), but not the
     * typed {@code CAST(NULL AS type)}: the name is of type ANY, which {@code IN} and {@code list_contains}
     * crash on ({@code WITH NULL AS l RETURN 1 IN l}).
     */
    private static boolean untypedNullBound(List<CypherToken> tokens, int at, java.util.Map<String, ?> parameters) {
        CypherToken token = tokens.get(at);
        boolean isNull = token.isKeyword("NULL") || (token.kind() == Kind.PARAMETER && parameters.get(token.text()) == null);
        if (!isNull) {
            return false;
        }
        int opened = 0;
        while (at - opened - 1 >= 0 && tokens.get(at - opened - 1).isSymbol("(")) {
            opened++;
        }
        int closed = 0;
        while (at + closed + 1 < tokens.size() && tokens.get(at + closed + 1).isSymbol(")")) {
            closed++;
        }
        int as = at + closed + 1;
        if (as >= tokens.size() || !tokens.get(as).isKeyword("AS")) {
            return false;
        }
        CypherToken before = at - opened - 1 >= 0 ? tokens.get(at - opened - 1) : null;
        if (opened == 0 && before != null && (before.isKeyword("IS") || before.isKeyword("NOT"))) {
            return false; // x IS [NOT] NULL AS name: a boolean
        }
        boolean insideCast = opened > closed && before != null && before.isKeyword("CAST");
        return !insideCast;
    }

    /** NULL, or a parameter that is null or not sent (the engine types both as ANY), at {@code at}. */
    private static boolean nullAt(List<CypherToken> tokens, int at, java.util.Map<String, ?> parameters) {
        while (at < tokens.size() && tokens.get(at).isSymbol("(")) {
            at++;
        }
        if (at >= tokens.size()) {
            return false;
        }
        CypherToken token = tokens.get(at);
        return token.isKeyword("NULL") || (token.kind() == Kind.PARAMETER && parameters.get(token.text()) == null);
    }

    private static StatementRefusedException unsafe(String what, String instead) {
        return new StatementRefusedException(Reason.UNSAFE, what + " is refused: the engine crashes the node on it; "
                + instead);
    }
}
