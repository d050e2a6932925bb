package dev.graphfleet.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.console.service.NodeDetail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyProperty;
import org.junit.jupiter.api.Test;

/** Memory and attachment rows: the same data again sets nothing; a moved download changes only its progress. */
class RowUpdateTest {

    private static final long GIB = 1024L * 1024 * 1024;
    private final List<String> fired = new ArrayList<>();

    private void watch(List<ReadOnlyProperty<?>> properties) {
        properties.forEach(p -> p.addListener((Observable o) -> fired.add(p.getName())));
        properties.forEach(ReadOnlyProperty::getValue); // valid again: each later change fires
    }

    @Test
    void aMemoryRowGivenTheSameFiguresFiresNothing() {
        MemoryRow row = new MemoryRow("writer-1");
        row.update(new MemoryRow.Figures("writer", 16 * GIB, GIB, 12 * GIB, 6 * GIB, 3, 2 * GIB, false, ""));
        watch(List.of(row.roleProperty(), row.ramProperty(), row.budgetProperty(), row.bufferPoolsProperty(),
                row.processProperty(), row.processBytesProperty(), row.barProperty(), row.statusProperty()));

        row.update(new MemoryRow.Figures("writer", 16 * GIB, GIB, 12 * GIB, 6 * GIB, 3, 2 * GIB, false, ""));
        assertThat(fired).isEmpty();

        row.update(new MemoryRow.Figures("writer", 16 * GIB, GIB, 12 * GIB, 6 * GIB, 3, 3 * GIB, false, ""));
        assertThat(fired).containsExactlyInAnyOrder("processBytes", "process", "bar");
    }

    @Test
    void aMemoryRowShowsFiguresAgainAfterAnOutage() {
        MemoryRow row = new MemoryRow("writer-1");
        MemoryRow.Figures figures = new MemoryRow.Figures("writer", 16 * GIB, GIB, 12 * GIB, 6 * GIB, 3, 2 * GIB,
                false, "");
        row.update(figures);
        row.updateUnavailable("writer", "unreachable");

        row.update(figures);

        assertThat(row.statusProperty().get()).isEqualTo("fits");
        assertThat(row.barProperty().get()).isNotNull();
    }

    @Test
    void anAttachmentRowFormatsItsProgressOnlyWhenTheDownloadMoved() {
        AttachmentRow row = new AttachmentRow("replica-1/sec");
        Instant t0 = Instant.parse("2026-11-21T12:00:00Z");
        row.update("replica-1", new NodeDetail.Attachment("sec", "downloading", null, GIB, 4 * GIB, 1, null, t0));
        watch(List.of(row.nodeProperty(), row.repositoryProperty(), row.versionProperty(), row.phaseProperty(),
                row.progressProperty(), row.progressTextProperty(), row.attemptProperty(), row.errorProperty(),
                row.gaugeProperty()));

        // a later report of the same progress: nothing to show
        row.update("replica-1", new NodeDetail.Attachment("sec", "downloading", null, GIB, 4 * GIB, 1, null,
                t0.plusSeconds(1)));
        assertThat(fired).isEmpty();

        row.update("replica-1", new NodeDetail.Attachment("sec", "downloading", null, 2 * GIB, 4 * GIB, 1, null,
                t0.plusSeconds(2)));
        assertThat(fired).containsExactlyInAnyOrder("progress", "progressText", "gauge");
        assertThat(row.progressTextProperty().get()).endsWith("(50 %)");

        row.update("replica-1", new NodeDetail.Attachment("sec", "failed", null, 2 * GIB, 4 * GIB, 2, "checksum",
                t0.plusSeconds(3)));
        assertThat(row.phaseProperty().get()).isEqualTo("failed");
        assertThat(row.attemptProperty().get()).isEqualTo("attempt 2");
        assertThat(row.gaugeProperty().get().level()).isEqualTo("exhausted");
    }
}
