package dev.graphfleet.fleet.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.graphfleet.fleet.DataVersion;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NodeDocumentsFreshnessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDataVersionIsDatedByItsOldestRepositoryAndCarriesTheNodesStaleFlag() throws Exception {
        var metrics = JSON.readTree("""
                {"attachments": {"attachments": [
                  {"repository": "sec", "phase": "attached", "version": "v3", "version_created_at": "2026-11-20T00:00:00Z"},
                  {"repository": "industry", "phase": "attached", "version": "v2", "version_created_at": "2026-11-18T00:00:00Z"}]}}
                """);
        var health = NodeDocuments.health(JSON.readTree("""
                {"status": "ready", "node_id": "replica-1", "stale": true, "reason": "the data is 4 d old"}
                """));
        DataVersion v = NodeDocuments.dataVersion(NodeDocuments.summary(metrics), Instant.parse("2026-11-22T00:00:00Z"));
        assertThat(v.id()).isEqualTo("industry@v2 sec@v3");
        assertThat(v.createdAt()).isEqualTo(Instant.parse("2026-11-18T00:00:00Z"));
        assertThat(v.age()).isEqualTo(Duration.ofDays(4));
        assertThat(health.stale()).isTrue();
        assertThat(health.reason()).isEqualTo("the data is 4 d old");
        assertThat(NodeDocuments.health(JSON.readTree("{\"status\": \"ready\"}")).stale()).isNull();
    }
}
