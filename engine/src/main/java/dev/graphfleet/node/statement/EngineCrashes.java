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
 * </ul>
 */
final class EngineCrashes {

    private static final Set<String> CRASHING_FUNCTIONS = Set.of("REGEXP_FULL_MATCH", "REGEXP_REPLACE");

    private EngineCrashes() {
    }

    /** @throws StatementRefusedException (unsafe) naming the construct and what to write instead */
    static void check(List<CypherToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            CypherToken token = tokens.get(i);
            if (token.isSymbol("~")) {
                throw unsafe("the =~ operator", "use regexp_matches(text, '^(?:pattern)$'), which matches the same "
                        + "strings");
            }
            if ((token.kind() == Kind.WORD || token.kind() == Kind.QUOTED_NAME)
                    && CRASHING_FUNCTIONS.contains(CypherToken.asciiUpper(token.text()))
                    && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
                throw unsafe(CypherToken.asciiUpper(token.text()).toLowerCase(java.util.Locale.ROOT) + "(...)",
                        "use regexp_matches or regexp_extract");
            }
        }
    }

    private static StatementRefusedException unsafe(String what, String instead) {
        return new StatementRefusedException(Reason.UNSAFE, what + " is refused: the engine crashes the node on it "
                + "when an argument is not a string; " + instead);
    }
}
