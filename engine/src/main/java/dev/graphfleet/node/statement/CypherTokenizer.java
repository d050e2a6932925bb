package dev.graphfleet.node.statement;

import dev.graphfleet.node.statement.CypherToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits Cypher text into tokens the way the engine's lexer does for what matters to the guard:
 * string literals ({@code '...'} and {@code "..."} with backslash escapes), backticked names
 * ({@code `...`}, a doubled backtick inside), comments ({@code // ...} to the end of the line and
 * {@code /* ... *}{@code /}) which are dropped, words, numbers, {@code $parameters} and symbols.
 * A keyword inside a string, a comment or a backticked name is therefore never read as a keyword.
 */
public final class CypherTokenizer {

    private final String text;
    private int at;

    private CypherTokenizer(String text) {
        this.text = text;
    }

    /** @throws StatementRefusedException for an unterminated string, name or comment */
    public static List<CypherToken> tokenize(String cypher) {
        return new CypherTokenizer(cypher).run();
    }

    private List<CypherToken> run() {
        List<CypherToken> tokens = new ArrayList<>();
        while (at < text.length()) {
            char c = text.charAt(at);
            if (Character.isWhitespace(c)) {
                at++;
            } else if (c == '/' && peek(1) == '/') {
                skipLineComment();
            } else if (c == '/' && peek(1) == '*') {
                skipBlockComment();
            } else if (c == '\'' || c == '"') {
                tokens.add(new CypherToken(Kind.STRING, quoted(c)));
            } else if (c == '`') {
                tokens.add(new CypherToken(Kind.QUOTED_NAME, backticked()));
            } else if (c == '$') {
                at++;
                tokens.add(new CypherToken(Kind.PARAMETER, word()));
            } else if (Character.isDigit(c)) {
                tokens.add(new CypherToken(Kind.NUMBER, number()));
            } else if (Character.isLetter(c) || c == '_') {
                tokens.add(new CypherToken(Kind.WORD, word()));
            } else {
                at++;
                tokens.add(new CypherToken(Kind.SYMBOL, String.valueOf(c)));
            }
        }
        return tokens;
    }

    private char peek(int ahead) {
        return at + ahead < text.length() ? text.charAt(at + ahead) : '\0';
    }

    private void skipLineComment() {
        while (at < text.length() && text.charAt(at) != '\n' && text.charAt(at) != '\r') {
            at++;
        }
    }

    private void skipBlockComment() {
        int end = text.indexOf("*/", at + 2);
        if (end < 0) {
            throw StatementRefusedException.malformed("a /* comment is not closed with */");
        }
        at = end + 2;
    }

    private String quoted(char quote) {
        StringBuilder content = new StringBuilder();
        at++;
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '\\' && at + 1 < text.length()) {
                content.append(text.charAt(at + 1));
                at += 2;
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
                return name.toString();
            } else {
                name.append(c);
                at++;
            }
        }
        throw StatementRefusedException.malformed("a name opened with ` is not closed");
    }

    private String word() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
            at++;
        }
        return text.substring(start, at);
    }

    private String number() {
        int start = at;
        while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        return text.substring(start, at);
    }
}
