package dev.graphfleet.node.statement;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

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

    private static final List<String> SEPARATORS = separators();
    private static final List<String> PREFIXES = List.of("", "RETURN 1;", "RETURN 1 ;\n", "EXPLAIN ", "PROFILE ",
            "EXPLAIN LOGICAL ", "MATCH (m) RETURN m;", "/* x */", "// x\n", "\u00a0", "\ufeff", "\u200b");
    private static final String ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u0301\u034f";

    private RefusedStatementVariants() {
    }

    private static List<String> separators() {
        List<String> all = new ArrayList<>();
        for (char c : CypherTokenizer.engineWhitespace().toCharArray()) {
            all.add(String.valueOf(c));
        }
        all.addAll(List.of(" ", "  ", "/* c */", "/**/", "/* ** */", "/* */ ", "// c\n", "// c\r\n", " /* ; */ ",
                "\u00a0/* \u00a0 */\u00a0", "\u0085", "\u200b", "\u2060", "\ufeff", "\u3000", "", "\r", "\u000b\u001f"));
        return List.copyOf(all);
    }

    /** A statement the node must refuse, aimed at {@code dir}. */
    public static Arbitrary<String> statements(String dir) {
        List<List<String>> forms = forms(dir);
        Arbitrary<List<String>> form = Arbitraries.of(forms);
        return form.flatMap(tokens -> Combinators.combine(
                Arbitraries.of(PREFIXES),
                Arbitraries.of(SEPARATORS).list().ofSize(tokens.size()),
                keywordSpellings(tokens),
                Arbitraries.of("", ";", " ;", "/* end */", "// end", "\u00a0")
        ).as((prefix, separators, spelled, suffix) -> {
            StringBuilder text = new StringBuilder(prefix);
            for (int i = 0; i < spelled.size(); i++) {
                text.append(separators.get(i)).append(spelled.get(i));
            }
            return text.append(suffix).toString();
        }));
    }

    /** Each word of the form spelled one way: as is, any case, backticked, or with a look-alike inside. */
    private static Arbitrary<List<String>> keywordSpellings(List<String> tokens) {
        List<Arbitrary<String>> spelled = new ArrayList<>();
        for (String token : tokens) {
            spelled.add(isWord(token) ? spellings(token) : Arbitraries.just(token));
        }
        return Combinators.combine(spelled).as(List::copyOf);
    }

    private static boolean isWord(String token) {
        return !token.isEmpty() && Character.isLetter(token.charAt(0));
    }

    private static Arbitrary<String> spellings(String word) {
        Arbitrary<String> anyCase = Arbitraries.integers().between(0, (1 << Math.min(word.length(), 20)) - 1)
                .map(mask -> mixedCase(word, mask));
        Arbitrary<Integer> position = Arbitraries.integers().between(0, word.length() - 1);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, anyCase),
                net.jqwik.api.Tuple.of(1, Arbitraries.just("`" + word + "`")),
                net.jqwik.api.Tuple.of(2, position.map(i -> replace(word, i, fullwidth(word.charAt(i))))),
                net.jqwik.api.Tuple.of(2, position.map(i -> replace(word, i, lookAlike(word.charAt(i))))),
                net.jqwik.api.Tuple.of(2, Combinators.combine(position, Arbitraries.of(ZERO_WIDTH.chars().boxed().toList()))
                        .as((i, c) -> word.substring(0, i) + (char) c.intValue() + word.substring(i))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(word.toLowerCase(java.util.Locale.ROOT)
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
