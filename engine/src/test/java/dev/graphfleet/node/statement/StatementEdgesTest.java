package dev.graphfleet.node.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.node.statement.StatementRefusedException.Reason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * The guard at its edges: each bound accepted exactly at its value and refused one past it, the
 * words and characters next to the ones it looks for, what a refusal says about the text it refuses,
 * and half-written queries, which are the engine's to reject (the guard neither allows a bypass
 * nor fails with an error of its own on them).
 */
class StatementEdgesTest {

    private final StatementGuard guard = new StatementGuard(StatementPolicy.DEFAULTS);
    private final StatementGuard readOnly = new StatementGuard(StatementPolicy.DEFAULTS.withReadOnly(true));
    private final StatementGuard loader = new StatementGuard(StatementPolicy.DEFAULTS.withAllowCopyFrom(true));

    private AbstractThrowableAssert<?, ? extends Throwable> refused(String cypher, Reason reason) {
        return assertThatThrownBy(() -> guard.check(cypher)).as(cypher).isInstanceOfSatisfying(
                StatementRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    private void allowed(String cypher) {
        assertThatCode(() -> guard.check(cypher)).as(cypher).doesNotThrowAnyException();
    }

    private static List<String> tokens(String cypher) {
        return CypherTokenizer.tokenize(cypher).stream().map(CypherToken::toString).toList();
    }

    @Test
    void prefixAndOperatorChainsAreAcceptedExactlyAtTheirBound() {
        QueryShape.Limits limits = QueryShape.DEFAULT_LIMITS;
        allowed("RETURN " + "NOT ".repeat(limits.maxPrefixChain()) + "true");
        allowed("RETURN " + "-".repeat(limits.maxPrefixChain()) + "1");
        allowed("RETURN " + "- NOT ".repeat(limits.maxPrefixChain()) + "1"); // alternating: no run of one kind
        allowed("RETURN 1" + "+1".repeat(limits.maxOperatorChain()));
        refused("RETURN 1" + "+1".repeat(limits.maxOperatorChain() + 1), Reason.TOO_DEEP);
        // an index counts as an operator on what stands before it
        refused("RETURN x" + "+1".repeat(limits.maxOperatorChain()) + "[0]", Reason.TOO_DEEP);
    }

    @Test
    void aClauseStartsANewExpressionAndSiblingCasesAreNotNested() {
        int half = QueryShape.DEFAULT_LIMITS.maxOperatorChain() - 2; // with the "." and the ">"
        allowed("MATCH (a) WHERE a.x" + "+1".repeat(half) + " > 0 RETURN a.y" + "+1".repeat(half));
        int cases = QueryShape.DEFAULT_LIMITS.maxCaseNesting() + 1;
        allowed("RETURN " + String.join(", ", java.util.Collections.nCopies(cases, "CASE WHEN true THEN 1 END")));
        allowed("RETURN " + "(1), ".repeat(QueryShape.DEFAULT_LIMITS.maxNesting() + 1) + "1");
    }

    @Test
    void unbalancedClosersAreLeftToTheEngine() {
        for (String cypher : List.of("RETURN 1))) + (1", "RETURN 1 END END, CASE WHEN true THEN 1 END", "RETURN ]]")) {
            allowed(cypher);
        }
    }

    @Test
    void explainLogicalAndProfileLeadAStatementButNotAlone() {
        allowed("EXPLAIN LOGICAL MATCH (n) RETURN n");
        allowed("PROFILE EXPLAIN RETURN 1");
        refused("EXPLAIN LOGICAL", Reason.UNRECOGNISED).hasMessageStartingWith("an EXPLAIN or PROFILE without a statement");
        refused("LOGICAL RETURN 1", Reason.UNRECOGNISED).hasMessageStartingWith("a statement that begins with 'LOGICAL'");
        refused("EXPLAIN LOGICAL ATTACH '/x' AS y", Reason.DENIED);
    }

    @Test
    void aRefusedLeadIsDescribedByItsKind() {
        refused("'x' RETURN 1", Reason.UNRECOGNISED).hasMessageStartingWith("a statement that begins with a string is not");
        refused("1 RETURN 1", Reason.UNRECOGNISED).hasMessageStartingWith("a statement that begins with a number is not");
        refused("$p RETURN 1", Reason.UNRECOGNISED).hasMessageStartingWith("a statement that begins with a parameter is not");
        refused("`x` RETURN 1", Reason.UNRECOGNISED).hasMessageStartingWith("a statement that begins with the name `x` is not");
        refused("( RETURN 1 )", Reason.UNRECOGNISED).hasMessageStartingWith("a statement that begins with '(' is not");
        refused("FOO", Reason.UNRECOGNISED).hasMessageStartingWith("a statement that begins with 'FOO' is not");
    }

    @Test
    void aRefusedNameIsShownUpTo40PrintableCharacters() {
        String forty = "a".repeat(40);
        refused("CALL " + forty + "() RETURN *", Reason.DENIED).hasMessageStartingWith("CALL " + forty + " is not allowed");
        refused("CALL " + forty + "b() RETURN *", Reason.DENIED).hasMessageStartingWith("CALL " + forty + "... is not allowed");
        refused("CALL `a b~\tc\u007f`() RETURN *", Reason.DENIED).hasMessageStartingWith("CALL a b~U+0009cU+007F is not");
    }

    @Test
    void createRoleIsDeniedLikeCreateUser() {
        refused("CREATE ROLE r", Reason.DENIED).hasMessageStartingWith("CREATE USER/ROLE is not allowed");
        refused("CREATE USER u", Reason.DENIED).hasMessageStartingWith("CREATE USER/ROLE is not allowed");
        assertThatThrownBy(() -> readOnly.check("CREATE ROLE r")).isInstanceOfSatisfying(StatementRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.DENIED));
    }

    @Test
    void loadIsNamedForWhatItWouldDo() {
        refused("LOAD FROM '/etc/passwd' RETURN *", Reason.DENIED).hasMessageStartingWith("LOAD FROM is not allowed");
        refused("LOAD WITH HEADERS (a STRING) FROM '/x' RETURN *", Reason.DENIED).hasMessageStartingWith("LOAD FROM is not");
        refused("LOAD httpfs", Reason.DENIED).hasMessageStartingWith("LOAD [EXTENSION] is not allowed");
        refused("MATCH (n) LOAD WITH HEADERS (a STRING) FROM '/x' RETURN *", Reason.DENIED)
                .hasMessageStartingWith("LOAD FROM is not allowed");
        allowed("MATCH (n) WITH n.load AS load RETURN load");
    }

    @Test
    void copyFromTakesATableWithOptionalColumnsAndNothingElse() {
        for (String cypher : List.of("COPY Person (id, name) FROM '/data/p.csv'", "COPY `Person` FROM '/data/p.csv'",
                "COPY Person ((id)) FROM '/data/p.csv'")) {
            assertThatCode(() -> loader.check(cypher)).as(cypher).doesNotThrowAnyException();
        }
        for (String cypher : List.of("COPY FROM '/data/p.csv'", "COPY 'Person' FROM '/x'", "COPY Person (id, name)",
                "COPY Person (id FROM '/x'", "COPY")) {
            assertThatThrownBy(() -> loader.check(cypher)).as(cypher)
                    .isInstanceOfSatisfying(StatementRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DENIED))
                    .hasMessageStartingWith("COPY ... TO is not allowed");
        }
    }

