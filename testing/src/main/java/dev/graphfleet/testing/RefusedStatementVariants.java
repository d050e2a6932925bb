package dev.graphfleet.testing;

import static dev.graphfleet.testing.Gen.weighted;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements the node must refuse, written every way an attacker might hope the guard reads
 * differently from the engine: each of the engine's whitespace characters, comments before, between
 * and inside, mixed case, backticks, Unicode look-alikes (fullwidth, Cyrillic, Greek, compatibility
 * forms) and zero-width or combining characters inside keywords.
 */
public final class RefusedStatementVariants {

    /** Where the statements aim: a directory the test watches ({@code D}). */
    public static List<List<String>> forms(String dir) {
        return List.of(
                List.of("COPY", "F", "FROM", "'" + dir + "/canary.csv'"),
                List.of("COPY", "F", "FROM", "'/etc/passwd'", "(", "header", "=", "false", ")"),
                List.of("COPY", "(", "MATCH", "(", "n", ")", "RETURN", "n", ")", "TO", "'" + dir + "/out.csv'"),
                List.of("COPY", "F", "TO", "'" + dir + "/out2.csv'"),
                List.of("EXPORT", "DATABASE", "'" + dir + "/dump'"),
                List.of("IMPORT", "DATABASE", "'" + dir + "/dump'"),
                List.of("ATTACH", "'" + dir + "/other.kuzu'", "AS", "o", "(", "dbtype", "kuzu", ")"),
                List.of("USE", "o"),
                List.of("DETACH", "o"),
                List.of("INSTALL", "httpfs"),
                List.of("FORCE", "INSTALL", "httpfs"),
                List.of("LOAD", "EXTENSION", "httpfs"),
                List.of("LOAD", "FROM", "'" + dir + "/canary.csv'", "RETURN", "*"),
                List.of("MATCH", "(", "n", ")", "LOAD", "FROM", "'" + dir + "/canary.csv'", "RETURN", "*"),
                List.of("CALL", "show_attached_databases", "(", ")", "RETURN", "*"),
                List.of("CALL", "current_setting", "(", "'home_directory'", ")", "RETURN", "*"),
                List.of("CALL", "show_functions", "(", ")", "RETURN", "*"),
                List.of("CALL", "threads", "=", "1"),
                List.of("CALL", "timeout", "=", "1"),
                List.of("CALL", "home_directory", "=", "'" + dir + "'"),
                List.of("CALL", "file_search_path", "=", "'" + dir + "'"),
                List.of("BEGIN", "TRANSACTION"));
    }

    private static final List<String> PREFIXES = List.of("", "RETURN 1;", "RETURN 1 ;\n", "EXPLAIN ", "PROFILE ",
            "EXPLAIN LOGICAL ", "MATCH (m) RETURN m;", "/* x */", "// x\n", "\u00a0", "\ufeff", "\u200b");
    private static final String ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u0301\u034f";

    private RefusedStatementVariants() {
    }

    /** {@code engineWhitespace}: the characters the engine's lexer skips (the node's CypherTokenizer.engineWhitespace()). */
    private static List<String> separators(String engineWhitespace) {
        List<String> all = new ArrayList<>();
        for (char c : engineWhitespace.toCharArray()) {
            all.add(String.valueOf(c));
        }
        all.addAll(List.of(" ", "  ", "/* c */", "/**/", "/* ** */", "/* */ ", "// c\n", "// c\r\n", " /* ; */ ",
                "\u00a0/* \u00a0 */\u00a0", "\u0085", "\u200b", "\u2060", "\ufeff", "\u3000", "", "\r", "\u000b\u001f"));
        return List.copyOf(all);
    }

    /** A statement the node must refuse, aimed at {@code dir}. */
    /** Variants of {@link #forms}; {@code engineWhitespace} is what the engine's lexer skips (CypherTokenizer). */
    public static Gen<String> statements(String dir, String engineWhitespace) {
        Gen<String> prefix = Gen.oneOf(PREFIXES);
        Gen<String> separator = Gen.oneOf(separators(engineWhitespace));
        Gen<String> suffix = Gen.oneOf("", ";", " ;", "/* end */", "// end", "\u00a0");
        return Gen.oneOf(forms(dir)).flatMap(tokens -> r -> {
            StringBuilder text = new StringBuilder(prefix.next(r));
            List<String> separators = separator.list(tokens.size()).next(r);
            List<String> spelled = keywordSpellings(tokens).next(r);
            for (int i = 0; i < spelled.size(); i++) {
                text.append(separators.get(i)).append(spelled.get(i));
            }
            return text.append(suffix.next(r)).toString();
        });
    }

    /** Each word of the form spelled one way: as is, any case, backticked, or with a look-alike inside. */
    private static Gen<List<String>> keywordSpellings(List<String> tokens) {
        List<Gen<String>> spelled = new ArrayList<>();
        for (String token : tokens) {
            spelled.add(isWord(token) ? spellings(token) : Gen.constant(token));
        }
        return r -> spelled.stream().map(gen -> gen.next(r)).toList();
    }

    private static boolean isWord(String token) {
        return !token.isEmpty() && Character.isLetter(token.charAt(0));
    }

    private static Gen<String> spellings(String word) {
        Gen<String> anyCase = Gen.uniform(0, (1 << Math.min(word.length(), 20)) - 1).map(mask -> mixedCase(word, mask));
        Gen<Integer> position = Gen.uniform(0, word.length() - 1);
        Gen<Character> zeroWidth = Gen.oneOf(ZERO_WIDTH.chars().mapToObj(c -> (char) c).toList());
        return Gen.frequency(
                weighted(6, anyCase),
                weighted(1, Gen.constant("`" + word + "`")),
                weighted(2, position.map(i -> replace(word, i, fullwidth(word.charAt(i))))),
                weighted(2, position.map(i -> replace(word, i, lookAlike(word.charAt(i))))),
                weighted(2, r -> {
                    int i = position.next(r);
                    return word.substring(0, i) + zeroWidth.next(r) + word.substring(i);
                }),
                weighted(1, Gen.constant(word.toLowerCase(java.util.Locale.ROOT)
                        .replace("i", "\u0131").replace("s", "\u017f").replace("k", "\u212a"))));
    }

    private static String mixedCase(String word, int mask) {
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            mixed.append((mask >> (i % 20) & 1) == 1 ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return mixed.toString();
    }

    private static String replace(String word, int at, char with) {
        return word.substring(0, at) + with + word.substring(at + 1);
    }

    /** The fullwidth form of an ASCII letter or digit (NFKC maps it back). */
    private static char fullwidth(char c) {
        return c > 32 && c < 127 ? (char) (c - 0x20 + 0xFF00) : c;
    }

    /** A Cyrillic or Greek letter that looks like the Latin one, where there is one. */
    private static char lookAlike(char c) {
        String latin = "AaBCcEeHIiKMOoPpTXxYy";
        String other = "\u0410\u0430\u0392\u0421\u0441\u0415\u0435\u041d\u0399\u0456\u039a\u039c\u041e\u043e\u0420\u0440\u0422\u03a7\u0445\u03a5\u0443";
        int at = latin.indexOf(c);
        return at >= 0 ? other.charAt(at) : '\u0131';
    }
}
