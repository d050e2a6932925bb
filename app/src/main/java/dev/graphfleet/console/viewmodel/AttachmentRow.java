package dev.graphfleet.console.viewmodel;

import static dev.graphfleet.console.viewmodel.RowSync.set;

import dev.graphfleet.console.service.NodeDetail;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One repository's attachment on one node: phase, download progress, attempt and last error. */
public final class AttachmentRow {

    private final String key;
    private final StringProperty node = new SimpleStringProperty(this, "node");
    private final StringProperty repository = new SimpleStringProperty(this, "repository");
    private final StringProperty version = new SimpleStringProperty(this, "version");
    private final StringProperty phase = new SimpleStringProperty(this, "phase");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText");
    private final StringProperty attempt = new SimpleStringProperty(this, "attempt");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final ObjectProperty<Gauge> gauge = new SimpleObjectProperty<>(this, "gauge");
    /** The texts shown: prepared texts seen before cost one comparison. */
    private Texts shown;

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

    /** On the FX thread: sets what changed. */
    void show(Texts t) {
        if (t == shown) {
            return;
        }
        shown = t;
        set(node, t.node());
        set(repository, t.repository());
        set(version, t.version());
        set(phase, t.phase());
        set(attempt, t.attempt());
        set(error, t.error());
        set(progress, t.progress());
        set(progressText, t.progressText());
        set(gauge, t.gauge());
    }

    private static String progressText(NodeDetail.Attachment a, double done) {
        if (a.bytesTotal() <= 0) {
            return done >= 1.0 ? "done" : "—";
        }
        return Units.bytes(a.bytesDone()) + " of " + Units.bytes(a.bytesTotal()) + " (" + Units.percent(done) + ")";
    }

    /** The progress bar (red when the attachment failed). */
    public ObjectProperty<Gauge> gaugeProperty() {
        return gauge;
    }

    public String key() {
        return key;
    }

    public StringProperty nodeProperty() {
        return node;
    }

    public StringProperty repositoryProperty() {
        return repository;
    }

    public StringProperty versionProperty() {
        return version;
    }

    /** pending, downloading, verifying, attaching, attached or failed. */
    public StringProperty phaseProperty() {
        return phase;
    }

    /** Downloaded fraction 0..1; -1 when the size is unknown (an indeterminate bar). */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressTextProperty() {
        return progressText;
    }

    public StringProperty attemptProperty() {
        return attempt;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
