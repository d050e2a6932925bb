package dev.graphfleet.node.statement;

import dev.graphfleet.node.statement.CypherToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Cypher text into tokens exactly as the engine's lexer does (its grammar: {@code Cypher.g4}
 * of Kùzu 0.11): the engine's whitespace (which is not Java's), its two comment forms, string
 * literals with its escapes, backticked names, identifiers made of Unicode ID_Start/ID_Continue
 * characters, ASCII numbers, {@code $parameters} and the symbols its grammar uses (with its Unicode
 * dashes and arrow heads read as {@code -}, {@code <} and {@code >}).
 *
 * <p>It fails closed: a character the engine's lexer would read differently, or that no rule of the
 * grammar uses, is refused naming it as {@code U+XXXX}, so the guard never reasons about text the
 * engine reads otherwise.
 */
public final class CypherTokenizer {

    /** Every character the engine's lexer skips as whitespace (its WHITESPACE rule), and no other. */
    private static final String ENGINE_WHITESPACE = " \t\n\u000B\f\r\u001C\u001D\u001E\u001F\u1680\u180E"
            + "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u205F\u3000\u00A0\u202F";
    private static final String ENGINE_DASHES = "\u00AD\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D";
    private static final String ENGINE_LEFT_ARROW_HEADS = "\u27E8\u3008\uFE64\uFF1C";
    private static final String ENGINE_RIGHT_ARROW_HEADS = "\u27E9\u3009\uFE65\uFF1E";
    /** The ASCII symbols the grammar uses; others ({@code # ? @ \}) are refused. */
    private static final String SYMBOLS = "()[]{},.:;=<>+-*/%^|&!~$";
    /** The characters the engine accepts after a backslash in a string. */
    private static final String ESCAPES = "\\'\"bBfFnNrRtT";

    private final String text;
    private int at;

    private CypherTokenizer(String text) {
        this.text = text;
    }

    /**
     * @throws StatementRefusedException for an unterminated string, name or comment (malformed), or a
     *                                   character the engine's lexer does not read as the guard would
     */
    public static List<CypherToken> tokenize(String cypher) {
        return new CypherTokenizer(cypher).run();
    }

    /** True for a character the engine's lexer skips between tokens. */
    public static boolean isEngineWhitespace(char c) {
        return ENGINE_WHITESPACE.indexOf(c) >= 0;
    }

    /** The characters the engine's lexer treats as whitespace, for tests. */
    public static String engineWhitespace() {
        return ENGINE_WHITESPACE;
    }

