package dev.graphfleet.node.statement;

import dev.graphfleet.node.statement.CypherToken.Kind;
import dev.graphfleet.node.statement.StatementRefusedException.Reason;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Bounds the constructs the engine recurses on, before it parses them: the engine parses, binds and
 * plans a query recursively on the calling thread, and a construct nested deep enough overruns that
 * thread's stack and kills the whole process (SIGSEGV). Measured crash depths are in
 * docs/reliability.md; each bound here is far below the depth that crashes a 4 MiB stack.
 *
 * <ul>
 *   <li>nesting: parentheses, lists, maps and subqueries ({@code ( [ {}) and {@code CASE}, counted
 *       together, and {@code CASE} in {@code CASE} on its own (the engine's parser takes time
 *       exponential in it);</li>
 *   <li>prefix chains: {@code NOT NOT ...} and {@code - - ...} in a row;</li>
 *   <li>operator chains: binary operators, property lookups and pattern steps in one expression
 *       (the engine builds a left-deep tree of them).</li>
 * </ul>
 */
public final class QueryShape {

    /** The bounds: each is a count the query must not exceed. */
    public record Limits(int maxNesting, int maxCaseNesting, int maxPrefixChain, int maxOperatorChain) {
    }

    /**
     * 48 levels of nesting (the shallowest stack crash at a 4 MiB stack is maps at 224 levels, and
     * parsing time grows steeply with depth); 8 levels of CASE (parsing time doubles with each level:
     * 16 levels take seconds, 21 run for minutes without the query timeout stopping them); 48 prefix
     * operators and 256 operators in one expression (chains crash at about 4,200 at 4 MiB).
     */
    public static final Limits DEFAULT_LIMITS = new Limits(48, 8, 48, 256);

    private static final String OPERATOR_SYMBOLS = "+-*/%^=<>|&~.[";
    private static final Set<String> OPERATOR_WORDS = Set.of("AND", "OR", "XOR", "IN", "CONTAINS", "STARTS", "ENDS",
            "IS");
    /** Words that end an expression: the count starts again after them. */
    private static final Set<String> CLAUSE_WORDS = Set.of("MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND",
            "CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "ORDER", "SKIP", "LIMIT", "CALL", "UNION", "AS",
            "YIELD", "ON", "FROM", "TO");
    private static final Set<String> PREFIX_WORDS = Set.of("NOT");

    private final Limits limits;

    public QueryShape(Limits limits) {
        this.limits = limits;
    }

    /** @throws StatementRefusedException (too deep) naming the bound the query exceeds */
    public void check(List<CypherToken> tokens) {
        Deque<int[]> frames = new ArrayDeque<>(); // per open bracket: operators seen in its current expression
        frames.push(new int[1]);
        Deque<Boolean> caseFrames = new ArrayDeque<>(); // per open bracket: is it a CASE
        int cases = 0;
        String prefix = null;
        int prefixRun = 0;
        for (CypherToken token : tokens) {
            String word = token.kind() == Kind.WORD ? CypherToken.asciiUpper(token.text()) : null;
            if (token.isSymbol("(") || token.isSymbol("[") || token.isSymbol("{") || "CASE".equals(word)) {
                if (token.isSymbol("[")) {
                    count(frames); // an index or slice is an operator on what stands before it
                }
                frames.push(new int[1]);
                caseFrames.push("CASE".equals(word));
                cases += "CASE".equals(word) ? 1 : 0;
                if (frames.size() - 1 > limits.maxNesting()) {
                    throw tooDeep("nesting deeper than " + limits.maxNesting() + " levels (parentheses, lists, "
                            + "maps, subqueries and CASE counted together)");
                }
                if (cases > limits.maxCaseNesting()) {
                    throw tooDeep("CASE nested deeper than " + limits.maxCaseNesting() + " levels");
                }
            } else if (token.isSymbol(")") || token.isSymbol("]") || token.isSymbol("}") || "END".equals(word)) {
                if (frames.size() > 1) {
                    frames.pop();
                    cases -= caseFrames.pop() ? 1 : 0;
                }
            } else if (token.isSymbol(",") || token.isSymbol(";") || (word != null && CLAUSE_WORDS.contains(word))) {
                frames.peek()[0] = 0;
            } else if (isOperator(token, word)) {
                count(frames);
            }
            String thisPrefix = token.isSymbol("-") ? "-" : word != null && PREFIX_WORDS.contains(word) ? word : null;
            prefixRun = thisPrefix != null && thisPrefix.equals(prefix) ? prefixRun + 1 : 1;
            prefix = thisPrefix;
            if (prefix != null && prefixRun > limits.maxPrefixChain()) {
                throw tooDeep("more than " + limits.maxPrefixChain() + " " + prefix + " in a row");
            }
        }
    }

    private void count(Deque<int[]> frames) {
        if (++frames.peek()[0] > limits.maxOperatorChain()) {
            throw tooDeep("more than " + limits.maxOperatorChain() + " operators, property lookups or pattern steps "
                    + "in one expression; split it (e.g. with WITH) or pass the values as parameters");
        }
    }

    private static boolean isOperator(CypherToken token, String word) {
        if (token.kind() == Kind.SYMBOL) {
            return OPERATOR_SYMBOLS.contains(token.text());
        }
        return word != null && OPERATOR_WORDS.contains(word);
    }

    private static StatementRefusedException tooDeep(String what) {
        return new StatementRefusedException(Reason.TOO_DEEP, "the query is refused before it runs: it has " + what
                + ", a bound that keeps the engine from overrunning its stack");
    }
}
