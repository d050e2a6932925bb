package dev.graphfleet.console.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class NodeDetailParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsARecordedNodesMetrics() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/dev/graphfleet/console/recorded/writer-metrics.json")) {
            NodeDetail detail = NodeDetailParser.parse(JSON.readTree(in));

            assertThat(detail.ramBytes()).isEqualTo(Math.round(23.54 * 1024 * 1024 * 1024));
            assertThat(detail.bufferPools()).containsEntry("customer_a", 2_147_483_648L).hasSize(1);
            assertThat(detail.pools()).containsExactly(new NodeDetail.DatabasePool("customer_a", 0, 1, 3, true));
            assertThat(detail.attachments()).isEmpty();
            assertThat(detail.error()).isNull();
        }
    }

    @Test
    void readsAttachmentsInTheNodesShapeAndTheOlderOne() throws Exception {
        var metrics = JSON.readTree("""
                {"attachments": {"attachments": [
                  {"repository": "sec", "phase": "DOWNLOADING", "bytes_done": 5, "bytes_total": 10, "attempt": 2,
                   "updated_at": "2026-11-21T10:15:31Z"},
                  {"repository": "economic", "phase": "FAILED", "attempts": 3, "last_error": "checksum mismatch"},
                  {"phase": "attached"}]}}""");

        NodeDetail detail = NodeDetailParser.parse(metrics);

        assertThat(detail.attachments()).hasSize(2);
        NodeDetail.Attachment sec = detail.attachments().get(0);
        assertThat(sec.phase()).isEqualTo("downloading");
        assertThat(sec.attempt()).isEqualTo(2);
        assertThat(sec.progress()).isEqualTo(0.5);
        NodeDetail.Attachment economic = detail.attachments().get(1);
        assertThat(economic.attempt()).isEqualTo(3);
        assertThat(economic.error()).isEqualTo("checksum mismatch");
        assertThat(economic.progress()).as("unknown size").isEqualTo(-1);
    }

    @Test
    void aRefreshingNodesTargetAndPinAreReadAndAPinShowsWithTheVersion() throws Exception {
        var metrics = JSON.readTree("""
                {"attachments": {"refresh": {"interval_seconds": 60, "result": "moved", "moved": ["ra v1 -> v2"]},
                 "attachments": [
                  {"repository": "ra", "phase": "downloading", "version": "v1", "target": "v2", "pinned": false},
                  {"repository": "sec", "phase": "attached", "version": "v3", "target": "v3", "pinned": true},
                  {"repository": "old", "phase": "attached", "version": "v1"}]}}""");

        NodeDetail detail = NodeDetailParser.parse(metrics);

        assertThat(detail.attachments()).extracting(NodeDetail.Attachment::version)
                .containsExactly("v1", "v3 (pinned)", "v1");
        assertThat(detail.attachments().get(0).phase()).isEqualTo("downloading");
    }

    @Test
    void missingSectionsLeaveTheirPartsEmpty() throws Exception {
        NodeDetail detail = NodeDetailParser.parse(JSON.readTree("{\"system\": {\"memory\": {\"total_gb\": \"n/a\"}}}"));

        assertThat(detail.ramBytes()).isNull();
        assertThat(detail.bufferPools()).isEmpty();
        assertThat(detail.pools()).isEmpty();
        assertThat(detail.attachments()).isEmpty();
    }
}
