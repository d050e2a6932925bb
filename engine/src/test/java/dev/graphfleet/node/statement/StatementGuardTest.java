package dev.graphfleet.node.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.node.statement.StatementRefusedException.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementGuardTest {

    private final StatementGuard guard = new StatementGuard(StatementPolicy.DEFAULTS);

    /** Everything a query must not do, with the usual bypass attempts: case, comments, prefixes, a second statement. */
    @ParameterizedTest
    @ValueSource(strings = {
        "ATTACH '/etc/other.kuzu' AS o (dbtype kuzu)",
        "attach '/etc/other.kuzu' as o",
        "AtTaCh '/x' AS y",
        "/* hello */ ATTACH '/x' AS y",
        "// a comment\nATTACH '/x' AS y",
        "RETURN 1; ATTACH '/x' AS y",
        "RETURN 'a;b'; ATTACH '/x' AS y",
        "RETURN 1 ;\n\t ATTACH '/x' AS y",
        "EXPLAIN ATTACH '/x' AS y",
        "PROFILE COPY Person TO '/tmp/out.csv'",
        "DETACH o",
        "USE o",
        "use o",
        "COPY Person TO '/tmp/people.csv'",
        "COPY (MATCH (p:Person) RETURN p.*) TO '/tmp/people.parquet'",
        "COPY Person FROM '/etc/passwd'",
        "COPY Person FROM ['/a.csv', '/b.csv']",
        "copy Person from $file",
        "LOAD FROM '/etc/passwd' RETURN *",
        "LOAD WITH HEADERS (a STRING) FROM '/etc/passwd' RETURN *",
        "MATCH (p:Person) WITH p LOAD FROM '/etc/hosts' RETURN *",
        "LOAD EXTENSION httpfs",
        "LOAD httpfs",
        "INSTALL httpfs",
        "UNINSTALL httpfs",
        "EXPORT DATABASE '/tmp/dump'",
        "IMPORT DATABASE '/tmp/dump'",
        "CALL home_directory = '/'",
        "CALL file_search_path='/etc'",
        "CALL timeout = 0",
        "CALL threads=64",
        "call spill_to_disk = false",
        "CALL show_attached_databases() RETURN *",
        "CALL current_setting('home_directory') RETURN *",
        "CALL `show_attached_databases`() RETURN *",
        "MATCH (p:Person) CALL unknown_function(p) RETURN 1",
        "RETURN 1 /* ; */ ; USE o",
        "RETURN \"it\\\"s\"; USE o",
        "RETURN 'it\\'s'; USE o",
    })
    void statementsThatReachFilesOrOtherDatabasesAreDenied(String cypher) {
        assertThatThrownBy(() -> guard.check(cypher)).isInstanceOf(StatementRefusedException.class)
                .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.DENIED))
                .hasMessageContaining("is not allowed over the API");
    }

    /** The same words as data, names, properties and labels stay allowed. */
    @ParameterizedTest
    @ValueSource(strings = {
        "RETURN 'ATTACH /etc/passwd AS x'",
        "RETURN \"USE other; COPY x TO '/tmp'\"",
        "RETURN 1 // ; ATTACH '/x' AS y",
        "RETURN 1 /* ; LOAD FROM '/etc/passwd' */",
        "MATCH (p:Person) DETACH DELETE p",
        "match (p:Person) detach delete p",
        "MATCH (`use`:Person) RETURN `use`.name",
        "MATCH (p:Person) RETURN p.load, p.copy, p.attach",
        "CREATE (:Person {id: 1, name: 'COPY Person TO x'})",
        "MATCH (p) WHERE p.name CONTAINS 'LOAD FROM' RETURN p",
        "CALL show_tables() RETURN *",
        "CALL table_info('Person') RETURN *",
        "CALL SHOW_TABLES() RETURN *",
        "CALL db_version() RETURN *",
        "EXPLAIN MATCH (p:Person) RETURN p",
        "UNWIND [1, 2] AS copy RETURN copy",
        "RETURN 'a\\'; ATTACH x'",
        "",
    })
    void ordinaryQueriesWithTheKeywordsAsDataAreAllowed(String cypher) {
        assertThatCode(() -> guard.check(cypher)).doesNotThrowAnyException();
    }

    @Test
    void copyFromIsAllowedOnlyWhenConfiguredAndCopyToNever() {
        StatementGuard loader = new StatementGuard(StatementPolicy.DEFAULTS.withAllowCopyFrom(true));
        assertThatCode(() -> loader.check("COPY Person FROM '/data/people.csv'")).doesNotThrowAnyException();
        assertThatCode(() -> loader.check("COPY Person FROM (UNWIND [1] AS i RETURN i, 'x')")).doesNotThrowAnyException();
        assertThatThrownBy(() -> loader.check("COPY Person TO '/tmp/x.csv'")).hasMessageContaining("COPY ... TO");
        assertThatThrownBy(() -> loader.check("COPY Person FROM (LOAD FROM '/etc/passwd' RETURN *)"))
                .hasMessageContaining("LOAD FROM");
        assertThatThrownBy(() -> guard.check("COPY Person FROM '/data/people.csv'"))
                .hasMessageContaining("node.api.allow_copy_from: true");
    }

    @Test
    void explicitTransactionsAreRefusedAsBefore() {
        for (String cypher : List.of("BEGIN TRANSACTION", "RETURN 1; COMMIT", "rollback", "/* x */ BEGIN TRANSACTION READ ONLY")) {
            assertThatThrownBy(() -> guard.check(cypher)).as(cypher)
                    .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.TRANSACTION))
                    .hasMessageContaining("explicit transactions");
        }
        assertThatCode(() -> guard.check("RETURN 'BEGIN'")).doesNotThrowAnyException();
    }

    @Test
    void anUnterminatedStringOrCommentCannotHideAStatement() {
        for (String cypher : List.of("RETURN 'abc; ATTACH '/x' AS y", "RETURN 1 /* ATTACH", "RETURN `abc")) {
            assertThatThrownBy(() -> guard.check(cypher)).as(cypher)
                    .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.MALFORMED))
                    .hasMessageContaining("not closed");
        }
    }

    @Test
    void settingsAndUnknownCallsNameTheReasonAndTheAllowedFunctions() {
        assertThatThrownBy(() -> guard.check("CALL timeout = 0")).hasMessageContaining("connection's settings");
        assertThatThrownBy(() -> guard.check("CALL show_attached_databases() RETURN *"))
                .hasMessageContaining("CALL show_attached_databases").hasMessageContaining("show_warnings, storage_info, table_info");
    }

    @Test
    void theTokenizerKeepsStringsNamesAndSymbolsApartAndDropsComments() {
        List<CypherToken> tokens = CypherTokenizer.tokenize("MATCH (`a``b`:L) // x\n WHERE a.n = 'q\\'s' /* y */ RETURN $p, 1.5");
        assertThat(tokens).extracting(CypherToken::toString).containsExactly("word:MATCH", "symbol:(", "quoted_name:a`b",
                "symbol::", "word:L", "symbol:)", "word:WHERE", "word:a", "symbol:.", "word:n", "symbol:=", "string:q's",
                "word:RETURN", "parameter:p", "symbol:,", "number:1.5");
        // A look-alike is not the keyword: the engine's lexer reads ASCII only, and so do we.
        assertThat(new CypherToken(CypherToken.Kind.WORD, "\u0130NSTALL").isKeyword("INSTALL")).isFalse();
        assertThat(new CypherToken(CypherToken.Kind.WORD, "install").isKeyword("INSTALL")).isTrue();
    }

    /** The allow-list: a statement that begins with anything the guard does not recognise is refused. */
    @ParameterizedTest
    @ValueSource(strings = {
        "FOO BAR",
        "( RETURN 1 )",
        "'ATTACH' RETURN 1",
        "`ATTACH` '/x' AS y",
        "$x",
        "1",
        "\uff21TTACH '/x' AS y (dbtype kuzu)",
        "\u0410TTACH '/x' AS y (dbtype kuzu)",
        "PROFILE",
        "EXPLAIN",
        "CALL show_tables",
        "CALL 1",
        "RETURN 1; FOO",
        "CREATE USER u",
        "UPDATE httpfs",
        "FORCE INSTALL httpfs",
    })
    void anythingNotRecognisedIsRefused(String cypher) {
        assertThatThrownBy(() -> guard.check(cypher)).as(cypher).isInstanceOf(StatementRefusedException.class)
                .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isIn(Reason.UNRECOGNISED, Reason.DENIED));
    }

    /** Each character the engine's lexer skips is whitespace to the guard too: no bypass by U+00A0. */
    @Test
    void everyEngineWhitespaceCharacterSeparatesTokensForTheGuardAsForTheEngine() {
        for (char c : CypherTokenizer.engineWhitespace().toCharArray()) {
            String name = String.format("U+%04X", (int) c);
            assertThatThrownBy(() -> guard.check(c + "COPY F FROM '/etc/passwd'")).as(name)
                    .hasMessageContaining("COPY ... FROM");
            assertThatThrownBy(() -> guard.check("RETURN 1;" + c + "ATTACH" + c + "'/x'" + c + "AS y")).as(name)
                    .hasMessageContaining("ATTACH");
            assertThat(CypherTokenizer.tokenize("RETURN" + c + "1")).as(name).extracting(CypherToken::toString)
                    .containsExactly("word:RETURN", "number:1");
        }
    }

    /** Java's whitespace is not the engine's: these are refused, named by their code point. */
    @ParameterizedTest
    @ValueSource(strings = {"\u0085", "\u200b", "\ufeff", "\u200c", "\u200d", "\u2060", "\u0000", "\u007f", "\u0007"})
    void charactersTheEngineDoesNotSkipAreRefusedByCodePoint(String c) {
        String code = String.format("U+%04X", (int) c.charAt(0));
        for (String cypher : List.of(c + "ATTACH '/x' AS y", "RETURN 1" + c, "MATCH (n)" + c + "RETURN n")) {
            assertThatThrownBy(() -> guard.check(cypher)).as(code)
                    .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.UNRECOGNISED))
                    .hasMessageContaining(code).hasMessageNotContaining("ATTACH '/x'");
        }
        assertThatCode(() -> guard.check("RETURN 'a" + c + "b'")).as("inside a string " + code).doesNotThrowAnyException();
    }

    /** Comments end where the engine's lexer ends them, not where a simple search for the closing mark would. */
    @Test
    void commentsEndWhereTheEngineEndsThem() {
        // The engine reads "**/" as a star pair then a slash: the comment goes on to the next "*/".
        assertThatCode(() -> guard.check("RETURN 1 /* **/ ; ATTACH '/x' AS y */")).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check("RETURN 1 /* ***/ ; ATTACH '/x' AS y")).hasMessageContaining("ATTACH");
        assertThatThrownBy(() -> guard.check("RETURN 1 /* **/ ; ATTACH '/x' AS y")).hasMessageContaining("not closed");
        // A carriage return alone does not end a // comment for the engine: refused, not guessed.
        assertThatThrownBy(() -> guard.check("RETURN 1 // x\r; ATTACH '/x' AS y"))
                .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.UNRECOGNISED));
        assertThatThrownBy(() -> guard.check("RETURN 1 // x\r\n; ATTACH '/x' AS y")).hasMessageContaining("ATTACH");
    }

    @Test
    void stringEscapesTheEngineDoesNotReadAreRefused() {
        for (String cypher : List.of("RETURN '\\q'", "RETURN '\\x41'", "RETURN '\\u00'", "RETURN 'a\\")) {
            assertThatThrownBy(() -> guard.check(cypher)).as(cypher)
                    .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.MALFORMED));
        }
        assertThatCode(() -> guard.check("RETURN '\\u0041\\U00000041\\n\\t\\\\\\'\\\"'")).doesNotThrowAnyException();
    }

    @Test
    void identifiersFollowTheEngineUnicodeRules() {
        assertThat(CypherTokenizer.tokenize("RETURN 1 AS \u0436\u0436, 2 AS a$b, 3 AS \u203fa"))
                .extracting(CypherToken::toString).containsExactly("word:RETURN", "number:1", "word:AS", "word:\u0436\u0436",
                        "symbol:,", "number:2", "word:AS", "word:a$b", "symbol:,", "number:3", "word:AS", "word:\u203fa");
        // A non-ASCII digit starts nothing the engine reads; the engine's Unicode dashes are dashes.
        assertThatThrownBy(() -> guard.check("RETURN 1 AS \u0661")).hasMessageContaining("U+0661");
        assertThat(CypherTokenizer.tokenize("(a)\u27e8\u2010[]\u2010(b)")).extracting(CypherToken::toString)
                .containsExactly("symbol:(", "word:a", "symbol:)", "symbol:<", "symbol:-", "symbol:[", "symbol:]",
                        "symbol:-", "symbol:(", "word:b", "symbol:)");
        assertThat(CypherTokenizer.tokenize("RETURN 1abc, 1e-5, .5")).extracting(CypherToken::toString)
                .containsExactly("word:RETURN", "number:1", "word:abc", "symbol:,", "number:1e-5", "symbol:,", "number:.5");
    }

    /** Writers may write and change their schema; a read-only node refuses each write as read_only. */
    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE (:Person {id: 1})",
        "MATCH (p:Person) SET p.name = 'x'",
        "MATCH (p:Person) DELETE p",
        "MATCH (p:Person) DETACH DELETE p",
        "MERGE (p:Person {id: 1}) ON CREATE SET p.name = 'x'",
        "MATCH (p) WITH p CREATE (:Person {id: 2})",
        "CREATE NODE TABLE T(id INT64, PRIMARY KEY(id))",
        "CREATE REL TABLE R(FROM Person TO Person)",
        "DROP TABLE T",
        "ALTER TABLE Person ADD age INT64",
        "COMMENT ON TABLE Person IS 'people'",
        "CREATE MACRO m(x) AS x + 1",
        "CREATE SEQUENCE s",
        "CHECKPOINT",
        "checkpoint;",
        "EXPLAIN CREATE (:Person {id: 1})",
        "RETURN 1; CREATE (:Person {id: 1})",
    })
    void writesRunOnWritersAndAreReadOnlyOnAReadOnlyNode(String cypher) {
        assertThatCode(() -> guard.check(cypher)).as(cypher).doesNotThrowAnyException();
        StatementGuard readOnly = new StatementGuard(StatementPolicy.DEFAULTS.withReadOnly(true));
        assertThatThrownBy(() -> readOnly.check(cypher)).as(cypher)
                .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.READ_ONLY))
                .hasMessageContaining("read-only");
    }

    @Test
    void aReadOnlyNodeStillReads() {
        StatementGuard readOnly = new StatementGuard(StatementPolicy.DEFAULTS.withReadOnly(true));
        for (String cypher : List.of("MATCH (p:Person) RETURN p.name, p.set", "CALL show_tables() RETURN *",
                "MATCH (p:Person) WHERE p.name = 'CREATE' RETURN p", "UNWIND [1] AS x RETURN x")) {
            assertThatCode(() -> readOnly.check(cypher)).as(cypher).doesNotThrowAnyException();
        }
        assertThatThrownBy(() -> new StatementGuard(StatementPolicy.DEFAULTS.withAllowCopyFrom(true).withReadOnly(true))
                .check("COPY Person FROM '/data/p.csv'")).hasMessageContaining("read-only");
    }

    /** Nesting and chains are bounded before the engine recurses on them; each refusal names the bound. */
    @Test
    void nestingAndChainsAreBoundedNamingTheLimit() {
        QueryShape.Limits limits = QueryShape.DEFAULT_LIMITS;
        int depth = limits.maxNesting();
        assertThatCode(() -> guard.check("RETURN " + "(".repeat(depth) + "1" + ")".repeat(depth))).doesNotThrowAnyException();
        for (String cypher : List.of("RETURN " + "(".repeat(depth + 1) + "1" + ")".repeat(depth + 1),
                "RETURN " + "[".repeat(depth + 1) + "1" + "]".repeat(depth + 1),
                "RETURN " + "{a: ".repeat(depth + 1) + "1" + "}".repeat(depth + 1),
                "RETURN " + "([{".repeat(depth / 3 + 1) + "1" + "}])".repeat(depth / 3 + 1),
                "RETURN " + "(".repeat(depth + 1))) {
            assertThatThrownBy(() -> guard.check(cypher)).as(cypher.substring(0, 30))
                    .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.TOO_DEEP))
                    .hasMessageContaining("nesting deeper than " + depth + " levels");
        }
        int cases = limits.maxCaseNesting();
        assertThatCode(() -> guard.check("RETURN " + "CASE WHEN true THEN ".repeat(cases) + "1" + " END".repeat(cases)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check("RETURN " + "CASE WHEN true THEN (".repeat(cases + 1) + "1" + ") END".repeat(cases + 1)))
                .hasMessageContaining("CASE nested deeper than " + cases + " levels");
        assertThatThrownBy(() -> guard.check("RETURN " + "NOT ".repeat(limits.maxPrefixChain() + 1) + "true"))
                .hasMessageContaining("more than " + limits.maxPrefixChain() + " NOT in a row");
        assertThatThrownBy(() -> guard.check("RETURN " + "-".repeat(limits.maxPrefixChain() + 1) + "1"))
                .hasMessageContaining("more than " + limits.maxPrefixChain() + " - in a row");
        assertThatThrownBy(() -> guard.check("RETURN 1" + "+1".repeat(limits.maxOperatorChain() + 1)))
                .hasMessageContaining("more than " + limits.maxOperatorChain() + " operators");
        assertThatThrownBy(() -> guard.check("MATCH (a)" + "-[]->()".repeat(limits.maxOperatorChain()) + " RETURN a"))
                .hasMessageContaining("pattern steps");
        // Many short expressions are not one long chain.
        assertThatCode(() -> guard.check("RETURN " + "1 + 1, ".repeat(limits.maxOperatorChain()) + "1")).doesNotThrowAnyException();
        assertThatCode(() -> guard.check("MATCH (a) WHERE " + "a.x = 1 AND ".repeat(limits.maxOperatorChain() / 4) + "true RETURN a"))
                .doesNotThrowAnyException();
    }

    @Test
    void refusalsNeverEchoLongInput() {
        String longName = "a".repeat(5_000);
        for (String cypher : List.of("CALL " + longName + "() RETURN *", longName + " x", "CALL " + longName + " = 1")) {
            assertThatThrownBy(() -> guard.check(cypher)).satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(700)
                    .doesNotContain("a".repeat(50)));
        }
    }

    @Test
    void aVariableNamedCallIsNotACall() {
        assertThatCode(() -> guard.check("WITH 1 AS call RETURN call + 1 AS x")).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check("WITH 1 AS x CALL current_setting('threads') RETURN *"))
                .hasMessageContaining("CALL current_setting");
        assertThatThrownBy(() -> guard.check("CALL show_functions() RETURN *")).hasMessageContaining("CALL show_functions");
    }

    /**
     * Every word Kùzu 0.11.2 accepts at the start of a statement (its parser lists them when a
     * statement begins with ';'), each classified: none falls through to a default.
     */
    @Test
    void everyStatementKindTheEngineKnowsIsClassified() {
        java.util.Map<String, String> leads = new java.util.LinkedHashMap<>();
        leads.put("ALTER TABLE T ADD x INT64", "write");
        leads.put("ATTACH '/x' AS y (dbtype kuzu)", "DENIED");
        leads.put("BEGIN TRANSACTION", "TRANSACTION");
        leads.put("CALL show_tables() RETURN *", "read");
        leads.put("CHECKPOINT", "write");
        leads.put("COMMENT ON TABLE T IS 'x'", "write");
        leads.put("COMMIT", "TRANSACTION");
        leads.put("COPY T FROM '/x.csv'", "DENIED");
        leads.put("CREATE (:T {id: 1})", "write");
        leads.put("DELETE n", "write");
        leads.put("DETACH x", "DENIED");
        leads.put("DROP TABLE T", "write");
        leads.put("EXPLAIN RETURN 1", "read");
        leads.put("EXPORT DATABASE '/x'", "DENIED");
        leads.put("FORCE INSTALL httpfs", "DENIED");
        leads.put("IMPORT DATABASE '/x'", "DENIED");
        leads.put("INSTALL httpfs", "DENIED");
        leads.put("LOAD EXTENSION httpfs", "DENIED");
        leads.put("MATCH (n) RETURN n", "read");
        leads.put("MERGE (:T {id: 1})", "write");
        leads.put("OPTIONAL MATCH (n) RETURN n", "read");
        leads.put("PROFILE RETURN 1", "read");
        leads.put("RETURN 1", "read");
        leads.put("ROLLBACK", "TRANSACTION");
        leads.put("SET n.x = 1", "write");
        leads.put("UNWIND [1] AS x RETURN x", "read");
        leads.put("UNINSTALL httpfs", "DENIED");
        leads.put("UPDATE httpfs", "DENIED");
        leads.put("USE x", "DENIED");
        leads.put("WITH 1 AS x RETURN x", "read");
        StatementGuard readOnly = new StatementGuard(StatementPolicy.DEFAULTS.withReadOnly(true));
        leads.forEach((cypher, kind) -> {
            switch (kind) {
                case "read" -> {
                    assertThatCode(() -> guard.check(cypher)).as(cypher).doesNotThrowAnyException();
                    assertThatCode(() -> readOnly.check(cypher)).as(cypher).doesNotThrowAnyException();
                }
                case "write" -> {
                    assertThatCode(() -> guard.check(cypher)).as(cypher).doesNotThrowAnyException();
                    assertThatThrownBy(() -> readOnly.check(cypher)).as(cypher)
                            .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.READ_ONLY));
                }
                default -> assertThatThrownBy(() -> guard.check(cypher)).as(cypher)
                        .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.valueOf(kind)));
            }
        });
        assertThat(leads).hasSize(30);
    }
}