    private List<CypherToken> run() {
        List<CypherToken> tokens = new ArrayList<>();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (isEngineWhitespace(c)) {
                at++;
            } else if (c == '/' && peek(1) == '/') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '\'' || c == '"') {
                tokens.add(new CypherToken(Kind.STRING, quoted(c)));
            } else if (c == '`') {
                tokens.add(new CypherToken(Kind.QUOTED_NAME, backticked()));
            } else if (c == '$' && startsName(at + 1)) {
                at++;
                tokens.add(new CypherToken(Kind.PARAMETER, text.charAt(at) == '`' ? backticked() : word()));
            } else if (c == '$' && isAsciiDigit(peek(1))) {
                at++;
                tokens.add(new CypherToken(Kind.PARAMETER, digits()));
            } else if (isAsciiDigit(c) || (c == '.' && isAsciiDigit(peek(1)))) {
                tokens.add(new CypherToken(Kind.NUMBER, number()));
            } else if (startsWord(at)) {
                tokens.add(new CypherToken(Kind.WORD, word()));
            } else {
                tokens.add(new CypherToken(Kind.SYMBOL, symbol(c)));
            }
        }
        return tokens;
    }

    private char peek(int ahead) {
        return at + ahead < text.length() ? text.charAt(at + ahead) : '\0';
    }

    /** {@code // ...} to a line feed (a carriage return alone does not end it for the engine). */
    private void skipLineComment() {
        while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
            at++;
        }
        if (at < text.length() && text.charAt(at) == '\r' && peek(1) != '\n') {
            throw unrecognised("a // comment ended by a carriage return without a line feed");
        }
    }

    /**
     * {@code /* ... *}{@code /} as the engine's lexer reads it: a {@code *} takes the character after
     * it along unless that is the {@code /}, so {@code **}{@code /} does not end the comment when the
     * first star pairs with the second.
     */
    private void skipBlockComment() {
        int i = at + 2;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '*') {
                i++;
            } else if (i + 1 < text.length() && text.charAt(i + 1) == '/') {
                at = i + 2;
                return;
            } else {
                i += 2;
            }
        }
        throw StatementRefusedException.malformed("a /* comment is not closed with */");
    }

    private String quoted(char quote) {
        StringBuilder content = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\\') {
                at++;
                content.append(escape());
            } else if (c == quote) {
                at++;
                return content.toString();
            } else {
                content.append(c);
                at++;
            }
        }
        throw StatementRefusedException.malformed("a string opened with " + quote + " is not closed");
    }

    /** The escape after a backslash, only the ones the engine's lexer knows. */
    private String escape() {
        char c = peek(0);
        if (ESCAPES.indexOf(c) >= 0 && c != '\0') {
            at++;
            return String.valueOf(c);
        }
        int available = countHex(at + 1);
        int hex = (c == 'u' || c == 'U') && available >= 4 ? available : 0;
        if (hex > 0) {
            String digits = text.substring(at - 1, at + 1 + hex);
            at += 1 + hex;
            return digits;
        }
        throw StatementRefusedException.malformed("a string holds the escape \\" + (c == '\0' ? "" : describe(c))
                + " that the engine does not read: use \\\\, \\', \\\", \\b, \\f, \\n, \\r, \\t or \\u and 4 hex digits");
    }

    /** 8 or 4 hex digits from {@code from} (the longest first, as the engine takes them), else 0. */
    private int countHex(int from) {
        int count = 0;
        while (count < 8 && from + count < text.length() && Character.digit(text.charAt(from + count), 16) >= 0
                && text.charAt(from + count) < 128) {
            count++;
        }
        return count >= 8 ? 8 : count >= 4 ? 4 : 0;
    }

    private String backticked() {
        StringBuilder name = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '`' && peek(1) == '`') {
                name.append('`');
                at += 2;
            } else if (c == '`') {
                at++;
                if (name.isEmpty()) {
                    throw StatementRefusedException.malformed("an empty name `` is not allowed");
                }
                return name.toString();
            } else {
                name.append(c);
                at++;
            }
        }
        throw StatementRefusedException.malformed("a name opened with ` is not closed");
    }

    private boolean startsName(int index) {
        return index < text.length() && (text.charAt(index) == '`' || startsWord(index));
    }

    /** An identifier starts with an ID_Start or connector punctuation character, as in the engine. */
    private boolean startsWord(int index) {
        if (index >= text.length()) {
            return false;
        }
        int c = text.codePointAt(index);
        if (c < 128) {
            return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return Character.isBmpCodePoint(c) && !Character.isIdentifierIgnorable(c)
                && (Character.isUnicodeIdentifierStart(c) || Character.getType(c) == Character.CONNECTOR_PUNCTUATION);
    }

    /** An identifier continues with ID_Continue or currency symbols, as in the engine. */
    private boolean continuesWord(int index) {
        int c = text.charAt(index);
        if (c < 128) {
            return c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        }
        if (Character.isSurrogate((char) c) || Character.isIdentifierIgnorable(c)) {
            return false;
        }
        return Character.isUnicodeIdentifierPart(c) || Character.getType(c) == Character.CURRENCY_SYMBOL;
    }

    private String word() {
        int start = at;
        at++;
        while (at < text.length() && continuesWord(at)) {
            at++;
        }
        return text.substring(start, at);
    }

    private String digits() {
        int start = at;
        while (at < text.length() && isAsciiDigit(text.charAt(at))) {
            at++;
        }
        return text.substring(start, at);
    }

    /** {@code 12}, {@code 1.5}, {@code .5}, {@code 1e-3}: the engine's integer and decimal literals. */
    private String number() {
        int start = at;
        digits();
        if (peek(0) == '.' && isAsciiDigit(peek(1))) {
            at++;
            digits();
        }
        if ((peek(0) == 'e' || peek(0) == 'E')
                && (isAsciiDigit(peek(1)) || (peek(1) == '-' && isAsciiDigit(peek(2))))) {
            at += peek(1) == '-' ? 2 : 1;
            digits();
        }
        return text.substring(start, at);
    }

    private String symbol(char c) {
        at++;
        if (c < 128 && SYMBOLS.indexOf(c) >= 0) {
            return String.valueOf(c);
        }
        if (ENGINE_DASHES.indexOf(c) >= 0) {
            return "-";
        }
        if (ENGINE_LEFT_ARROW_HEADS.indexOf(c) >= 0) {
            return "<";
        }
        if (ENGINE_RIGHT_ARROW_HEADS.indexOf(c) >= 0) {
            return ">";
        }
        at--;
        throw unrecognised("the character " + describe(c) + " at position " + at);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code U+00A0}, with the character itself only when it is printable ASCII. */
    static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        return c > 32 && c < 127 ? code + " ('" + c + "')" : code;
    }

    private static StatementRefusedException unrecognised(String what) {
        return new StatementRefusedException(StatementRefusedException.Reason.UNRECOGNISED,
                "the query contains " + what + ", which the node does not recognise; only the characters, comments "
                        + "and escapes of the engine's Cypher grammar are accepted outside strings");
    }
}
