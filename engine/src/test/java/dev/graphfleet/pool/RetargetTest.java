package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.graph.GraphEngines;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository moving to a new version: no query fails, none waits, the old Database closes after. */
class RetargetTest {

    @TempDir
    Path dir;

    private Path version(String name, long facts) {
        Path versionDir = dir.resolve(name);
        try (GraphPool writer = TestPools.writer(versionDir, 1)) {
            writer.query("sec", "CREATE NODE TABLE Fact(id INT64, PRIMARY KEY(id))");
            writer.query("sec", "UNWIND range(1, " + facts + ") AS i CREATE (:Fact {id: i})");
            writer.forceCleanup("sec");
        }
        return versionDir.resolve("sec.kuzu");
    }

    private static DatabaseSpec readOnlySpec(Path file) {
        return TestPools.smallDefaults(2).withReadOnly(true).specFor("sec", file, null);
    }

    @Test
    void newBorrowsMoveToTheNewVersionWhileAQueryInFlightFinishesOnTheOld() {
        Path v1 = version("v1", 10);
        Path v2 = version("v2", 20);
        try (GraphPool pool = new GraphPool(GraphEngines.load(), new DirectoryCatalog(dir, ".kuzu",
                TestPools.smallDefaults(2).withReadOnly(true), false), TestPools.manualMaintenance())) {
            pool.retarget(readOnlySpec(v1));
            try (PooledConnection onOld = pool.borrow("sec")) {
                assertThat(onOld.query("MATCH (f:Fact) RETURN count(f)").all()).containsExactly(List.of(10L));

                pool.retarget(readOnlySpec(v2));
                assertThat(pool.query("sec", "MATCH (f:Fact) RETURN count(f)")).containsExactly(List.of(20L));
                // The query that started on v1 still runs on v1; v1 is still open for it.
                assertThat(onOld.query("MATCH (f:Fact) RETURN count(f)").all()).containsExactly(List.of(10L));
                assertThat(pool.statistics().databasesClosed()).isZero();
            }
            PoolStatistics stats = pool.statistics();
            assertThat(stats.databasesOpened()).isEqualTo(2);
            assertThat(stats.databasesClosed()).isEqualTo(1); // v1, once its last connection came back
            assertThat(stats.databases().get("sec").total()).isEqualTo(1); // only the v2 connection is left
        }
    }

    @Test
    void writableDatabasesCannotBeRetargeted() {
        try (GraphPool pool = TestPools.writer(dir, 2)) {
            DatabaseSpec writable = TestPools.smallDefaults(2).specFor("sec", dir.resolve("x.kuzu"), null);
            pool.query("sec", "RETURN 1");
            assertThatThrownBy(() -> pool.retarget(writable)).hasMessageContaining("only read-only");
        }
    }
}
