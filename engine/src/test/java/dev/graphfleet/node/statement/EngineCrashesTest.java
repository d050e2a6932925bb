package dev.graphfleet.node.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.node.statement.StatementRefusedException.Reason;
import dev.graphfleet.testing.engine.EngineProbeProcess;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The constructs the engine crashes on whatever the stack (found by the fuzz campaign): each
 * crashes the real engine in a child JVM, and the guard refuses it; the suggested replacement runs.
 */
class EngineCrashesTest {

    private static final List<String> SETUP = List.of("CREATE NODE TABLE N(id INT64, name STRING, PRIMARY KEY(id))",
            "UNWIND range(1, 50) AS i CREATE (:N {id: i, name: 'n' + CAST(i AS STRING)})");
    private static final List<String> CRASHING = List.of("MATCH (m:N) RETURN m.id =~ 'a'",
            "MATCH (m:N) WHERE (m.id > 1) =~ 'a' RETURN count(*)", "MATCH (m:N) RETURN regexp_full_match('a', m.id)",
            "MATCH (m:N) RETURN regexp_replace(m.id, 'a', 'b')", "RETURN 1 IN NULL", "EXPLAIN RETURN -1 IN (NULL)",
            "RETURN list_contains(NULL, 1)", "RETURN size(range(0, 4611686018427387904))",
            "RETURN size(range(-9223372036854775808, 8, -32))", "WITH NULL AS l RETURN 1 IN l",
            "WITH [1] AS a, (NULL) AS l RETURN list_contains(l, 1)");

    private final StatementGuard guard = new StatementGuard(StatementPolicy.DEFAULTS);

    @Test
    void eachCrashesTheEngineAndTheGuardRefusesIt(@TempDir Path dir) {
        try (EngineProbeProcess engine = new EngineProbeProcess(dir, "4m", 4L * 1024 * 1024)) {
            for (String cypher : CRASHING) {
                SETUP.forEach(engine::run);
                assertThat(engine.run(cypher).crashed()).as(cypher).isTrue();
                assertThatThrownBy(() -> guard.check(cypher)).as(cypher)
                        .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.UNSAFE))
                        .hasMessageContaining("crashes the node");
            }
            SETUP.forEach(engine::run);
            String instead = "MATCH (m:N) RETURN regexp_matches(m.id, '^(?:a)$'), regexp_matches(m.name, '^(?:n1.*)$')";
            assertThatCode(() -> guard.check(instead)).doesNotThrowAnyException();
            assertThat(engine.run(instead).ok()).isTrue();
        }
    }

    @Test
    void aNullOrMissingParameterOnTheRightOfInIsRefusedAndAListIsNot() {
        java.util.Map<String, Object> nullIds = new java.util.HashMap<>();
        nullIds.put("ids", null);
        for (java.util.Map<String, ?> parameters : List.of(nullIds, java.util.Map.<String, Object>of())) {
            assertThatThrownBy(() -> guard.check("MATCH (m) WHERE m.id IN $ids RETURN m", parameters))
                    .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.UNSAFE))
                    .hasMessageContaining("an empty list");
        }
        assertThatThrownBy(() -> guard.check("RETURN list_has(($l), 1)", nullIds)).hasMessageContaining("list_has");
        assertThatCode(() -> guard.check("MATCH (m) WHERE m.id IN $ids RETURN m", java.util.Map.of("ids", List.of(1))))
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.check("RETURN NULL IN [1], 1 IN [NULL]")).doesNotThrowAnyException();
    }

    @Test
    void onlyATypedNullMayBeBoundToAName(@TempDir Path dir) {
        java.util.Map<String, Object> nullL = new java.util.HashMap<>();
        nullL.put("l", null);
        for (String cypher : List.of("WITH NULL AS l RETURN l", "UNWIND [1] AS x WITH x, ((NULL)) AS l RETURN x",
                "RETURN NULL AS l", "WITH $l AS l RETURN 1 IN l")) {
            assertThatThrownBy(() -> guard.check(cypher, nullL)).as(cypher)
                    .satisfies(e -> assertThat(((StatementRefusedException) e).reason()).isEqualTo(Reason.UNSAFE))
                    .hasMessageContaining("CAST(NULL AS INT64[]) AS name");
        }
        String typed = "WITH CAST(NULL AS INT64[]) AS l, CAST((NULL) AS STRING) AS s RETURN 1 IN l, s, NULL IS NULL AS t, "
                + "s IS NOT NULL AS u";
        assertThatCode(() -> guard.check(typed)).doesNotThrowAnyException();
        try (EngineProbeProcess engine = new EngineProbeProcess(dir, "4m", 4L * 1024 * 1024)) {
            assertThat(engine.run(typed).ok()).as(typed).isTrue();
        }
    }

    @Test
    void rangeTakesIntegerLiteralsOfABoundedCount() {
        assertThatCode(() -> guard.check("UNWIND range(1, 20000) AS i RETURN sum(i), range(-5, 5, 2), range(5, 1, -1)"))
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.check("RETURN range(0, " + (EngineCrashes.MAX_RANGE - 1) + "), n.range")).doesNotThrowAnyException();
        for (String cypher : List.of("RETURN range(0, " + EngineCrashes.MAX_RANGE + ")", "RETURN range(1, $n)",
                "RETURN range(0, 10 * 10)", "RETURN range(1)", "RETURN RANGE(0, 9223372036854775807)")) {
            assertThatThrownBy(() -> guard.check(cypher)).as(cypher).hasMessageContaining("range(");
        }
    }

    @Test
    void theWordsAsDataOrNamesStayAllowed() {
        assertThatCode(() -> guard.check("RETURN 'a =~ b', 'regexp_replace(x)' AS regexp_replace")).doesNotThrowAnyException();
        assertThatThrownBy(() -> guard.check("RETURN `regexp_replace`('a', 'a', 'b')")).hasMessageContaining("regexp_replace");
    }
}
