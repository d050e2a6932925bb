package dev.graphfleet.console.viewmodel;

import dev.graphfleet.console.service.NodeDetail;
import javafx.beans.property.ReadOnlyObjectProperty;

/** One repository's attachment on one node: phase, download progress, attempt and last error. */
public final class AttachmentRow {

    private final String key;
    private final RowValues<Texts> texts = new RowValues<>(this);

    AttachmentRow(String key) {
        this.key = key;
    }

    /**
     * Everything the row shows, formatted off the FX thread (the view's prepare step): the same instance
     * again when nothing changed, so the FX thread skips the row after one comparison.
     */
    record Texts(String node, String repository, String version, String phase, String attempt, String error,
                 double progress, String progressText, Gauge gauge) {

        static Texts of(String nodeId, NodeDetail.Attachment a) {
            double done = "attached".equals(a.phase()) ? 1.0 : a.progress();
            String progressText = AttachmentRow.progressText(a, done);
            return new Texts(nodeId, a.repository(), a.version() == null ? "—" : a.version(), a.phase(),
                    a.attempt() <= 0 ? "—" : "attempt " + a.attempt(), a.error() == null ? "" : a.error(), done,
                    progressText, new Gauge(Math.max(0, done), "failed".equals(a.phase()) ? "exhausted" : "ok",
                    progressText));
        }
    }

    /** Shows {@code a}: only what changed fires (a later report of the same progress, nothing). */
    void update(String nodeId, NodeDetail.Attachment a) {
        show(Texts.of(nodeId, a));
    }

    /** On the FX thread: texts seen before cost one comparison; new ones fire the changed columns cells show. */
    void show(Texts t) {
        texts.show(t);
    }

    private static String progressText(NodeDetail.Attachment a, double done) {
        if (a.bytesTotal() <= 0) {
            return done >= 1.0 ? "done" : "—";
        }
        return Units.bytes(a.bytesDone()) + " of " + Units.bytes(a.bytesTotal()) + " (" + Units.percent(done) + ")";
    }

    /** The progress bar (red when the attachment failed). */
    public ReadOnlyObjectProperty<Gauge> gaugeProperty() {
        return texts.column("gauge", Texts::gauge);
    }

    public String key() {
        return key;
    }

    public ReadOnlyObjectProperty<String> nodeProperty() {
        return texts.column("node", Texts::node);
    }

    public ReadOnlyObjectProperty<String> repositoryProperty() {
        return texts.column("repository", Texts::repository);
    }

    public ReadOnlyObjectProperty<String> versionProperty() {
        return texts.column("version", Texts::version);
    }

    /** pending, downloading, verifying, attaching, attached or failed. */
    public ReadOnlyObjectProperty<String> phaseProperty() {
        return texts.column("phase", Texts::phase);
    }

    /** Downloaded fraction 0..1; -1 when the size is unknown (an indeterminate bar). */
    public ReadOnlyObjectProperty<Double> progressProperty() {
        return texts.column("progress", Texts::progress);
    }

    public ReadOnlyObjectProperty<String> progressTextProperty() {
        return texts.column("progressText", Texts::progressText);
    }

    public ReadOnlyObjectProperty<String> attemptProperty() {
        return texts.column("attempt", Texts::attempt);
    }

    public ReadOnlyObjectProperty<String> errorProperty() {
        return texts.column("error", Texts::error);
    }
}
