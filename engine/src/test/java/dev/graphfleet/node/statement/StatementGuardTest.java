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
}
