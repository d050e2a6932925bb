package dev.graphfleet.node.statement;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * A Cypher-ish grammar for the fuzz campaign: expressions with nesting, operators, prefix chains,
 * functions, CASE, lists, maps, subqueries and patterns; clauses around them; the engine's odd
 * whitespace and comments between tokens; random Unicode; deep constructs up to the longest query a
 * node accepts; and, now and then, a statement the node must refuse (its answer must not be 200).
 */
public final class CypherFuzz {

    /** One generated query, and whether the node must refuse it. */
    public record Query(String cypher, boolean mustBeRefused) {
    }

    private static final int MAX_QUERY_LENGTH = 10_000;
    private static final List<String> FUNCTIONS = List.of("abs", "size", "toUpper", "lower", "coalesce", "list_concat",
            "range", "floor", "sqrt", "concat", "substring", "starts_with", "to_int64", "string_split", "reverse",
            "list_sort", "nullif", "gamma", "md5", "regexp_matches", "date", "timestamp", "interval", "cast");
    private static final List<String> BINARY = List.of(" + ", " - ", " * ", " / ", " % ", " ^ ", " = ", " <> ", " < ",
            " >= ", " AND ", " OR ", " XOR ", " IN ", " CONTAINS ", " STARTS WITH ", " =~ ", " | ", " & ", " << ");
    private static final List<String> SEPARATORS = List.of(" ", " ", " ", "\n", "\t", "\u00a0", "\u3000", "\u2028",
            "/* c */", "// c\n", "\u000b", "\u001f", "\u200b", "\u0085", "");

    private CypherFuzz() {
    }

    public static Arbitrary<Query> queries() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, statement().map(cypher -> new Query(cypher, false))),
                Tuple.of(2, deep().map(cypher -> new Query(cypher, false))),
                Tuple.of(2, noise().map(cypher -> new Query(cypher, false))),
                Tuple.of(2, RefusedStatementVariants.statements("/tmp/graphfleet-fuzz").map(cypher -> new Query(cypher, true))))
                .filter(query -> !query.cypher().isBlank() && query.cypher().length() <= MAX_QUERY_LENGTH);
    }

    private static Arbitrary<String> statement() {
        Arbitrary<String> expression = expression(4);
        return Arbitraries.frequencyOf(
                Tuple.of(4, expression.map(e -> "RETURN " + e)),
                Tuple.of(2, Combinators.combine(pattern(), expression).as((p, e) -> "MATCH " + p + " WHERE " + e + " RETURN count(*)")),
                Tuple.of(1, expression.map(e -> "UNWIND [" + e + "] AS x RETURN x")),
                Tuple.of(1, Combinators.combine(expression, expression).as((a, b) -> "WITH " + a + " AS a RETURN a, " + b)),
                Tuple.of(1, expression.map(e -> "EXPLAIN RETURN " + e)),
                Tuple.of(1, pattern().map(p -> "MATCH " + p + " RETURN *")),
                Tuple.of(1, expression.map(e -> "CREATE (:N {id: " + e + "})")),
                Tuple.of(1, expression.map(e -> "RETURN " + e + " UNION RETURN " + e)))
                .flatMap(CypherFuzz::respaced);
    }

    private static Arbitrary<String> expression(int depth) {
        Arbitrary<String> leaf = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-1000, 1000).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("1.5", ".5", "1e-3", "9223372036854775807", "-9223372036854775808", "0")),
                Tuple.of(2, Arbitraries.strings().withCharRange(' ', '~').withChars("\u00e9\u0000\u00a0\u4e2d\ud83d\ude00")
                        .ofMaxLength(12).map(s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'")),
                Tuple.of(1, Arbitraries.of("true", "false", "NULL", "$p", "n", "n.id", "x", "[]", "{}")));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> expression(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(2, Combinators.combine(inner, Arbitraries.of(BINARY), inner).as((a, op, b) -> a + op + b)),
                Tuple.of(1, inner.map(e -> "(" + e + ")")),
                Tuple.of(1, inner.map(e -> "NOT " + e)),
                Tuple.of(1, inner.map(e -> "-" + e)),
                Tuple.of(1, inner.list().ofMaxSize(4).map(items -> "[" + String.join(", ", items) + "]")),
                Tuple.of(1, inner.list().ofMaxSize(3).map(CypherFuzz::map)),
                Tuple.of(2, Combinators.combine(Arbitraries.of(FUNCTIONS), inner.list().ofMaxSize(3))
                        .as((f, args) -> f + "(" + String.join(", ", args) + ")")),
                Tuple.of(1, Combinators.combine(inner, inner, inner).as((c, t, e) -> "CASE WHEN " + c + " THEN " + t + " ELSE " + e + " END")),
                Tuple.of(1, inner.map(e -> e + "[0]")),
                Tuple.of(1, inner.map(e -> e + " IS NULL")),
                Tuple.of(1, inner.map(e -> "EXISTS { MATCH (m) WHERE m.id = " + e + " }")));
    }

    private static String map(List<String> values) {
        StringBuilder map = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            map.append(i == 0 ? "" : ", ").append("k").append(i).append(": ").append(values.get(i));
        }
        return map.append("}").toString();
    }

    private static Arbitrary<String> pattern() {
        Arbitrary<String> node = Arbitraries.of("(n)", "(n:N)", "(:N {id: 1})", "()", "(m:N)");
        Arbitrary<String> rel = Arbitraries.of("-[]->", "<-[]-", "-[:E]->", "-[*1..3]->", "-[e:E*2]-", "\u27e8\u2010[]\u2010");
        return Combinators.combine(node, Combinators.combine(rel, node).as((r, n) -> r + n).list().ofMaxSize(4))
                .as((first, rest) -> first + String.join("", rest));
    }

    /** A construct the engine recurses on, at a random depth up to the longest query text accepted. */
    private static Arbitrary<String> deep() {
        List<java.util.function.IntFunction<String>> constructs = List.copyOf(DeepQueries.all().values());
        return Combinators.combine(Arbitraries.of(constructs), Arbitraries.integers().between(1, 5_000).withDistribution(
                net.jqwik.api.RandomDistribution.biased()))
                .as((construct, depth) -> construct.apply(depth));
    }

    /** Random characters from the whole of Unicode, alone or after a valid start. */
    private static Arbitrary<String> noise() {
        Arbitrary<String> chars = Arbitraries.strings().all().ofMaxLength(60);
        return Arbitraries.frequencyOf(
                Tuple.of(1, chars),
                Tuple.of(2, chars.map(s -> "RETURN " + s)),
                Tuple.of(1, chars.map(s -> "MATCH (n) WHERE n.id = " + s + " RETURN n")));
    }

    /** The statement with its spaces replaced by the engine's other whitespace, comments and nothing. */
    private static Arbitrary<String> respaced(String statement) {
        String[] parts = statement.split(" ", -1);
        return Arbitraries.of(SEPARATORS).list().ofSize(Math.max(0, parts.length - 1)).map(separators -> {
            StringBuilder text = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                text.append(separators.get(i - 1)).append(parts[i]);
            }
            return text.toString();
        });
    }
}
