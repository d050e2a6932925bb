package dev.graphfleet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.graph.GraphEngines;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachIsolationProbeTest {

    @TempDir
    Path dir;

    @Test
    void kuzuDoesNotIsolateTwoAttachedDatabasesSoTheProbePicksGovernedDatabases() {
        AttachIsolationProbe.Result result = AttachIsolationProbe.probe(GraphEngines.load(), dir);
        assertThat(result.strategy()).isEqualTo(ServingStrategy.GOVERNED_DATABASES);
        // The documented 0.11.2 behaviour: USE probe_a succeeds but TA does not bind.
        assertThat(result.evidence()).contains("table TA was not visible on a connection that used its database");
    }
}
