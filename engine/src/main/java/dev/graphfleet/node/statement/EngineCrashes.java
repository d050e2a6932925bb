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
 *       parameter whose value is null: the binder dereferences the list's missing type (SIGSEGV in
 *       {@code LogicalTypeUtils::tryGetMaxLogicalType}). Not caught: a variable bound to NULL
 *       ({@code WITH NULL AS l RETURN 1 IN l}), which only types would show.</li>
 * </ul>
 */
final class EngineCrashes {

    private static final Set<String> CRASHING_FUNCTIONS = Set.of("REGEXP_FULL_MATCH", "REGEXP_REPLACE");
    private static final Set<String> LIST_CONTAINS = Set.of("LIST_CONTAINS", "LIST_HAS", "ARRAY_CONTAINS", "ARRAY_HAS");

    private EngineCrashes() {
    }

    /** @throws StatementRefusedException (unsafe) naming the construct and what to write instead */
    static void check(List<CypherToken> tokens, Set<String> nullParameters) {
        for (int i = 0; i < tokens.size(); i++) {
            CypherToken token = tokens.get(i);
            boolean listContains = (token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_NAME)
                    && LIST_CONTAINS.contains(CypherToken.asciiUpper(token.text()))
                    && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(");
            if ((token.isKeyword("IN") || listContains) && nullAt(tokens, listContains ? i + 2 : i + 1, nullParameters)) {
                throw unsafe((listContains ? token.text() + "(NULL, ...)" : "IN NULL")
                        + " (or a parameter that is null in its place)", "send an empty list [] instead of null");
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

    /** NULL, or a parameter whose value is null, at {@code at} after any opening parentheses. */
    private static boolean nullAt(List<CypherToken> tokens, int at, Set<String> nullParameters) {
        while (at < tokens.size() && tokens.get(at).isSymbol("(")) {
            at++;
        }
        if (at >= tokens.size()) {
            return false;
        }
        CypherToken token = tokens.get(at);
        return token.isKeyword("NULL") || (token.kind() == Kind.PARAMETER && nullParameters.contains(token.text()));
    }

    private static StatementRefusedException unsafe(String what, String instead) {
        return new StatementRefusedException(Reason.UNSAFE, what + " is refused: the engine crashes the node on it; "
                + instead);
    }
}
