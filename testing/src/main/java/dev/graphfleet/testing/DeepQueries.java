package dev.graphfleet.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Queries that make the engine recurse: each builds a construct nested (or chained) {@code n} deep.
 * Shared by the crash survey, the bounds test and the fuzz campaign.
 */
public final class DeepQueries {

    private DeepQueries() {
    }

    /** Every construct, by name, in the order the docs list them. */
    public static Map<String, IntFunction<String>> all() {
        Map<String, IntFunction<String>> all = new LinkedHashMap<>();
        all.put("parentheses", n -> "RETURN " + "(".repeat(n) + "1" + ")".repeat(n));
        all.put("lists", n -> "RETURN " + "[".repeat(n) + "1" + "]".repeat(n));
        all.put("maps", n -> "RETURN " + "{a: ".repeat(n) + "1" + "}".repeat(n));
        all.put("function calls", n -> "RETURN " + "abs(".repeat(n) + "1" + ")".repeat(n));
        all.put("CASE", n -> "RETURN " + "CASE WHEN true THEN ".repeat(n) + "1" + " END".repeat(n));
        all.put("EXISTS subqueries", n -> "MATCH (a) WHERE " + "EXISTS { MATCH (b) WHERE ".repeat(n) + "true"
                + " }".repeat(n) + " RETURN a");
        all.put("NOT chain", n -> "RETURN " + "NOT ".repeat(n) + "true");
        all.put("unary minus chain", n -> "RETURN " + "-".repeat(n) + "1");
        all.put("+ chain", n -> "RETURN 1" + "+1".repeat(n));
        all.put("string + chain", n -> "RETURN 'a'" + "+'a'".repeat(n));
        all.put("AND chain", n -> "RETURN true" + " AND true".repeat(n));
        all.put("OR chain", n -> "RETURN false" + " OR false".repeat(n));
        all.put("^ chain", n -> "RETURN 1" + "^1".repeat(n));
        all.put("index chain", n -> "RETURN [1]" + "[0:1]".repeat(n));
        all.put("property chain", n -> "WITH {a: 1} AS m RETURN m" + ".a".repeat(n));
        all.put("path pattern", n -> "MATCH (a)" + "-[]->()".repeat(n) + " RETURN count(*)");
        all.put("UNION chain", n -> "RETURN 1 AS x" + " UNION RETURN 1 AS x".repeat(n));
        all.put("list items", n -> "RETURN [" + "1,".repeat(n) + "1]");
        return all;
    }
}
