package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.testing.FleetStates.GIB;
import static dev.graphfleet.console.testing.FleetStates.node;
import static dev.graphfleet.console.testing.FleetStates.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.graphfleet.config.NodeType;
import dev.graphfleet.console.service.NodeDetail;
import dev.graphfleet.console.testing.FleetStates;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Attachments view as an operator reads it: every repository on every node, its progress, and failures. */
class AttachmentsViewModelTest {

    private final AttachmentsViewModel model = new AttachmentsViewModel();

    private AttachmentRow row(String key) {
        return model.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    private static NodeDetail.Attachment attachment(String repository, String phase, String version, long done,
                                                    long total, int attempt, String error) {
        return new NodeDetail.Attachment(repository, phase, version, done, total, attempt, error, null);
    }

    private static NodeDetail details(NodeDetail.Attachment... attachments) {
        return new NodeDetail(null, null, null, 0, 0, 0, List.of(attachments), null);
    }

    @Test
    void theNodeDetailsGiveProgressAndAttemptsByNodeThenRepository() {
        model.apply(FleetStates.refresh(FleetStates.fleet(node("r-2", NodeType.SHARED_REPLICA).build(),
                        node("r-1", NodeType.SHARED_REPLICA).build()))
                .detail("r-2", details(attachment("sec", "downloading", "v3", GIB, 4 * GIB, 2, null)))
                .detail("r-1", details(attachment("sec", "attached", "v3", 0, 0, 1, null),
                        attachment("economic", "failed", null, 0, 0, 3, "checksum mismatch"),
                        attachment("legal", "pending", null, 0, 0, 0, null)))
                .build());

        assertThat(model.rows()).extracting(AttachmentRow::key)
                .containsExactly("r-1/economic", "r-1/legal", "r-1/sec", "r-2/sec");
        AttachmentRow downloading = row("r-2/sec");
        assertThat(List.of(downloading.nodeProperty().get(), downloading.repositoryProperty().get(),
                downloading.versionProperty().get(), downloading.phaseProperty().get(), downloading.attemptProperty().get(),
                downloading.errorProperty().get(), downloading.progressTextProperty().get()))
                .containsExactly("r-2", "sec", "v3", "downloading", "attempt 2", "", "1.0 GiB of 4.0 GiB (25 %)");
        assertThat(downloading.progressProperty().get()).isEqualTo(0.25);
        assertThat(downloading.gaugeProperty().get()).isEqualTo(new Gauge(0.25, "ok", "1.0 GiB of 4.0 GiB (25 %)"));

        AttachmentRow attached = row("r-1/sec");
        assertThat(attached.progressProperty().get()).as("attached is done, size known or not").isEqualTo(1.0);
        assertThat(attached.progressTextProperty().get()).isEqualTo("done");
        assertThat(attached.attemptProperty().get()).isEqualTo("attempt 1");

        AttachmentRow failed = row("r-1/economic");
        assertThat(failed.errorProperty().get()).isEqualTo("checksum mismatch");
        assertThat(failed.versionProperty().get()).isEqualTo("—");
        assertThat(failed.gaugeProperty().get()).isEqualTo(new Gauge(0, "exhausted", "—"));

        AttachmentRow pending = row("r-1/legal");
        assertThat(pending.attemptProperty().get()).isEqualTo("—");
        assertThat(pending.progressProperty().get()).as("unknown size: an indeterminate bar").isEqualTo(-1);
        assertThat(pending.progressTextProperty().get()).isEqualTo("—");

        assertThat(model.failedProperty().get()).isEqualTo(1);
        assertThat(model.anyVersionProperty().get()).isTrue();
        assertThat(model.summaryProperty().get()).isEqualTo("1 attachment failed");
    }

    @Test
    void withoutNodeDetailsTheFleetSummarySaysPhaseVersionAndError() {
        model.apply(FleetStates.refresh(FleetStates.fleet(
                        node("r-1", NodeType.SHARED_REPLICA).attachment("sec", "failed", null, "disk full")
                                .attachment("economic", "failed", null, null).build(),
                        node("r-2", NodeType.SHARED_REPLICA).attachment("sec", "attached", null, null).build()))
                .detail("r-1", NodeDetail.failed("/metrics: HTTP 500")).build());

        assertThat(model.rows()).extracting(AttachmentRow::key).containsExactly("r-1/economic", "r-1/sec", "r-2/sec");
        assertThat(row("r-1/sec").errorProperty().get()).isEqualTo("disk full");
        assertThat(row("r-1/sec").attemptProperty().get()).isEqualTo("—");
        assertThat(row("r-2/sec").progressTextProperty().get()).isEqualTo("done");
        assertThat(model.failedProperty().get()).isEqualTo(2);
        assertThat(model.anyVersionProperty().get()).isFalse();
        assertThat(model.summaryProperty().get()).isEqualTo("2 attachments failed");
    }

    @Test
    void theHeadlineNamesTheNodesThatSentNothing() {
        model.apply(state(node("r-1", NodeType.SHARED_REPLICA).attachment("sec", "attached", "v3", null).build(),
                node("r-2", NodeType.SHARED_REPLICA).down("connection refused").build()));

        assertThat(model.summaryProperty().get())
                .isEqualTo("No failed attachment on 1 of 2 nodes · no figures from r-2: unreachable: connection refused");
        assertThat(model.rows()).extracting(AttachmentRow::key).containsExactly("r-1/sec");

        model.apply(state(node("r-1", NodeType.SHARED_REPLICA).attachment("sec", "failed", "v3", null).build(),
                node("r-2", NodeType.SHARED_REPLICA).down("connection refused").build()));
        assertThat(model.summaryProperty().get())
                .isEqualTo("1 attachment failed · no figures from r-2: unreachable: connection refused");

        model.apply(state(node("r-1", NodeType.SHARED_REPLICA).build()));
        assertThat(model.summaryProperty().get()).isEqualTo("No failed attachment");
        assertThat(model.rows()).isEmpty();
        assertThat(model.failedProperty().get()).isZero();
    }

    @Test
    void anUnchangedAttachmentKeepsItsTextsAndTheFilterSearchesEveryColumn() {
        FleetStates.Refresh refresh = FleetStates.refresh(FleetStates.fleet(node("r-1", NodeType.SHARED_REPLICA).build(),
                        node("r-2", NodeType.SHARED_REPLICA).build()))
                .detail("r-1", details(attachment("sec", "downloading", "v3", GIB, 4 * GIB, 2, null)))
                .detail("r-2", details(attachment("sec", "failed", "v2", 0, 0, 3, "checksum mismatch")));
        AttachmentsViewModel.Frame first = model.prepareRefresh(refresh.build());
        AttachmentsViewModel.Frame second = model.prepareRefresh(refresh.build());
        assertThat(second.items().get(0).texts()).isSameAs(first.items().get(0).texts());
        model.apply(second);

        assertThat(visible("phase:failed")).containsExactly("r-2/sec");
        assertThat(visible("version:v3")).containsExactly("r-1/sec");
        assertThat(visible("attempt:3")).containsExactly("r-2/sec");
        assertThat(visible("error:checksum")).containsExactly("r-2/sec");
        assertThat(visible("node:r-1")).containsExactly("r-1/sec");
        assertThat(visible("repository:sec")).hasSize(2);
    }

    private List<String> visible(String query) {
        model.filter().textProperty().set(query);
        return model.filter().visible().stream().map(AttachmentRow::key).toList();
    }
}
