package dev.graphfleet.node.statement;

import java.util.Locale;

/**
 * One token of a Cypher text. Words are bare identifiers and keywords; a backticked name is a
 * {@link Kind#QUOTED_NAME}, never a keyword, and string literals keep their quotes' meaning.
 *
 * @param kind the token's kind
 * @param text the token as written (for a word; the content for strings and quoted names)
 */
public record CypherToken(Kind kind, String text) {

    public enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, PARAMETER, SYMBOL }

    /** True for a bare word equal to {@code keyword} in ASCII case only, as the engine's lexer reads it. */
    public boolean isKeyword(String keyword) {
        return kind == Kind.WORD && asciiUpper(text).equals(keyword);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** The word in upper case, ASCII letters only: a look-alike such as the dotted capital I stays itself. */
    static String asciiUpper(String word) {
        StringBuilder upper = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return upper.toString();
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + text;
    }
}
