package dev.graphfleet.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KuzuEngineTest {

    @TempDir
    Path dir;

    private final GraphEngine engine = GraphEngines.load();

    private GraphDatabase open(boolean readOnly) {
        return engine.open(dir.resolve("g.kuzu"), new DatabaseSettings(64 * DatabaseSettings.MIB, 1L << 32, readOnly,
                512 * DatabaseSettings.MIB));
    }

    private static ConnectionSettings settings(Duration timeout) {
        return new ConnectionSettings(timeout, true, null);
    }

    @Test
    void theEngineIsKuzuFoundThroughTheServiceLoader() {
        assertThat(engine.name()).isEqualTo("kuzu");
        assertThat(engine.version()).isEqualTo("0.11.2");
        assertThat(engine.fileExtension()).isEqualTo(".kuzu");
    }

    @Test
    void valuesOfEveryKindComeBackAsPlainJava() {
        try (GraphDatabase db = open(false); GraphConnection c = db.connect(settings(Duration.ZERO))) {
            c.query("CREATE NODE TABLE P(id INT64, name STRING, tags STRING[], PRIMARY KEY(id))").close();
            c.query("CREATE REL TABLE K(FROM P TO P, since INT64)").close();
            c.query("CREATE (:P {id: 1, name: 'a', tags: ['x', 'y']}), (:P {id: 2, name: 'b'})").close();
            c.query("MATCH (a:P {id: 1}), (b:P {id: 2}) CREATE (a)-[:K {since: 5}]->(b)").close();

            List<Object> row = c.query("MATCH (a:P {id: 1})-[k:K]->(b:P) RETURN a, k, a.tags, b.tags, "
                    + "{n: 1, s: 'x'} AS st, date('2024-01-02') AS d, timestamp('2024-01-02 03:04:05') AS ts, 1.5 AS f, "
                    + "true AS t, NULL AS nothing").all().get(0);
            assertThat((Map<String, Object>) row.get(0)).containsEntry("_label", "P").containsEntry("id", 1L)
                    .containsEntry("name", "a").containsEntry("tags", List.of("x", "y")).containsKey("_id");
            assertThat((Map<String, Object>) row.get(1)).containsEntry("_label", "K").containsEntry("since", 5L)
                    .containsKeys("_src", "_dst");
            assertThat(row.get(2)).isEqualTo(List.of("x", "y"));
            assertThat(row.get(3)).isNull();
            assertThat(row.get(4)).isEqualTo(Map.of("n", 1L, "s", "x"));
            assertThat(row.get(5)).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(row.get(6)).isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
            assertThat(row.subList(7, 10)).containsExactly(1.5, true, null);
        }
    }

    @Test
    void parametersOfEveryKindAreBound() {
        try (GraphDatabase db = open(false); GraphConnection c = db.connect(settings(Duration.ZERO))) {
            List<Object> row = c.query("RETURN $i + 1, $s, $b, $d, $l, $m.k",
                    Map.of("i", 41, "s", "text", "b", true, "d", LocalDate.of(2020, 5, 6),
                            "l", List.of(1L, 2L), "m", Map.of("k", "v"))).all().get(0);
            assertThat(row).containsExactly(42L, "text", true, LocalDate.of(2020, 5, 6), List.of(1L, 2L), "v");
            assertThatThrownBy(() -> c.query("RETURN $x", Map.of("x", new Object())))
                    .hasMessageContaining("parameter x: unsupported type Object");
        }
    }

    @Test
    void aCachedPreparedStatementSurvivesASchemaChange() {
        try (GraphDatabase db = open(false); GraphConnection c = db.connect(settings(Duration.ZERO))) {
            c.query("CREATE NODE TABLE T(id INT64, PRIMARY KEY(id))").close();
            c.query("CREATE (:T {id: 1})").close();
            String lookup = "MATCH (t:T) WHERE t.id = $id RETURN t.id";
            assertThat(c.query(lookup, Map.of("id", 1)).all()).containsExactly(List.of(1L));
            assertThat(c.query(lookup, Map.of("id", 1)).all()).containsExactly(List.of(1L)); // cached
            c.query("DROP TABLE T").close();
            c.query("CREATE NODE TABLE T(id INT64, PRIMARY KEY(id))").close();
            c.query("CREATE (:T {id: 2})").close();
            assertThat(c.query(lookup, Map.of("id", 2)).all()).containsExactly(List.of(2L));
            c.query("DROP TABLE T").close();
            assertKind(() -> c.query(lookup, Map.of("id", 2)), GraphException.Kind.BINDING);
        }
    }

    @Test
    void errorsAreClassifiedSoCallersCanAnswerTheRightStatus() {
        try (GraphDatabase db = open(false); GraphConnection c = db.connect(settings(Duration.ZERO))) {
            assertKind(() -> c.query("MATCH (n:P RETURN n"), GraphException.Kind.SYNTAX);
            assertKind(() -> c.query("MATCH (n:Missing) RETURN n"), GraphException.Kind.BINDING);
            assertKind(() -> c.query("MATCH (n:Missing) WHERE n.id = $id RETURN n", Map.of("id", 1)),
                    GraphException.Kind.BINDING);
            c.query("CREATE NODE TABLE U(id INT64, PRIMARY KEY(id))").close();
            c.query("CREATE (:U {id: 1})").close();
            assertKind(() -> c.query("CREATE (:U {id: 1})"), GraphException.Kind.CONSTRAINT);
        }
    }

    @Test
    void theQueryTimeoutReallyCancelsTheQuery() {
        try (GraphDatabase db = open(false)) {
            try (GraphConnection setup = db.connect(settings(Duration.ZERO))) {
                setup.query("CREATE NODE TABLE N(id INT64, PRIMARY KEY(id))").close();
                setup.query("UNWIND range(1, 3000) AS i CREATE (:N {id: i})").close();
            }
            try (GraphConnection c = db.connect(settings(Duration.ofMillis(100)))) {
                // 27 billion combinations: minutes of work unless the engine stops it.
                assertKind(() -> c.query("MATCH (a:N), (b:N), (x:N) WHERE a.id + b.id + x.id = -1 RETURN count(*)").all(),
                        GraphException.Kind.INTERRUPTED);
                assertThat(c.query("RETURN 1").all()).containsExactly(List.of(1L)); // still usable
            }
        }
    }

    @Test
    void readOnlyDatabasesRefuseWritesAndSpillToDiskIsNotAppliedToThem() {
        try (GraphDatabase db = open(false); GraphConnection c = db.connect(settings(Duration.ZERO))) {
            c.query("CREATE NODE TABLE U(id INT64, PRIMARY KEY(id))").close();
        }
        try (GraphDatabase db = open(true); GraphConnection c = db.connect(settings(Duration.ZERO))) {
            assertThat(db.readOnly()).isTrue();
            assertKind(() -> c.query("CREATE (:U {id: 1})"), GraphException.Kind.READ_ONLY);
            assertThat(c.query("CALL current_setting('spill_to_disk') RETURN *").all()).hasSize(1);
        }
    }

    @Test
    void settingsAreExplicitAndChecked() {
        assertThatThrownBy(() -> new DatabaseSettings(1024, 1L << 32, false, 1))
                .hasMessageContaining("buffer pool must be at least 16 MiB");
        assertThatThrownBy(() -> new DatabaseSettings(64 * DatabaseSettings.MIB, 3_000_000_000L, false, 1))
                .hasMessageContaining("power of two");
        try (GraphDatabase db = open(false); GraphConnection c = db.connect(settings(Duration.ZERO))) {
            List<Object> memory = c.query("CALL bm_info() RETURN *").all().get(0);
            assertThat(memory.get(0)).isEqualTo(java.math.BigInteger.valueOf(64 * DatabaseSettings.MIB));
        }
    }

    private static void assertKind(Runnable action, GraphException.Kind kind) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind));
    }
}
