package dev.graphfleet.testing;

import static dev.graphfleet.testing.Gen.weighted;

import java.util.List;
import java.util.function.IntFunction;

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

    /** {@code engineWhitespace}: what the engine's lexer skips (the node's CypherTokenizer.engineWhitespace()). */
    public static Gen<Query> queries(String engineWhitespace) {
        return Gen.frequency(
                weighted(12, statement().map(cypher -> new Query(cypher, false))),
                weighted(2, deep().map(cypher -> new Query(cypher, false))),
                weighted(2, noise().map(cypher -> new Query(cypher, false))),
                weighted(2, RefusedStatementVariants.statements("/tmp/graphfleet-fuzz", engineWhitespace).map(cypher -> new Query(cypher, true))))
                .filter(query -> !query.cypher().isBlank() && query.cypher().length() <= MAX_QUERY_LENGTH);
    }

    private static Gen<String> statement() {
        Gen<String> expression = expression(4);
        Gen<String> pattern = pattern();
        return Gen.<String>frequency(
                weighted(4, expression.map(e -> "RETURN " + e)),
                weighted(2, r -> "MATCH " + pattern.next(r) + " WHERE " + expression.next(r) + " RETURN count(*)"),
                weighted(1, expression.map(e -> "UNWIND [" + e + "] AS x RETURN x")),
                weighted(1, r -> "WITH " + expression.next(r) + " AS a RETURN a, " + expression.next(r)),
                weighted(1, expression.map(e -> "EXPLAIN RETURN " + e)),
                weighted(1, pattern.map(p -> "MATCH " + p + " RETURN *")),
                weighted(1, expression.map(e -> "CREATE (:N {id: " + e + "})")),
                weighted(1, expression.map(e -> "RETURN " + e + " UNION RETURN " + e)))
                .flatMap(CypherFuzz::respaced);
    }

    /** An expression nested at most {@code depth} deep: each level is built once, from the one below. */
    private static Gen<String> expression(int depth) {
        Gen<String> leaf = Gen.frequency(
                weighted(3, Gen.biased(-1000, 1000).map(String::valueOf)),
                weighted(1, Gen.oneOf("1.5", ".5", "1e-3", "9223372036854775807", "-9223372036854775808", "0")),
                weighted(2, Gen.strings(Gen.charRange(' ', '~') + "\u00e9\u0000\u00a0\u4e2d\ud83d\ude00", 12)
                        .map(s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'")),
                weighted(1, Gen.oneOf("true", "false", "NULL", "$p", "n", "n.id", "x", "[]", "{}")));
        if (depth == 0) {
            return leaf;
        }
        Gen<String> inner = expression(depth - 1);
        Gen<String> binary = Gen.oneOf(BINARY);
        Gen<String> function = Gen.oneOf(FUNCTIONS);
        return Gen.frequency(
                weighted(4, leaf),
                weighted(2, r -> inner.next(r) + binary.next(r) + inner.next(r)),
                weighted(1, inner.map(e -> "(" + e + ")")),
                weighted(1, inner.map(e -> "NOT " + e)),
                weighted(1, inner.map(e -> "-" + e)),
                weighted(1, inner.listUpTo(4).map(items -> "[" + String.join(", ", items) + "]")),
                weighted(1, inner.listUpTo(3).map(CypherFuzz::map)),
                weighted(2, r -> function.next(r) + "(" + String.join(", ", inner.listUpTo(3).next(r)) + ")"),
                weighted(1, r -> "CASE WHEN " + inner.next(r) + " THEN " + inner.next(r) + " ELSE " + inner.next(r) + " END"),
                weighted(1, inner.map(e -> e + "[0]")),
                weighted(1, inner.map(e -> e + " IS NULL")),
                weighted(1, inner.map(e -> "EXISTS { MATCH (m) WHERE m.id = " + e + " }")));
    }

    private static String map(List<String> values) {
        StringBuilder map = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            map.append(i == 0 ? "" : ", ").append("k").append(i).append(": ").append(values.get(i));
        }
        return map.append("}").toString();
    }

    private static Gen<String> pattern() {
        Gen<String> node = Gen.oneOf("(n)", "(n:N)", "(:N {id: 1})", "()", "(m:N)");
        Gen<String> rel = Gen.oneOf("-[]->", "<-[]-", "-[:E]->", "-[*1..3]->", "-[e:E*2]-", "\u27e8\u2010[]\u2010");
        Gen<String> step = r -> rel.next(r) + node.next(r);
        return r -> node.next(r) + String.join("", step.listUpTo(4).next(r));
    }

    /** A construct the engine recurses on, at a random depth up to the longest query text accepted. */
    private static Gen<String> deep() {
        Gen<IntFunction<String>> construct = Gen.oneOf(List.copyOf(DeepQueries.all().values()));
        Gen<Integer> depth = Gen.biased(1, 5_000);
        return r -> construct.next(r).apply(depth.next(r));
    }

    /** Random characters from the whole of Unicode, alone or after a valid start. */
    private static Gen<String> noise() {
        Gen<String> chars = Gen.anyChars(60);
        return Gen.frequency(
                weighted(1, chars),
                weighted(2, chars.map(s -> "RETURN " + s)),
                weighted(1, chars.map(s -> "MATCH (n) WHERE n.id = " + s + " RETURN n")));
    }

    /** The statement with its spaces replaced by the engine's other whitespace, comments and nothing. */
    private static Gen<String> respaced(String statement) {
        String[] parts = statement.split(" ", -1);
        return Gen.oneOf(SEPARATORS).list(Math.max(0, parts.length - 1)).map(separators -> {
            StringBuilder text = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) {
                text.append(separators.get(i - 1)).append(parts[i]);
            }
            return text.toString();
        });
    }
}
