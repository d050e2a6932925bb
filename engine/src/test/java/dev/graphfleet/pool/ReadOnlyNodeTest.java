package dev.graphfleet.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.graphfleet.graph.GraphException;
import dev.graphfleet.testing.engine.TestPools;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlyNodeTest {

    @TempDir
    Path dataDir;

    @Test
    void aReadOnlyNodeServesReadsAndRejectsWritesClearly() {
        try (GraphPool writer = TestPools.writer(dataDir, 2)) {
            writer.query("repo", "CREATE NODE TABLE R(id INT64, PRIMARY KEY(id))");
            writer.query("repo", "CREATE (:R {id: 7})");
        }
        try (GraphPool replica = TestPools.readOnly(dataDir, 2)) {
            assertThat(replica.query("repo", "MATCH (r:R) RETURN r.id")).containsExactly(List.of(7L));
            assertThatThrownBy(() -> replica.query("repo", "CREATE (:R {id: 8})"))
                    .isInstanceOfSatisfying(GraphException.class, e -> {
                        assertThat(e.kind()).isEqualTo(GraphException.Kind.READ_ONLY);
                        assertThat(e.isCallerError()).isTrue();
                    })
                    .hasMessageContaining("read-only");
            assertThatThrownBy(() -> replica.borrow("missing"))
                    .isInstanceOf(UnknownDatabaseException.class)
                    .hasMessageContaining("no database missing");
        }
        assertThat(dataDir.resolve("missing.kuzu")).doesNotExist();
    }

    @Test
    void aFirstReadOnWriterDoesNotLockItReadOnly() {
        try (GraphPool writer = TestPools.writer(dataDir, 2)) {
            assertThat(writer.query("fresh", "RETURN 'read first'")).containsExactly(List.of("read first"));
            writer.query("fresh", "CREATE NODE TABLE N(id INT64, PRIMARY KEY(id))");
            writer.query("fresh", "CREATE (:N {id: 1})");
            assertThat(writer.query("fresh", "MATCH (n:N) RETURN count(n)")).containsExactly(List.of(1L));
        }
    }
}