    @Test
    void wordsAfterADotOrAColonAreNamesOnAReadOnlyNode() {
        for (String cypher : List.of("MATCH (p:Create) RETURN p", "MATCH (p:Person) RETURN p.delete, p.merge",
                "MATCH (p)-[:Set]->(q) RETURN q")) {
            assertThatCode(() -> readOnly.check(cypher)).as(cypher).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> readOnly.check("MATCH (p) SET p.x = 1")).isInstanceOfSatisfying(
                StatementRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.READ_ONLY))
                .hasMessageContaining("(SET)");
        refused("MATCH (p:Person) RETURN p.x; LOAD FROM '/x' RETURN *", Reason.DENIED);
    }

    @Test
    void aCallAtTheEndOrWithoutParenthesesIsAName() {
        allowed("WITH 1 AS call RETURN call");
        allowed("WITH 1 AS call RETURN call AS x");
        allowed("CALL Show_Tables() RETURN *");
        refused("MATCH (n) CALL `current_setting`('threads') RETURN *", Reason.DENIED);
        refused("MATCH (n) CALL threads = 4", Reason.DENIED).hasMessageContaining("connection's settings");
    }

    @Test
    void rangeIsAllowedUpToItsCountAndItsSpan() {
        allowed("RETURN range(1, " + EngineCrashes.MAX_RANGE + ")");
        refused("RETURN range(0, " + EngineCrashes.MAX_RANGE + ")", Reason.UNSAFE)
                .hasMessageContaining("range(...) of " + (EngineCrashes.MAX_RANGE + 1) + " items");
        allowed("RETURN range(" + EngineCrashes.MAX_RANGE + ", 1, -1)");
        allowed("RETURN range(-5, 5), range(5, -5, -1), range(1, 2, 0)");
        long span62 = (1L << 62) - 1;
        allowed("RETURN range(0, " + span62 + ", " + span62 + ")");
        refused("RETURN range(0, " + (span62 + 1) + ", " + (span62 + 1) + ")", Reason.UNSAFE);
        allowed("WITH 1 AS range RETURN range");
    }

    @Test
    void rangeMustBeTwoOrThreeIntegerLiteralsClosed() {
        for (String cypher : List.of("RETURN range(1)", "RETURN range(1, 2, 3, 4)", "RETURN range(1, 2",
                "RETURN range(1, 2 + 3)", "RETURN range(1, ")) {
            refused(cypher, Reason.UNSAFE).hasMessageContaining("not of the form range(start, stop[, step])");
        }
        for (String cypher : List.of("RETURN range(1.5, 2)", "RETURN range(a, 2)", "RETURN range(1, -)", "RETURN range(1e3, 2)",
                "RETURN range()")) {
            refused(cypher, Reason.UNSAFE).hasMessageContaining("not an integer literal");
        }
    }

    @Test
    void nullIsRefusedBesideInAndListContainsHoweverItIsWritten() {
        for (String cypher : List.of("RETURN 1 IN ((NULL))", "RETURN `list_contains`(NULL, 1)", "RETURN array_has((NULL), 1)",
                "RETURN Array_Contains(NULL, 1)")) {
            refused(cypher, Reason.UNSAFE);
        }
        allowed("RETURN 1 IN [NULL], list_contains([1], NULL)");
        allowed("WITH 1 AS list_has RETURN list_has");
        allowed("RETURN 1 IN");
        allowed("RETURN 1 IN ((");
        Map<String, Object> nullP = new HashMap<>();
        nullP.put("p", null);
        assertThatThrownBy(() -> guard.check("WITH $p AS l RETURN 1 IN l", nullP)).hasMessageContaining("NULL AS name");
        assertThatCode(() -> guard.check("WITH $p AS l RETURN 1 IN l", Map.of("p", List.of(1)))).doesNotThrowAnyException();
    }

    @Test
    void onlyAnUntypedNullBoundToANameIsRefused() {
        refused("RETURN NULL AS x", Reason.UNSAFE).hasMessageContaining("NULL AS name");
        refused("RETURN ((NULL)) AS x", Reason.UNSAFE);
        refused("RETURN (NULL) AS x", Reason.UNSAFE);
        allowed("RETURN CAST(NULL AS INT64[]) AS x");
        allowed("RETURN CAST((NULL) AS INT64[]) AS x");
        allowed("MATCH (n) RETURN n.x IS NULL AS b, n.y IS NOT NULL AS c");
        allowed("RETURN NULL");
        allowed("RETURN NULL, 1 AS x");
    }

    @Test
    void regexpFunctionsAreRefusedOnlyWhenCalled() {
        refused("RETURN `regexp_replace`('a', 'b', 'c')", Reason.UNSAFE).hasMessageContaining("regexp_replace(...)");
        refused("RETURN Regexp_Full_Match('a', 'b')", Reason.UNSAFE).hasMessageContaining("regexp_full_match(...)");
        allowed("WITH 1 AS regexp_replace RETURN regexp_replace");
        allowed("WITH 1 AS regexp_replace RETURN regexp_replace + 1");
        refused("RETURN 'a' =~ 'a'", Reason.UNSAFE).hasMessageContaining("the =~ operator");
    }

    @Test
    void refusedCharactersAreNamedWithTheirPosition() {
        refused("RETURN #1", Reason.UNRECOGNISED).hasMessageContaining("the character U+0023 ('#') at position 7,");
        refused("RETURN 1 AS a\u007f", Reason.UNRECOGNISED).hasMessageContaining("the character U+007F at position 13,");
        refused("RETURN 1 @", Reason.UNRECOGNISED).hasMessageContaining("U+0040 ('@') at position 9,");
        refused("RETURN 1 AS \uD835\uDC00", Reason.UNRECOGNISED).hasMessageContaining("U+D835 at position 12");
    }

    @Test
    void anIgnorableCharacterInsideAWordEndsItAndIsRefused() {
        for (String c : List.of("\u200b", "\u00ad\u200b", "\u2060")) {
            refused("MATCH (n) RETURN n.a" + c + "b", Reason.UNRECOGNISED);
        }
        assertThat(tokens("RETURN 1 AS a\u20acb")).containsExactly("word:RETURN", "number:1", "word:AS", "word:a\u20acb");
    }

    @Test
    void asciiWordsStartWithALetterOrUnderscoreAndGoOnWithDigitsAndDollars() {
        assertThat(tokens("RETURN 1 AS a, 2 AS z, 3 AS A, 4 AS Z, 5 AS _, 6 AS a09$zZ_"))
                .containsExactly("word:RETURN", "number:1", "word:AS", "word:a", "symbol:,", "number:2", "word:AS", "word:z",
                        "symbol:,", "number:3", "word:AS", "word:A", "symbol:,", "number:4", "word:AS", "word:Z", "symbol:,",
                        "number:5", "word:AS", "word:_", "symbol:,", "number:6", "word:AS", "word:a09$zZ_");
        assertThat(tokens("a[b{c}]`d`")).containsExactly("word:a", "symbol:[", "word:b", "symbol:{", "word:c", "symbol:}",
                "symbol:]", "quoted_name:d");
    }

    @Test
    void numbersAndParametersAreReadAsTheEngineReadsThem() {
        assertThat(tokens("1.5e3 1E-3 1e 1.e3 2.x $1 $`a b` $ab1 9"))
                .containsExactly("number:1.5e3", "number:1E-3", "number:1", "word:e", "number:1", "symbol:.", "word:e3",
                        "number:2", "symbol:.", "word:x", "parameter:1", "parameter:a b", "parameter:ab1", "number:9");
        assertThat(tokens("0 $0 1e-")).containsExactly("number:0", "parameter:0", "number:1", "word:e", "symbol:-");
        assertThat(tokens("$ 1")).containsExactly("symbol:$", "number:1");
    }

    @Test
    void unicodeEscapesTakeEightOrFourAsciiHexDigits() {
        assertThat(tokens("'\\u00411' '\\U0001F600x' '\\u0041234' '\\U0041'"))
                .containsExactly("string:\\u00411", "string:\\U0001F600x", "string:\\u0041234", "string:\\U0041");
        refused("RETURN '\\u\uff10\uff10\uff14\uff11'", Reason.MALFORMED).hasMessageContaining("the escape \\U+0075 ('u')");
        refused("RETURN '\\u004'", Reason.MALFORMED);
        refused("RETURN '\\#'", Reason.MALFORMED).hasMessageContaining("the escape \\U+0023 ('#') that the engine does not read");
    }

    @Test
    void commentsAndNamesThatRunToTheEndAreNotClosed() {
        refused("RETURN 1 /* x *", Reason.MALFORMED).hasMessageContaining("not closed");
        refused("RETURN 1 /*", Reason.MALFORMED).hasMessageContaining("not closed");
        refused("RETURN `a``", Reason.MALFORMED).hasMessageContaining("not closed");
        refused("RETURN ``", Reason.MALFORMED).hasMessageContaining("an empty name");
        allowed("RETURN 1 // to the end");
        allowed("RETURN 1 /**/");
        allowed("RETURN 1 /* * */");
        assertThat(tokens("RETURN 1 // x\r\nRETURN 2")).containsExactly("word:RETURN", "number:1", "word:RETURN", "number:2");
    }
}
